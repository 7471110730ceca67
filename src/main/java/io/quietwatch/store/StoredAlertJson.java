package io.quietwatch.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quietwatch.alert.AlertJson;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored alert as JSON: the alert's own form ({@link AlertJson}) with {@code acknowledged} added,
 * {@code {"at": "<ISO-8601>", "by": "<user>"}} or null. Used by {@code GET /alerts} and {@code quietwatch alerts}.
 */
public final class StoredAlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredAlertJson() {
    }

    /** The stored alert as a JSON tree. */
    public static ObjectNode tree(AlertStore.StoredAlert s) {
        try {
            ObjectNode n = (ObjectNode) MAPPER.readTree(AlertJson.toJson(s.alert()));
            Map<String, String> ack = acknowledgement(s);
            if (ack != null) {
                ack.forEach(n.putObject("acknowledged")::put);
            } else {
                n.putNull("acknowledged");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code acknowledged} value: {@code {"at": "<ISO-8601>", "by": "<user>"}}, or null when not acknowledged. */
    public static Map<String, String> acknowledgement(AlertStore.StoredAlert s) {
        if (!s.acknowledged()) {
            return null;
        }
        Map<String, String> ack = new LinkedHashMap<>();
        ack.put("at", Instant.ofEpochMilli(s.acknowledgedAt()).toString());
        ack.put("by", s.acknowledgedBy());
        return ack;
    }

    /** Reads back what {@link #tree} wrote. */
    public static AlertStore.StoredAlert read(com.fasterxml.jackson.databind.JsonNode n) {
        com.fasterxml.jackson.databind.JsonNode ack = n.path("acknowledged");
        boolean acked = ack.isObject();
        return new AlertStore.StoredAlert(AlertJson.read(n), acked ? Instant.parse(ack.path("at").asText()).toEpochMilli() : null,
                acked ? ack.path("by").asText() : null);
    }

    /**
     * The query a URL's parameters describe: {@code detection}, {@code severity} (the lowest shown),
     * {@code host}, {@code acknowledged} ({@code true}/{@code false}), {@code since} (ISO-8601),
     * {@code limit} (default 50).
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static AlertStore.AlertQuery query(Map<String, String> p) {
        String ack = p.get("acknowledged");
        if (ack != null && !ack.equals("true") && !ack.equals("false")) {
            throw new IllegalArgumentException("acknowledged must be true or false, not '" + ack + "'");
        }
        Long since;
        try {
            since = p.get("since") == null ? null : Instant.parse(p.get("since")).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
        }
        int limit;
        try {
            limit = p.get("limit") == null ? 50 : Integer.parseInt(p.get("limit"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number");
        }
        return new AlertStore.AlertQuery(p.get("detection"), p.get("severity"), p.get("host"),
                ack == null ? null : Boolean.valueOf(ack), since, limit);
    }
}
