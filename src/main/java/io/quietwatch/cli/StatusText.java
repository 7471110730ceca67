package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The human-readable form of the daemon's {@code /status} and {@code /reload} answers. */
final class StatusText {
    private StatusText() {
    }

    static String status(JsonNode s) {
        StringBuilder b = new StringBuilder();
        long up = s.path("uptime_seconds").asLong();
        b.append(String.format(Locale.ROOT, "up %dd %02dh %02dm %02ds, engine time %s%n", up / 86_400, up / 3600 % 24,
                up / 60 % 60, up % 60, s.path("engine_time").asText("-")));
        b.append(String.format(Locale.ROOT, "received %d, parsed %d, unparsed %d, dropped %d, alerts %d raised / %d delivered%n",
                s.path("received").asLong(), s.path("parsed").asLong(), s.path("unparsed").asLong(), s.path("dropped").asLong(),
                s.path("alerts_raised").asLong(), s.path("alerts_delivered").asLong()));
        b.append("caps (new keys refused because the state was full)\n ");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("caps").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(' ').append(e.getKey()).append(' ').append(e.getValue().asLong());
        }
        b.append('\n');
        b.append("inputs\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode in = e.getValue();
            b.append(String.format(Locale.ROOT, "  %-12s %s/%d  received %d  parsed %d  unparsed %d  dropped %d%n", e.getKey(),
                    in.path("protocol").asText(), in.path("port").asInt(), in.path("received").asLong(), in.path("parsed").asLong(),
                    in.path("unparsed").asLong(), in.path("dropped").asLong()));
        }
        b.append("rules\n");
        for (JsonNode r : s.path("rules")) {
            b.append(String.format(Locale.ROOT, "  %s  %s  running %s  disk %s%n", r.path("file").asText(), r.path("state").asText(),
                    r.path("running_hash").asText("-"), r.path("disk_hash").asText("-")));
            for (JsonNode st : r.path("statements")) {
                b.append(String.format(Locale.ROOT, "    %-34s events %d  cpu %.1f ms  alerts %d%n", st.path("name").asText(),
                        st.path("events_in").asLong(), st.path("cpu_millis").asDouble(), st.path("alerts").asLong()));
            }
        }
        b.append("lists\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("lists").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append("  ").append(e.getKey()).append(' ').append(e.getValue().asLong()).append('\n');
        }
        b.append(state(s.path("state")));
        JsonNode last = s.path("last_reload");
        b.append("last reload: ").append(last.isMissingNode() || last.isNull() ? "none since start" : reload(last));
        return b.toString().stripTrailing();
    }

    /** The state snapshots: the last one written (time, size, rows, how long) and what the start restored. */
    static String state(JsonNode st) {
        if (st.isMissingNode() || !st.path("enabled").asBoolean(true)) {
            return "state: snapshots disabled\n";
        }
        JsonNode w = st.path("last_snapshot");
        String last = w.isMissingNode() || w.isNull() ? "none yet"
                : String.format(Locale.ROOT, "%s, %d bytes, %d rows in %d tables, copied in %d ms (longest pause %d ms), written in %d ms",
                w.path("time").asText(), w.path("size_bytes").asLong(), w.path("rows").asLong(), w.path("tables").asInt(),
                w.path("copy_millis").asLong(), w.path("longest_pause_millis").asLong(), w.path("write_millis").asLong());
        return String.format(Locale.ROOT, "state: %s every %ds, last snapshot %s; restored at start %s%s%n", st.path("path").asText(),
                st.path("snapshot_interval_seconds").asLong(), last, st.path("restored").asText(),
                st.hasNonNull("last_error") ? "; last error: " + st.path("last_error").asText() : "");
    }

    static String reload(JsonNode r) {
        StringBuilder b = new StringBuilder();
        b.append(r.path("outcome").asText()).append(" at ").append(r.path("time").asText())
                .append(" (").append(r.path("trigger").asText()).append(')');
        for (String part : new String[] {"added", "changed", "removed", "redeployed"}) {
            if (r.path(part).size() > 0) {
                b.append("\n  ").append(part).append(':');
                r.path(part).forEach(f -> b.append(' ').append(f.asText()));
            }
        }
        r.path("errors").forEach(e -> b.append('\n').append(e.asText()));
        return b.toString();
    }
}
