package io.quietwatch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format {@code auto} against every vendor's fixtures: each line a vendor parser reads must reach that
 * parser when the format is detected, so the parsers' markers do not steal each other's lines; what a
 * sender sent before changes nothing but the reading of a line two formats would read.
 */
class AutoDetectTest {
    private final EventParser auto = ParserRegistry.forFormat("auto");
    private final SyslogHeaderParser header = new SyslogHeaderParser();

    @TestFactory
    List<DynamicTest> everyFixtureLineReachesItsOwnParser() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Path root = Path.of("src/test/resources/fixtures");
        for (String format : ParserRegistry.names()) {
            Path dir = root.resolve(format);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    for (JsonNode c : FixtureCases.load("/fixtures/" + format + "/" + f.getFileName())) {
                        if (c.path("malformed").asBoolean(false) || c.path("notMine").asBoolean(false)) {
                            continue;
                        }
                        String name = format + "/" + f.getFileName() + ": " + c.path("name").asText();
                        tests.add(DynamicTest.dynamicTest(name, () -> {
                            // a fixture line may carry its syslog header: split it as the pipeline does
                            SyslogMessage m = c.hasNonNull("host") || c.hasNonNull("time") ? FixtureCases.message(c)
                                    : header.parse(c.path("line").asText(), FixtureCases.CONTEXT);
                            ParseResult r = auto.parse(m, FixtureCases.CONTEXT);
                            assertThat(r).as(c.path("line").asText()).isInstanceOf(ParseResult.Parsed.class);
                            assertThat(((ParseResult.Parsed) r).event().format()).as(c.path("line").asText()).isEqualTo(format);
                        }));
                    }
                }
            }
        }
        assertThat(tests.size()).isGreaterThan(500);
        return tests;
    }

    /** Every fixture line of every format (negative ones too), its syslog header split as the pipeline does. */
    private List<SyslogMessage> allFixtureLines() throws IOException {
        List<SyslogMessage> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String resource = "/fixtures/" + f.getParent().getFileName() + "/" + f.getFileName();
                for (JsonNode c : FixtureCases.load(resource)) {
                    lines.add(c.hasNonNull("host") || c.hasNonNull("time") ? FixtureCases.message(c)
                            : header.parse(c.path("line").asText(), FixtureCases.CONTEXT));
                }
            }
        }
        assertThat(lines.size()).isGreaterThan(700);
        return lines;
    }

    @Test
    void whatAutoAsksAFormatIsItsParseOfTheLinesItClaims() throws IOException {
        List<SyslogMessage> lines = allFixtureLines();
        for (String format : ParserRegistry.names()) {
            EventParser p = ParserRegistry.forFormat(format);
            for (SyslogMessage m : lines) {
                ParseResult expected = p.claims(m) ? p.parse(m, FixtureCases.CONTEXT) : ParseResult.NOT_MINE;
                assertThat(String.valueOf(p.parseIfMine(m, FixtureCases.CONTEXT))).as(format + ": " + m.message())
                        .isEqualTo(String.valueOf(expected));
            }
        }
    }

    @Test
    void everyFixtureLineReadsAsAfterNoOtherWhateverCameBefore() throws IOException {
        List<SyslogMessage> lines = allFixtureLines();
        List<String> fresh = new ArrayList<>();
        for (SyslogMessage m : lines) {
            fresh.add(String.valueOf(ParserRegistry.forFormat("auto").parse(m, FixtureCases.CONTEXT)));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        EventParser shared = ParserRegistry.forFormat("auto");
        Random random = new Random(7);
        for (int round = 0; round < 4; round++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                assertThat(String.valueOf(shared.parse(lines.get(i), FixtureCases.CONTEXT)))
                        .as(lines.get(i).message()).isEqualTo(fresh.get(i));
            }
        }
    }

    @Test
    void aLineTwoFormatsReadIsReadAsItsSendersFormat() {
        String plain = "1764151200.123    150 192.168.1.20 TCP_MISS/200 4512 GET http://example.com/a - "
                + "HIER_DIRECT/93.184.216.34 text/html";
        // a URL that holds a whole CEF record: CEF (asked first) reads it too
        String both = "1764151201.123    150 192.168.1.20 TCP_MISS/200 4512 GET "
                + "http://example.com/CEF:0|V|P|1|100|n|5|act=x - HIER_DIRECT/93.184.216.34 text/html";
        SyslogMessage squidLine = new SyslogMessage(plain, -1, SyslogMessage.NO_TIMESTAMP, "proxy1", null, null, plain);
        SyslogMessage fromProxy = new SyslogMessage(both, -1, SyslogMessage.NO_TIMESTAMP, "proxy1", null, null, both);
        SyslogMessage fromOther = new SyslogMessage(both, -1, SyslogMessage.NO_TIMESTAMP, "other", null, null, both);
        assertThat(format(ParserRegistry.forFormat("squid").parse(fromProxy, FixtureCases.CONTEXT))).isEqualTo("squid");

        EventParser auto = ParserRegistry.forFormat("auto");
        assertThat(format(auto.parse(fromProxy, FixtureCases.CONTEXT))).as("nothing known of the sender").isEqualTo("cef");
        assertThat(format(auto.parse(squidLine, FixtureCases.CONTEXT))).isEqualTo("squid");
        assertThat(format(auto.parse(fromProxy, FixtureCases.CONTEXT))).as("after its Squid line").isEqualTo("squid");
        assertThat(format(auto.parse(fromOther, FixtureCases.CONTEXT))).as("another sender").isEqualTo("cef");
    }

    private static String format(ParseResult r) {
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event().format();
    }
}
