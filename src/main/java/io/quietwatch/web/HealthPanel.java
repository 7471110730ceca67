package io.quietwatch.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * "Health": per input the messages per second received, parsed, unparsed and dropped (since the previous
 * look at least a second earlier; since start on the first), the rules' statements with their events and
 * alerts, and each sink's delivery state. From {@code Daemon.stats()} and {@code Daemon.status()}.
 */
final class HealthPanel {
    private static final String[] RATES = {"received", "parsed", "unparsed", "dropped"};

    private final LongFunction<Map<String, Object>> stats;
    private final LongFunction<Map<String, Object>> status;
    private Map<String, Object> previous;
    private long previousAt;

    HealthPanel(LongFunction<Map<String, Object>> stats, LongFunction<Map<String, Object>> status) {
        this.stats = stats;
        this.status = status;
    }

    /** The short open {@code /health} figures. */
    Map<String, Object> summary(long now, boolean up) {
        Map<String, Object> s = stats.apply(now);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "up" : "down");
        for (String k : List.of("uptime_seconds", "engine_time", "received", "processed", "dropped", "queue_depth", "alerts_raised")) {
            out.put(k, s.get(k));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    synchronized Map<String, Object> detail(long now) {
        Map<String, Object> s = status.apply(now);
        Map<String, Object> inputs = (Map<String, Object>) s.get("inputs");
        long since = previous == null ? ((Number) s.get("uptime_seconds")).longValue() * 1000 : now - previousAt;
        Map<String, Object> before = previous == null ? Map.of() : (Map<String, Object>) previous.get("inputs");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : inputs.entrySet()) {
            Map<String, Object> in = (Map<String, Object>) e.getValue();
            Map<String, Object> was = (Map<String, Object>) before.getOrDefault(e.getKey(), Map.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", e.getKey());
            row.put("protocol", in.get("protocol"));
            row.put("port", in.get("port"));
            for (String k : RATES) {
                long delta = ((Number) in.get(k)).longValue() - ((Number) was.getOrDefault(k, 0L)).longValue();
                row.put(k + "_per_second", since <= 0 ? 0.0 : Math.round(delta * 10_000.0 / since) / 10.0);
                row.put(k, in.get(k));
            }
            rows.add(row);
        }
        if (previous == null || now - previousAt >= 1000) {
            previous = s;
            previousAt = now;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("uptime_seconds", "engine_time", "received", "processed", "parsed", "unparsed", "dropped",
                "queue_depth", "alerts_raised", "alerts_suppressed", "alerts_delivered", "alerts_dead_lettered")) {
            out.put(k, s.get(k));
        }
        out.put("inputs", rows);
        out.put("rules", statements(s.get("rules")));
        out.put("sinks", s.get("sinks"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!(rules instanceof List<?> files)) {
            return out;
        }
        for (Object f : files) {
            Map<String, Object> file = (Map<String, Object>) f;
            for (Object st : (List<Object>) file.getOrDefault("statements", List.of())) {
                Map<String, Object> m = (Map<String, Object>) st;
                // the statements that raise alerts carry @Name; the others have the engine's numbered names
                if (m.get("name") == null || ((String) m.get("name")).matches("(stmt-)?\\d+")) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", file.get("file"));
                row.put("name", m.get("name"));
                row.put("events_in", m.get("events_in"));
                row.put("alerts", m.get("alerts"));
                out.add(row);
            }
        }
        return out;
    }
}
