package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.Alert;
import io.quietwatch.event.LogEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert's values as the mail templates name them, unescaped (the template's escaper escapes) but
 * length-capped, so one huge log line cannot make a huge mail.
 */
final class AlertView {
    /** Evidence lines shown per alert. */
    static final int MAX_EVIDENCE = 10;
    private static final int MAX_FIELD = 2000;
    private static final int MAX_LINE = 4000;
    private static final int MAX_DETAILS = 50;

    private AlertView() {
    }

    /** Values of the body templates. */
    static Map<String, Object> body(Alert a) {
        Map<String, Object> v = summary(a);
        List<Map<String, String>> details = new ArrayList<>();
        for (Map.Entry<String, Object> d : a.details().entrySet()) {
            if (details.size() == MAX_DETAILS) {
                break;
            }
            details.add(Map.of("key", cap(d.getKey(), 200), "value", cap(String.valueOf(d.getValue()), MAX_FIELD)));
        }
        v.put("details", details);
        v.put("has_details", details.isEmpty() ? "" : "yes");
        List<Map<String, String>> evidence = new ArrayList<>();
        for (LogEvent e : a.evidence()) {
            if (evidence.size() == MAX_EVIDENCE) {
                break;
            }
            evidence.add(Map.of("line", cap(line(e), MAX_LINE)));
        }
        v.put("evidence", evidence);
        v.put("has_evidence", evidence.isEmpty() ? "" : "yes");
        int more = a.evidence().size() - evidence.size();
        v.put("evidence_more", more > 0 ? more + " more event" + (more == 1 ? "" : "s") + " not shown" : "");
        return v;
    }

    /** Values of one alert without its details and evidence (digest rows, subjects). */
    static Map<String, Object> summary(Alert a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", cap(a.id(), 200));
        v.put("title", cap(a.title() == null || a.title().isBlank() ? a.detection() : a.title(), MAX_FIELD));
        v.put("severity", a.severity().word());
        v.put("detection", cap(a.detection(), 200));
        v.put("rule", cap(orEmpty(a.rule()), 200));
        v.put("host", cap(orEmpty(a.hostIp()), 200));
        v.put("user", cap(orEmpty(a.userName()), 200));
        v.put("destination", cap(destination(a), 300));
        v.put("timestamp", Instant.ofEpochMilli(a.timestamp()).toString());
        v.put("first_seen", Instant.ofEpochMilli(a.firstSeen()).toString());
        v.put("last_seen", Instant.ofEpochMilli(a.lastSeen()).toString());
        v.put("count", Long.toString(a.count()));
        v.put("reason", cap(orEmpty(a.reason()), MAX_FIELD));
        return v;
    }

    /** Values of the subject template: {@code host} says "unknown host" when unknown, {@code user} reads " (user NAME)". */
    static Map<String, Object> subject(Alert a) {
        Map<String, Object> v = summary(a);
        v.put("host", a.hostIp() == null || a.hostIp().isBlank() ? "unknown host" : v.get("host"));
        v.put("user", a.userName() == null || a.userName().isBlank() ? "" : " (user " + v.get("user") + ")");
        return v;
    }

    private static String destination(Alert a) {
        String ip = a.destinationIp();
        Integer port = a.destinationPort();
        if (ip == null) {
            return port == null ? "" : "port " + port;
        }
        if (port == null) {
            return ip;
        }
        return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + port : ip + ":" + port;
    }

    private static String line(LogEvent e) {
        if (e.original() != null) {
            return e.original();
        }
        StringBuilder sb = new StringBuilder(Instant.ofEpochMilli(e.timestamp()).toString());
        append(sb, "action", e.action());
        append(sb, "src", e.sourceIp() == null ? null : e.sourceIp() + (e.sourcePort() == null ? "" : ":" + e.sourcePort()));
        append(sb, "dst", e.destinationIp() == null ? null
                : e.destinationIp() + (e.destinationPort() == null ? "" : ":" + e.destinationPort()));
        append(sb, "url", e.url());
        append(sb, "user", e.userName());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, String value) {
        if (value != null) {
            sb.append(' ').append(key).append('=').append(value);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String cap(String s, int max) {
        return MailText.cap(s, max);
    }
}
