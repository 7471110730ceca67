package io.quietwatch.cli;

import io.quietwatch.alert.Alert;
import io.quietwatch.engine.EventTracer;
import io.quietwatch.event.LogEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The human part of {@code replay --explain} and {@code replay --trace}: lines that follow an alert's
 * JSON line, or stand for a traced event. Every line starts with {@code #}, so {@code grep -v '^#'}
 * still gives the plain JSON lines. Text from the logs is printed with control characters escaped.
 */
final class ReplayExplainer {
    private ReplayExplainer() {
    }

    /**
     * The explanation of one alert:
     * <pre>
     * # medium uncommon-port (rule uncommon-port-new): Uncommon port 4444/tcp used by 10.1.0.20
     * #   reason: 10.1.0.20 sent allowed tcp traffic to 203.0.113.66 port 4444, ...
     * #   evidence 1 of 1: 2026-11-09T09:30:00Z cisco-asa outbound tcp 10.1.0.20:51234 -> 203.0.113.66:4444 ...
     * #     %ASA-6-302013: Built outbound TCP connection ...
     * </pre>
     */
    static List<String> explain(Alert a) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + a.severity().word() + " " + a.detection() + " (rule " + a.rule() + "): " + clean(a.title()));
        if (a.reason() != null && !a.reason().equals(a.title())) {
            lines.add("#   reason: " + clean(a.reason()));
        }
        List<LogEvent> evidence = a.evidence();
        if (evidence == null || evidence.isEmpty()) {
            lines.add("#   no evidence: the rule selected no LogEvent as evidence");
            return lines;
        }
        for (int i = 0; i < evidence.size(); i++) {
            LogEvent e = evidence.get(i);
            lines.add("#   evidence " + (i + 1) + " of " + evidence.size() + ": " + summary(e));
            lines.add("#     " + (e.original() == null ? "(no original line)" : clean(e.original())));
        }
        return lines;
    }

    /**
     * The lines of one traced event:
     * <pre>
     * # trace 2026-11-09T09:30:00Z cisco-asa outbound tcp 10.1.0.20:51234 -> 203.0.113.66:4444 allowed start
     * #   line: %ASA-6-302013: Built outbound TCP connection ...
     * #   reached quietwatch.uncommon_port: insert into UncommonPortUse select ...  [filter matched, output]
 * #   reached quietwatch.uncommon_port: on UncommonPortUse as u merge ...  [reached indirectly, output]
     * #   reached quietwatch.uncommon_port: uncommon-port-new  [reached indirectly, output: alert uncommon-port]
     * </pre>
     */
    static List<String> trace(EventTracer.Trace t) {
        List<String> lines = new ArrayList<>();
        lines.add("# trace " + summary(t.event()));
        lines.add("#   line: " + (t.event().original() == null ? "(none)" : clean(t.event().original())));
        if (t.hits().isEmpty()) {
            lines.add("#   reached no rule statement");
        }
        for (EventTracer.Hit h : t.hits()) {
            String what = h.name() != null ? h.name() : abbreviate(h.epl());
            List<String> how = new ArrayList<>();
            how.add(h.matchedFilter() ? "filter matched" : "reached indirectly");
            how.add(!h.output() ? "no output" : h.detection() != null ? "output: alert " + h.detection() : "output");
            lines.add("#   reached " + h.module() + ": " + what + "  [" + String.join(", ", how) + "]");
        }
        return lines;
    }

    /** One line with the time and the key fields of an event that it has. */
    static String summary(LogEvent e) {
        StringBuilder b = new StringBuilder(Instant.ofEpochMilli(e.timestamp()).toString());
        append(b, e.format());
        append(b, e.action());
        append(b, e.direction());
        append(b, e.transport());
        if (e.sourceIp() != null || e.destinationIp() != null) {
            b.append(' ').append(endpoint(e.sourceIp(), e.sourcePort())).append(" -> ").append(endpoint(e.destinationIp(), e.destinationPort()));
        }
        append(b, e.outcome());
        append(b, e.phase());
        if (e.hostIp() != null && !e.hostIp().equals(e.sourceIp()) && !e.hostIp().equals(e.destinationIp())) {
            field(b, "host", e.hostIp());
        }
        field(b, "user", e.userName());
        field(b, "duration", e.durationSeconds() == null ? null : e.durationSeconds() + "s");
        field(b, "bytes", e.networkBytes());
        field(b, "ttl", e.ipTtl());
        field(b, "url", e.url());
        field(b, "mime", e.mimeType());
        field(b, "conn", e.connectionId());
        return clean(b.toString());
    }

    private static String endpoint(String ip, Integer port) {
        String host = ip == null ? "?" : ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
        return port == null ? host : host + ":" + port;
    }

    private static void append(StringBuilder b, String word) {
        if (word != null) {
            b.append(' ').append(word);
        }
    }

    private static void field(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(' ').append(name).append('=').append(value);
        }
    }

    private static String abbreviate(String epl) {
        String flat = epl.replaceAll("(?m)^\\s*//.*$", "").replaceAll("\\s+", " ").strip();
        return flat.length() > 90 ? flat.substring(0, 87) + "..." : flat;
    }

    /** Control characters (CR, LF, ESC, ...) as {@code \xNN}, so a log line cannot forge output lines. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
