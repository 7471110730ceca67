package io.quietwatch.alert.sink.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quietwatch.alert.Alert;
import io.quietwatch.event.EventJson;
import io.quietwatch.event.LogEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What tickets show about an alert, in one order for every sink: labelled one-line facts for a
 * table, and the evidence as log lines. Values are untrusted text made one-line
 * ({@link AlertText#oneLine}); sinks escape them for their markup.
 */
public final class AlertFacts {
    /** Characters kept of one fact's value. */
    public static final int MAX_VALUE = 500;
    /** Evidence lines shown at most. */
    public static final int MAX_EVIDENCE_LINES = 20;
    /** Characters kept of one evidence line. */
    public static final int MAX_EVIDENCE_CHARS = 1000;

    private static final JsonFactory JSON = new JsonFactory();

    /** One labelled value. */
    public record Fact(String label, String value) {
    }

    private AlertFacts() {
    }

    /** Detection, rule, severity, host, user, destination, times, count, then the rule's details. */
    public static List<Fact> of(Alert a) {
        List<Fact> facts = new ArrayList<>(12 + a.details().size());
        add(facts, "Detection", a.detection());
        add(facts, "Rule", a.rule());
        add(facts, "Severity", a.severity().word());
        add(facts, "Host", a.hostIp());
        add(facts, "User", a.userName());
        add(facts, "Destination", destination(a));
        add(facts, "First seen", Instant.ofEpochMilli(a.firstSeen()).toString());
        add(facts, "Last seen", Instant.ofEpochMilli(a.lastSeen()).toString());
        add(facts, "Count", Long.toString(a.count()));
        add(facts, "Alert id", a.id());
        for (Map.Entry<String, Object> d : a.details().entrySet()) {
            add(facts, d.getKey(), String.valueOf(d.getValue()));
        }
        return facts;
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(AlertText.oneLine(label, 100), AlertText.oneLine(value, MAX_VALUE)));
        }
    }

    /** {@code ip}, {@code ip:port} or {@code [v6]:port}, or null. */
    public static String destination(Alert a) {
        String ip = a.destinationIp();
        Integer port = a.destinationPort();
        if (ip == null) {
            return port == null ? null : "port " + port;
        }
        if (port == null) {
            return ip;
        }
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /**
     * The evidence as log lines: each event's original line, or its JSON form when the line was not
     * kept; control characters shown as {@code \xNN}; at most {@link #MAX_EVIDENCE_LINES} lines of
     * {@link #MAX_EVIDENCE_CHARS} characters.
     */
    public static List<String> evidenceLines(Alert a) {
        List<String> lines = new ArrayList<>(Math.min(a.evidence().size(), MAX_EVIDENCE_LINES));
        for (LogEvent e : a.evidence()) {
            if (lines.size() == MAX_EVIDENCE_LINES) {
                break;
            }
            String line = e.original() != null ? e.original() : json(e);
            lines.add(AlertText.visibleLine(line, MAX_EVIDENCE_CHARS));
        }
        return lines;
    }

    /**
     * The name of the machine the alert is about, for fields like PagerDuty's {@code source}: the
     * internal host, else the device that logged the first evidence, else {@code quietwatch}.
     */
    public static String sourceHost(Alert a) {
        if (a.hostIp() != null && !a.hostIp().isBlank()) {
            return AlertText.oneLine(a.hostIp(), 255);
        }
        for (LogEvent e : a.evidence()) {
            if (e.observerHostname() != null && !e.observerHostname().isBlank()) {
                return AlertText.oneLine(e.observerHostname(), 255);
            }
        }
        return "quietwatch";
    }

    /** The alert's title on one line, or the detection when it has none. */
    public static String title(Alert a, int max) {
        String t = a.title() == null || a.title().isBlank() ? a.detection() : a.title();
        return AlertText.oneLine(t, max);
    }

    private static String json(LogEvent e) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            EventJson.write(e, g);
        } catch (IOException ex) {
            return "(event not shown: " + ex.getMessage() + ")";
        }
        return out.toString();
    }
}
