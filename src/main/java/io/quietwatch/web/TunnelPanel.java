package io.quietwatch.web;

import io.quietwatch.event.LogEvent;
import io.quietwatch.store.AlertStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "HTTP tunnel candidates": web sessions still open for at least a threshold (the http-tunnel rule's
 * {@code HttpTunnelOpen} table; the page counts their duration on), long closed sessions (the rule's
 * alerts in the store, with user and bytes), and per host and destination the time connected over 24 hours
 * ({@code HttpTunnelDaily}).
 */
final class TunnelPanel {
    static final int MAX_ROWS = 100;
    private static final String OPEN = "select hostIp, userName, destinationIp, destinationPort, startTime, observer, connectionId "
            + "from HttpTunnelOpen where startTime <= current_timestamp() - ?:minMillis:long "
            + "order by startTime asc limit " + MAX_ROWS;
    private static final String DAILY = "select hostIp, destinationIp, sum(totalSeconds) as totalSeconds, sum(sessionCount) as sessions "
            + "from HttpTunnelDaily where hourStart > current_timestamp() - 86400000L group by hostIp, destinationIp";

    private final EngineQueries queries;
    private final AlertStore store;

    TunnelPanel(EngineQueries queries, AlertStore store) {
        this.queries = queries;
        this.store = store;
    }

    Map<String, Object> tunnels(int minMinutes) throws EngineQueries.QueryException {
        EngineQueries.Rows open = queries.query(OPEN, Map.of("minMillis", minMinutes * 60_000L), MAX_ROWS);
        for (Map<String, Object> row : open.rows()) {
            row.put("durationSeconds", (open.engineTime() - ((Number) row.get("startTime")).longValue()) / 1000);
        }
        EngineQueries.Rows daily = queries.query(DAILY, Map.of(), 100_000);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine_time", open.engineTime());
        out.put("open", open.rows());
        out.put("closed", closed());
        out.put("daily", daily.top(java.util.Comparator.comparingLong(
                (Map<String, Object> d) -> EngineQueries.number(d, "totalSeconds")).reversed(), MAX_ROWS));
        return out;
    }

    private List<Map<String, Object>> closed() {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (store == null) {
            return rows;
        }
        for (AlertStore.StoredAlert s : store.find(new AlertStore.AlertQuery("http-tunnel", null, null, null, null, MAX_ROWS))) {
            var a = s.alert();
            if (Boolean.TRUE.equals(a.details().get("stillOpen"))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id());
            row.put("rule", a.rule());
            row.put("hostIp", a.hostIp());
            row.put("userName", a.userName());
            row.put("destinationIp", a.destinationIp());
            row.put("destinationPort", a.destinationPort());
            Object secs = a.details().getOrDefault("durationSeconds", a.details().get("totalSeconds"));
            row.put("durationSeconds", secs);
            row.put("bytes", bytes(a.evidence()));
            row.put("firstSeen", a.firstSeen());
            row.put("lastSeen", a.lastSeen());
            row.put("severity", a.severity().word());
            rows.add(row);
        }
        return rows;
    }

    private static Long bytes(List<LogEvent> evidence) {
        for (LogEvent e : evidence) {
            if (e.networkBytes() != null) {
                return e.networkBytes();
            }
            if (e.sourceBytes() != null || e.destinationBytes() != null) {
                return (e.sourceBytes() == null ? 0 : e.sourceBytes()) + (e.destinationBytes() == null ? 0 : e.destinationBytes());
            }
        }
        return null;
    }
}
