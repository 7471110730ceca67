package io.quietwatch.engine;

import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPStatement;
import com.espertech.esper.runtime.client.UpdateListener;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertIds;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.LogEvent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the output rows of one {@code @Detection} statement into {@link Alert}s. Columns with the
 * names below fill the alert; every other column goes to {@code details}:
 * {@code hostIp, userName, destinationIp, destinationPort, severity, title, reason, firstSeen,
 * lastSeen, count, incidentKey, evidence}. A statement that selects a whole {@code LogEvent}
 * ({@code select * from LogEvent(...)}) gives an alert about that event.
 */
final class AlertListener implements UpdateListener {
    private static final Logger LOG = LogManager.getLogger(AlertListener.class);
    static final int MAX_EVIDENCE = 10;
    private static final Set<String> KNOWN = Set.of("hostIp", "userName", "destinationIp", "destinationPort",
            "severity", "title", "reason", "firstSeen", "lastSeen", "count", "incidentKey", "evidence");

    private final String detection;
    private final String rule;
    private final AlertSeverity defaultSeverity;
    private final String defaultTitle;
    private final String defaultReason;
    private final List<String> tags;
    private final Consumer<Alert> out;

    AlertListener(String detection, String rule, AlertSeverity defaultSeverity, String defaultTitle,
                  String defaultReason, List<String> tags, Consumer<Alert> out) {
        this.tags = List.copyOf(tags);
        this.detection = detection;
        this.rule = rule;
        this.defaultSeverity = defaultSeverity;
        this.defaultTitle = defaultTitle;
        this.defaultReason = defaultReason;
        this.out = out;
    }

    @Override
    public void update(EventBean[] newEvents, EventBean[] oldEvents, EPStatement statement, EPRuntime runtime) {
        if (newEvents == null) {
            return;
        }
        long now = runtime.getEventService().getCurrentTime();
        for (EventBean row : newEvents) {
            try {
                out.accept(toAlert(row.getUnderlying(), now));
            } catch (RuntimeException e) {
                LOG.error("Rule {} ({}): cannot turn an output row into an alert: {}", rule, detection, e.toString());
            }
        }
    }

    Alert toAlert(Object underlying, long now) {
        Map<String, Object> row;
        if (underlying instanceof LogEvent e) {
            row = Map.of("evidence", e);
        } else if (underlying instanceof Map<?, ?> m) {
            row = new LinkedHashMap<>();
            m.forEach((k, v) -> row.put(String.valueOf(k), v));
        } else {
            row = Map.of("evidence", underlying);
        }
        List<LogEvent> evidence = evidence(row.get("evidence"));
        LogEvent first = evidence.isEmpty() ? null : evidence.get(0);
        // a column the rule selects wins even when null; absent columns are taken from the evidence
        String host = column(row, "hostIp", first == null ? null : first.hostIp());
        String user = column(row, "userName", firstUser(evidence));
        String dstIp = column(row, "destinationIp", first == null ? null : first.remoteIp());
        Integer dstPort = row.containsKey("destinationPort")
                ? (row.get("destinationPort") instanceof Number n ? Integer.valueOf(n.intValue()) : null)
                : first != null && dstIp != null && dstIp.equals(first.destinationIp()) ? first.destinationPort() : null;
        long firstSeen = num(row.get("firstSeen"), evidence.stream().mapToLong(LogEvent::timestamp).min().orElse(now));
        long lastSeen = num(row.get("lastSeen"), evidence.stream().mapToLong(LogEvent::timestamp).max().orElse(now));
        long count = num(row.get("count"), 1);
        AlertSeverity severity = severity(row.get("severity"));
        String title = str(row.get("title"), defaultTitle != null ? defaultTitle
                : detection + (host != null ? " on " + host : ""));
        String reason = str(row.get("reason"), defaultReason != null ? defaultReason : title);
        String key = str(row.get("incidentKey"), host + "|" + dstIp + "|" + dstPort + "|" + firstSeen);
        Map<String, Object> details = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (!KNOWN.contains(k) && v != null) {
                details.put(k, v instanceof LogEvent || v.getClass().isArray() ? String.valueOf(v) : v);
            }
        });
        return new Alert(AlertIds.of(detection, key), detection, rule, severity, title, now, firstSeen, lastSeen,
                count, host, user, dstIp, dstPort, reason, evidence, details, tags, 0);
    }

    private AlertSeverity severity(Object column) {
        if (column == null) {
            return defaultSeverity;
        }
        try {
            return AlertSeverity.parse(column.toString());
        } catch (IllegalArgumentException e) {
            LOG.warn("Rule {}: {}; using {}", rule, e.getMessage(), defaultSeverity);
            return defaultSeverity;
        }
    }

    private static List<LogEvent> evidence(Object value) {
        List<LogEvent> list = new ArrayList<>();
        collect(value, list);
        return list;
    }

    private static void collect(Object value, List<LogEvent> list) {
        if (value == null || list.size() >= MAX_EVIDENCE) {
            return;
        }
        if (value instanceof LogEvent e) {
            list.add(e);
        } else if (value instanceof EventBean b) {
            collect(b.getUnderlying(), list);
        } else if (value instanceof AlertEvent a) {
            collect(a.evidence(), list);
        } else if (value instanceof Iterable<?> it) {
            for (Object o : it) {
                collect(o, list);
            }
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                collect(Array.get(value, i), list);
            }
        }
    }

    private static String firstUser(List<LogEvent> evidence) {
        for (LogEvent e : evidence) {
            if (e.userName() != null) {
                return e.userName();
            }
        }
        return null;
    }

    private static String column(Map<String, Object> row, String name, String fallback) {
        if (!row.containsKey(name)) {
            return fallback;
        }
        Object v = row.get(name);
        return v == null ? null : v.toString();
    }

    private static String str(Object v, String fallback) {
        return v == null ? fallback : v.toString();
    }

    private static long num(Object v, long fallback) {
        return v instanceof Number n ? n.longValue() : fallback;
    }
}
