package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LeefParserTest {
    private static final String[] FIXTURES = {"/fixtures/leef/events.yaml", "/fixtures/leef/negative.yaml"};

    private final LeefParser parser = new LeefParser();
    private final ParserContract contract = ParserContract.of(parser, "unreadable");

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void nameIsLeef() {
        assertThat(parser.name()).isEqualTo("leef");
    }

    @Test
    void claimsLeefLinesOnly() {
        assertThat(parser.claims(SyslogMessage.bare("LEEF:1.0|V|P|1|2|src=192.0.2.1"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("host LEEF: 2.0|V|P|1|2|^|src=192.0.2.1"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("LEEF:|V"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("CEF:0|V|P|1|2|n|3|src=192.0.2.1"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare(""))).isFalse();
        assertThat(parser.claims(null)).isFalse();
        contract.claimsNone(FixtureCases.messages("/fixtures/cef/firewalls.yaml"));
    }

    @Test
    void leefTakenForASyslogTagIsStillRead() {
        String body = "1.0|Acme|Gate|1.0|conn|src=192.0.2.1\tdst=10.0.0.9\tdstPort=22";
        SyslogMessage m = new SyslogMessage("<134>Nov 26 10:00:00 fw1 LEEF: " + body, 134,
                Instant.parse("2026-11-26T10:00:00Z").toEpochMilli(), "fw1", "LEEF", null, body);

        assertThat(parser.claims(m)).isTrue();
        LogEvent e = event(m);
        assertThat(e.observerVendor()).isEqualTo("Acme");
        assertThat(e.destinationPort()).isEqualTo(22);
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'^'        | ^",
        "'x5E'      | ^",
        "'0x5e'     | ^",
        "'x09'      | TAB",
        "'#'        | #",
    })
    void leef2DelimiterIsACharacterOrItsHexCode(String field, String written) {
        String delimiter = written.equals("TAB") ? "\t" : written;
        String line = "LEEF:2.0|V|P|1.0|7|" + field + "|src=192.0.2.1" + delimiter + "dstPort=8080" + delimiter
                + "usrName=kim";
        LogEvent e = event(SyslogMessage.bare(line));

        assertThat(e.sourceIp()).isEqualTo("192.0.2.1");
        assertThat(e.destinationPort()).isEqualTo(8080);
        assertThat(e.userName()).isEqualTo("kim");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "MMM dd yyyy HH:mm:ss          | Nov 26 2026 10:00:00      | 2026-11-26T10:00:00Z",
        "MMM dd yyyy HH:mm:ss.SSS z    | Nov 26 2026 10:00:00.250 CET | 2026-11-26T09:00:00.250Z",
        "yyyy-MM-dd'T'HH:mm:ss.SSSZ    | 2026-11-26T10:00:00.000+0100 | 2026-11-26T09:00:00Z",
        "dd/MM/yyyy hh:mm:ss a         | 26/11/2026 01:30:00 PM    | 2026-11-26T13:30:00Z",
        "yyyyMMddHHmmss                | 20261126100000            | 2026-11-26T10:00:00Z",
        "''                            | 1764151200                | 2025-11-26T10:00:00Z",
        "''                            | 1764151200000             | 2025-11-26T10:00:00Z",
    })
    void devTimeReadsWithItsFormat(String format, String devTime, String expected) {
        String fmt = format.isEmpty() ? "" : "\tdevTimeFormat=" + format;
        LogEvent e = event(SyslogMessage.bare("LEEF:1.0|V|P|1.0|7|src=192.0.2.1\tdevTime=" + devTime + fmt));

        assertThat(Instant.ofEpochMilli(e.timestamp())).isEqualTo(Instant.parse(expected));
    }

    @Test
    void unreadableDevTimeFallsBackToTheHeader() {
        String body = "LEEF:1.0|V|P|1.0|7|src=192.0.2.1\tdevTime=soon\tdevTimeFormat=GGGG'";
        long header = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

        assertThat(event(new SyslogMessage(body, 1, header, "h", null, null, body)).timestamp()).isEqualTo(header);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "src=192.0.2.1  | src=192.0.2.x  | src",
        "dst=10.0.0.9   | dst=10.0.0     | dst",
        "srcPort=4000   | srcPort=-1     | srcPort",
        "dstPort=22     | dstPort=ssh    | dstPort",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        String line = "LEEF:1.0|V|P|1.0|7|src=192.0.2.1\tdst=10.0.0.9\tsrcPort=4000\tdstPort=22";
        ParseResult r = parser.parse(SyslogMessage.bare(line.replace(good.strip(), bad.strip())),
                FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).startsWith(field + " "));
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 200, CefParserTest.GARBLE);
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r,
                r.nextBoolean() ? "LEEF:" + r.nextInt(3) + ".0|" : "",
                " =|^\t#0123456789abcdefxLEF.:srcdstPort", 160, 10));
    }

    private LogEvent event(SyslogMessage m) {
        ParseResult r = parser.parse(m, FixtureCases.CONTEXT);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
