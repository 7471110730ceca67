package io.quietwatch.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.event.EventJson;
import io.quietwatch.event.LogEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** The alert's JSON form: one object per alert, ECS-style nested keys. */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private AlertJson() {
    }

    /** The alert as one line of JSON (no trailing newline). */
    public static String toJson(Alert alert) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(alert, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads an alert written by {@link #write} back. */
    public static Alert read(com.fasterxml.jackson.databind.JsonNode n) {
        java.util.List<LogEvent> evidence = new java.util.ArrayList<>();
        n.path("evidence").forEach(e -> evidence.add(EventJson.read(e)));
        Map<String, Object> details = n.has("details")
                ? MAPPER.convertValue(n.get("details"), new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { })
                : Map.of();
        java.util.List<String> tags = new java.util.ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        return new Alert(n.path("id").asText(), n.path("detection").asText(), text(n, "rule"),
                AlertSeverity.parse(n.path("severity").asText()), text(n, "title"), millis(n, "@timestamp"),
                millis(n, "first_seen"), millis(n, "last_seen"), n.path("count").asLong(1), text(n.path("host"), "ip"),
                text(n.path("user"), "name"), text(n.path("destination"), "ip"),
                n.path("destination").path("port").isNumber() ? n.path("destination").path("port").intValue() : null,
                text(n, "reason"), evidence, details, tags, n.path("revision").asInt(0));
    }

    /** Parses one JSON line written by {@link #toJson(Alert)}. */
    public static Alert read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String key) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long millis(com.fasterxml.jackson.databind.JsonNode n, String key) {
        return Instant.parse(n.path(key).asText()).toEpochMilli();
    }

    /** Writes the alert as one JSON object. */
    public static void write(Alert a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("detection", a.detection());
        if (a.rule() != null) {
            g.writeStringField("rule", a.rule());
        }
        g.writeStringField("severity", a.severity().word());
        if (a.title() != null) {
            g.writeStringField("title", a.title());
        }
        g.writeStringField("@timestamp", Instant.ofEpochMilli(a.timestamp()).toString());
        g.writeStringField("first_seen", Instant.ofEpochMilli(a.firstSeen()).toString());
        g.writeStringField("last_seen", Instant.ofEpochMilli(a.lastSeen()).toString());
        g.writeNumberField("count", a.count());
        if (a.revision() > 0) {
            g.writeNumberField("revision", a.revision());
        }
        if (a.hostIp() != null) {
            g.writeObjectFieldStart("host");
            g.writeStringField("ip", a.hostIp());
            g.writeEndObject();
        }
        if (a.userName() != null) {
            g.writeObjectFieldStart("user");
            g.writeStringField("name", a.userName());
            g.writeEndObject();
        }
        if (a.destinationIp() != null || a.destinationPort() != null) {
            g.writeObjectFieldStart("destination");
            if (a.destinationIp() != null) {
                g.writeStringField("ip", a.destinationIp());
            }
            if (a.destinationPort() != null) {
                g.writeNumberField("port", a.destinationPort());
            }
            g.writeEndObject();
        }
        if (a.reason() != null) {
            g.writeStringField("reason", a.reason());
        }
        if (!a.details().isEmpty()) {
            g.writeFieldName("details");
            g.writeStartObject();
            for (Map.Entry<String, Object> d : a.details().entrySet()) {
                g.writeFieldName(d.getKey());
                MAPPER.writeValue(g, d.getValue());
            }
            g.writeEndObject();
        }
        if (!a.tags().isEmpty()) {
            g.writeArrayFieldStart("tags");
            for (String t : a.tags()) {
                g.writeString(t);
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("evidence");
        for (LogEvent e : a.evidence()) {
            EventJson.write(e, g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
