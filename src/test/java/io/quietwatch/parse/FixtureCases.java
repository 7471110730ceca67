package io.quietwatch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Table-driven parser tests from YAML fixture files under {@code src/test/resources/fixtures/<format>/}.
 *
 * <p>A fixture file is a list of cases:
 * <pre>
 * - name: built outbound tcp            # shown in the test report
 *   line: "%ASA-6-302013: Built ..."    # the message as the vendor parser sees it
 *   host: fw1                           # optional: syslog header host name
 *   time: 2026-11-26T10:00:00Z          # optional: syslog header time stamp
 *   expect:                             # LogEvent component name: expected value (null = absent)
 *     sourceIp: 10.1.1.2
 *     destinationPort: 443
 *     durationNanos: 7200000000000
 *     timestamp: 2026-11-26T10:00:00Z   # timestamp may be given as ISO-8601
 * - name: truncated
 *   line: "%ASA-6-302013: Built outbound TCP connection"
 *   malformed: true                     # expects Malformed (or use notMine: true)
 * </pre>
 * The context is fixed: zone UTC, "now" = {@link #NOW}, default internal networks.
 */
public final class FixtureCases {
    /** The fixed "now" of fixture parsing. */
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    /** The fixed context of fixture parsing. */
    public static final ParseContext CONTEXT =
            new ParseContext(ZoneId.of("UTC"), Clock.fixed(NOW, ZoneId.of("UTC")), InternalNetworks.defaults());

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SyslogHeaderParser HEADER = new SyslogHeaderParser();

    private FixtureCases() {
    }

    /** One dynamic test per case in the fixture file (a classpath resource). */
    public static List<DynamicTest> tests(EventParser parser, String resource) {
        JsonNode cases = load(resource);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            String name = c.path("name").asText(c.path("line").asText());
            tests.add(DynamicTest.dynamicTest(name, () -> check(parser, c)));
        }
        return tests;
    }

    /** Loads a fixture file. */
    public static JsonNode load(String resource) {
        try (InputStream in = FixtureCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture resource " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fixture " + resource, e);
        }
    }

    /** The messages of every case in the fixture files, as {@link #message} makes them. */
    public static List<SyslogMessage> messages(String... resources) {
        List<SyslogMessage> messages = new ArrayList<>();
        for (String f : resources) {
            for (JsonNode c : load(f)) {
                messages.add(message(c));
            }
        }
        return messages;
    }

    /** The lines of every case in the fixture files. */
    public static List<String> lines(String... resources) {
        List<String> lines = new ArrayList<>();
        for (String f : resources) {
            for (JsonNode c : load(f)) {
                lines.add(c.path("line").asText());
            }
        }
        return lines;
    }

    /** The number of cases in the fixture files. */
    public static int count(String... resources) {
        int cases = 0;
        for (String f : resources) {
            cases += load(f).size();
        }
        return cases;
    }

    /** {@code parser} behind the syslog header parser for lines that start with a PRI, as in the pipeline. */
    public static EventParser headerFirst(EventParser parser) {
        return new HeaderFirst(parser);
    }

    /** The SyslogMessage a case describes. */
    public static SyslogMessage message(JsonNode c) {
        String line = c.path("line").asText();
        String host = c.hasNonNull("host") ? c.get("host").asText() : null;
        long time = c.hasNonNull("time") ? Instant.parse(c.get("time").asText()).toEpochMilli() : SyslogMessage.NO_TIMESTAMP;
        if (host == null && time == SyslogMessage.NO_TIMESTAMP) {
            return SyslogMessage.bare(line);
        }
        return new SyslogMessage(line, -1, time, host, null, null, line);
    }

    static void check(EventParser parser, JsonNode c) {
        ParseResult result = parser.parse(message(c), CONTEXT);
        if (c.path("malformed").asBoolean(false)) {
            assertThat(result).as("result for %s", c.path("line").asText()).isInstanceOf(ParseResult.Malformed.class);
            return;
        }
        if (c.path("notMine").asBoolean(false)) {
            assertThat(result).as("result for %s", c.path("line").asText()).isInstanceOf(ParseResult.NotMine.class);
            return;
        }
        if (!(result instanceof ParseResult.Parsed parsed)) {
            fail("expected an event from %s but got %s", c.path("line").asText(), result);
            return;
        }
        LogEvent event = parsed.event();
        Map<String, Object> actual = components(event);
        Iterator<Map.Entry<String, JsonNode>> fields = c.path("expect").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!actual.containsKey(f.getKey())) {
                fail("fixture expects unknown field '%s'", f.getKey());
            }
            Object value = actual.get(f.getKey());
            JsonNode want = f.getValue();
            if (want.isNull()) {
                assertThat(value).as(f.getKey()).isNull();
            } else if (f.getKey().equals("timestamp") && !want.isNumber()) {
                assertThat(Instant.ofEpochMilli((Long) value)).as(f.getKey()).isEqualTo(Instant.parse(want.asText()));
            } else {
                assertThat(String.valueOf(value)).as(f.getKey()).isEqualTo(want.asText());
            }
        }
    }

    /** The event's components by name. */
    public static Map<String, Object> components(LogEvent event) {
        Map<String, Object> map = new TreeMap<>();
        for (RecordComponent rc : LogEvent.class.getRecordComponents()) {
            try {
                map.put(rc.getName(), rc.getAccessor().invoke(event));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return map;
    }

    /** Runs lines that start with a PRI through the syslog header parser before the vendor parser. */
    private record HeaderFirst(EventParser parser) implements EventParser {
        @Override
        public String name() {
            return parser.name();
        }

        @Override
        public boolean claims(SyslogMessage message) {
            return parser.claims(split(message));
        }

        @Override
        public ParseResult parse(SyslogMessage message, ParseContext context) {
            return parser.parse(split(message), context);
        }

        private static SyslogMessage split(SyslogMessage m) {
            return m.message().startsWith("<") ? HEADER.parse(m.original(), CONTEXT) : m;
        }
    }
}
