package io.quietwatch.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.AlertJson;
import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.engine.EngineState;
import io.quietwatch.event.LogEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link Snapshot}, version {@value #VERSION}. Each table is written with its rule file's hash,
 * its columns (name and Java type) and primary key, then its rows as arrays; events in rows are objects with the
 * record's fields; the router's incidents hold their latest alert as {@link AlertJson} writes it. Written as a
 * stream, so a large snapshot is never held twice in memory.
 */
public final class SnapshotJson {
    /** The format version; a file of another version is not read. */
    public static final int VERSION = 1;
    static final String FORMAT = "quietwatch-state";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PLAIN = Set.of("java.lang.String", "int", "java.lang.Integer", "long", "java.lang.Long",
            "boolean", "java.lang.Boolean", "double", "java.lang.Double", "float", "java.lang.Float", "short", "java.lang.Short",
            "byte", "java.lang.Byte");

    private SnapshotJson() {
    }

    /** True when every column of {@code t} has a type this format can write and read back. */
    public static boolean writable(EngineState.Table t) {
        return t.columns().stream().allMatch(c -> PLAIN.contains(c.type()) || c.type().equals(LogEvent.class.getName()));
    }

    /** Writes {@code s} to {@code out} (not closed); tables that are not {@link #writable} are left out. */
    public static void write(Snapshot s, OutputStream out) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            EngineState e = s.engine();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("taken_at", Instant.ofEpochMilli(s.takenAt()).toString());
            g.writeNumberField("engine_time", e.engineTime());
            g.writeNumberField("first_event_time", e.firstEventTime());
            g.writeArrayFieldStart("variables");
            for (EngineState.Variable v : e.variables()) {
                g.writeStartObject();
                g.writeStringField("file", v.file());
                g.writeStringField("name", v.name());
                g.writeFieldName("value");
                MAPPER.writeValue(g, v.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("active_hosts");
            for (EngineState.Host h : e.activeHosts()) {
                g.writeStartArray();
                g.writeString(h.ip());
                g.writeNumber(h.lastSeen());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tables");
            for (EngineState.Table t : e.tables()) {
                if (writable(t)) {
                    writeTable(t, g);
                }
            }
            g.writeEndArray();
            writeRouter(s.router(), g);
            g.writeEndObject();
        }
    }

    private static void writeTable(EngineState.Table t, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", t.file());
        g.writeStringField("rule_hash", t.fileHash());
        g.writeStringField("name", t.name());
        g.writeArrayFieldStart("columns");
        for (EngineState.Column c : t.columns()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("type", c.type());
            if (c.event()) {
                g.writeBooleanField("event", true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("primary_key");
        for (String k : t.keys()) {
            g.writeString(k);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (Object[] row : t.rows()) {
            g.writeStartArray();
            for (Object v : row) {
                MAPPER.writeValue(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRouter(AlertRouter.Memory m, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("router");
        g.writeArrayFieldStart("incidents");
        for (AlertRouter.Held h : m.incidents()) {
            g.writeStartObject();
            g.writeStringField("key", h.key());
            g.writeNumberField("window_end", h.windowEnd());
            g.writeNumberField("count", h.count());
            g.writeNumberField("first_seen", h.firstSeen());
            g.writeNumberField("last_seen", h.lastSeen());
            g.writeStringField("max_severity", h.maxSeverity().word());
            if (h.sentSeverity() != null) {
                g.writeStringField("sent_severity", h.sentSeverity().word());
            }
            g.writeNumberField("unsent", h.unsent());
            g.writeFieldName("latest");
            AlertJson.write(h.latest(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("revisions");
        for (Map.Entry<String, Integer> r : m.revisions().entrySet()) {
            g.writeStartArray();
            g.writeString(r.getKey());
            g.writeNumber(r.getValue());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Reads what {@link #write} wrote; throws on anything else, naming what is wrong. */
    public static Snapshot read(InputStream in) throws IOException, SnapshotFormatException {
        JsonNode n = MAPPER.readTree(in);
        if (n == null || !FORMAT.equals(n.path("format").asText())) {
            throw new SnapshotFormatException("not a QuietWatch state snapshot", null);
        }
        if (n.path("version").asInt() != VERSION) {
            throw new SnapshotFormatException("format version " + n.path("version").asText() + ", this QuietWatch reads " + VERSION, null);
        }
        try {
            List<EngineState.Variable> variables = new ArrayList<>();
            for (JsonNode v : n.path("variables")) {
                variables.add(new EngineState.Variable(v.path("file").asText(), v.path("name").asText(),
                        MAPPER.treeToValue(v.path("value"), Object.class)));
            }
            List<EngineState.Host> hosts = new ArrayList<>();
            for (JsonNode h : n.path("active_hosts")) {
                hosts.add(new EngineState.Host(h.get(0).asText(), h.get(1).asLong()));
            }
            List<EngineState.Table> tables = new ArrayList<>();
            for (JsonNode t : n.path("tables")) {
                tables.add(readTable(t));
            }
            EngineState engine = new EngineState(n.path("engine_time").asLong(), n.path("first_event_time").asLong(), variables,
                    tables, hosts);
            return new Snapshot(Instant.parse(n.path("taken_at").asText()).toEpochMilli(), engine, readRouter(n.path("router")));
        } catch (RuntimeException e) {
            throw new SnapshotFormatException("malformed snapshot: " + e, e);
        }
    }

    private static EngineState.Table readTable(JsonNode t) throws IOException {
        List<EngineState.Column> columns = new ArrayList<>();
        for (JsonNode c : t.path("columns")) {
            columns.add(new EngineState.Column(c.path("name").asText(), c.path("type").asText(), c.path("event").asBoolean(false)));
        }
        List<String> keys = new ArrayList<>();
        t.path("primary_key").forEach(k -> keys.add(k.asText()));
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode r : t.path("rows")) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("table " + t.path("name").asText() + ": a row has " + r.size() + " values for "
                        + columns.size() + " columns");
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = value(r.get(i), columns.get(i).type());
            }
            rows.add(row);
        }
        return new EngineState.Table(t.path("file").asText(), t.path("rule_hash").asText(), t.path("name").asText(), columns, keys, rows);
    }

    private static Object value(JsonNode v, String type) throws IOException {
        if (v.isNull()) {
            return null;
        }
        return switch (type) {
            case "java.lang.String" -> v.asText();
            case "int", "java.lang.Integer" -> v.intValue();
            case "long", "java.lang.Long" -> v.longValue();
            case "boolean", "java.lang.Boolean" -> v.booleanValue();
            case "double", "java.lang.Double" -> v.doubleValue();
            case "float", "java.lang.Float" -> v.floatValue();
            case "short", "java.lang.Short" -> v.shortValue();
            case "byte", "java.lang.Byte" -> (byte) v.intValue();
            case "io.quietwatch.event.LogEvent" -> MAPPER.treeToValue(v, LogEvent.class);
            default -> throw new IllegalArgumentException("a column of type " + type + " cannot be read back");
        };
    }

    private static AlertRouter.Memory readRouter(JsonNode r) {
        List<AlertRouter.Held> held = new ArrayList<>();
        for (JsonNode h : r.path("incidents")) {
            held.add(new AlertRouter.Held(h.path("key").asText(), h.path("window_end").asLong(), AlertJson.read(h.path("latest")),
                    h.path("count").asLong(), h.path("first_seen").asLong(), h.path("last_seen").asLong(),
                    AlertSeverity.parse(h.path("max_severity").asText()),
                    h.hasNonNull("sent_severity") ? AlertSeverity.parse(h.path("sent_severity").asText()) : null,
                    h.path("unsent").asLong()));
        }
        Map<String, Integer> revisions = new LinkedHashMap<>();
        r.path("revisions").forEach(x -> revisions.put(x.get(0).asText(), x.get(1).asInt()));
        return new AlertRouter.Memory(held, revisions);
    }
}
