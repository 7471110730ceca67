package io.quietwatch.parse;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ZeekParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/zeek/conn.yaml", "/fixtures/zeek/http.yaml", "/fixtures/zeek/json.yaml",
        "/fixtures/zeek/other.yaml", "/fixtures/zeek/negative.yaml"};
    private static final String CONN_TSV = String.join("\t", "1795687200.123456", "CHhAvVGS1DHFjwGM9",
            "192.168.1.100", "52424", "93.184.216.34", "80", "tcp", "http", "0.543210", "389", "1567", "SF", "T", "F",
            "0", "ShADadFf", "8", "721", "6", "1879", "-");
    private static final String HTTP_TSV = String.join("\t", "1795687300.643717", "C5rwNQvz1Ha9XndKl",
            "10.6.27.102", "49159", "107.180.50.162", "80", "1", "GET", "smart-fax.com", "/knr.exe", "-", "1.1",
            "Mozilla/5.0", "-", "0", "2437120", "200", "OK", "-", "-", "(empty)", "-", "-", "-", "-", "-", "-",
            "FAt8cU2v9ydYxkLTdg", "-", "application/x-dosexec");
    private static final String CONN_JSON = "{\"ts\":1795687400.123456,\"uid\":\"CWXzqi1JDBhRKNGdId\","
            + "\"id.orig_h\":\"192.168.1.100\",\"id.orig_p\":52430,\"id.resp_h\":\"142.250.72.196\",\"id.resp_p\":443,"
            + "\"proto\":\"tcp\",\"duration\":3.141592,\"orig_bytes\":2104,\"resp_bytes\":6881,\"conn_state\":\"SF\","
            + "\"missed_bytes\":0,\"orig_pkts\":16,\"resp_pkts\":14}";

    /** Zeek escapes bytes as {@code \xNN}: one edit in five inserts a stray escape. */
    private static final RandomLines.Garble GARBLE = new RandomLines.Garble("\t{}[]\":,\\",
            (sb, at, random) -> sb.insert(at, "\\x"));

    private final ZeekParser parser = new ZeekParser();
    private final ParserContract contract = ParserContract.of(parser, "unreadable Zeek record");

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameIsZeek() {
        assertThat(parser.name()).isEqualTo("zeek").isEqualTo(ZeekParser.NAME);
    }

    @Test
    void claimsZeekRecordsAndHeaderLinesOnly() {
        assertThat(parser.claims(SyslogMessage.bare(CONN_TSV))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare(HTTP_TSV))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare(CONN_JSON))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("#fields\tts\tuid"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("#separator \\x09"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("#fieldsX\tts"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("# a comment"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("{\"uid\":\"C1\"}"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("{\"id.orig_h\":\"10.0.0.1\"}"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("{\"note\":\"uid\",\"x\":\"id.orig_h\"}"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1795687200.123456 CHhAvVGS1DHFjwGM9"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1795687200.123456\tXHhAvVGS1DHFjwGM9"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1795687200.123456\t"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1795687200,123456\tCHhAvVGS1DHFjwGM9"))).isFalse();
        assertThat(parser.claims(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
        assertThat(parser.claims(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "#separator \\x09          | #separator",
        "'#set_separator\t,'       | #set_separator",
        "'#empty_field\t(empty)'   | #empty_field",
        "'#unset_field\t-'         | #unset_field",
        "'#path\thttp'             | #path",
        "'#open\t2026-11-26-10-00-00' | #open",
        "'#close\t2026-11-26-11-00-00' | #close",
        "'#fields\tts\tuid'        | #fields",
        "'#types\ttime\tstring'    | #types",
        "'#close'                  | #close",
    })
    void headerLinesAreMalformedSayingTheyAreZeekHeaders(String line, String keyword) {
        ParseResult r = parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains("Zeek header line").contains(keyword));
    }

    @Test
    void fieldsTheRecordsDoNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(CONN_TSV), FixtureCases.CONTEXT), Set.of("timestamp",
                "observerVendor", "observerProduct", "format", "eventCode", "category", "action", "phase", "sourceIp",
                "sourcePort", "destinationIp", "destinationPort", "transport", "direction", "hostIp", "durationNanos",
                "sourceBytes", "destinationBytes", "networkBytes", "networkPackets", "connectionId", "original"));
        ParserContract.onlyCarried(event(SyslogMessage.bare(HTTP_TSV), FixtureCases.CONTEXT), Set.of("timestamp",
                "observerVendor", "observerProduct", "format", "eventCode", "category", "sourceIp", "sourcePort",
                "destinationIp", "destinationPort", "transport", "direction", "hostIp", "url", "urlDomain",
                "httpMethod", "httpStatus", "mimeType", "userAgent", "fileName", "connectionId", "original"));
    }

    @Test
    void syslogWrappedLinesParseThroughTheHeaderParser() {
        LineParser lines = new LineParser(parser, FixtureCases.CONTEXT);

        LogEvent json = lines.event("<134>Nov 26 11:00:00 sensor3 zeek: " + CONN_JSON);
        LogEvent tsv = lines.event("<134>1 2026-11-26T11:00:00Z sensor4 zeek - - - " + HTTP_TSV);

        assertThat(json).isNotNull();
        assertThat(json.observerHostname()).isEqualTo("sensor3");
        assertThat(json.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:03:20.123Z").toEpochMilli());
        assertThat(json.original()).startsWith("<134>Nov 26 11:00:00 sensor3 zeek: {");
        assertThat(json.durationNanos()).isEqualTo(3_141_592_000L);
        assertThat(tsv).isNotNull();
        assertThat(tsv.observerHostname()).isEqualTo("sensor4");
        assertThat(tsv.url()).isEqualTo("http://smart-fax.com/knr.exe");
        assertThat(tsv.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:01:40.643Z").toEpochMilli());
    }

    @Test
    void timeWithoutTsComesFromTheHeaderElseFromTheClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        String line = CONN_JSON.replace("\"ts\":1795687400.123456,", "");
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();

        LogEvent bare = event(SyslogMessage.bare(line), context);
        LogEvent stamped = event(new SyslogMessage("<134>... " + line, 134, header, "s", "zeek", null, line), context);

        assertThat(bare.timestamp()).isEqualTo(now.toEpochMilli());
        assertThat(stamped.timestamp()).isEqualTo(header);
    }

    @Test
    void isoStampWithoutOffsetIsInTheInputsZone() {
        ParseContext tokyo = new ParseContext(ZoneId.of("Asia/Tokyo"), Clock.systemUTC(), InternalNetworks.defaults());
        String line = CONN_JSON.replace("1795687400.123456", "\"2026-11-26T19:00:00.250000\"");

        assertThat(event(SyslogMessage.bare(line), tokyo).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:00:00.250Z").toEpochMilli());
        assertThat(event(SyslogMessage.bare(line.replace(".250000\"", ".250000+01:00\"")), tokyo).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T18:00:00.250Z").toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1795687400          | 2026-11-26T10:03:20Z",
        "1795687400.5        | 2026-11-26T10:03:20.500Z",
        "1795687400123       | 2026-11-26T10:03:20.123Z",
        "1795687400123456    | 2026-11-26T10:03:20.123Z",
        "1795687400123456789 | 2026-11-26T10:03:20.123Z",
        "1.7956874001e9      | 2026-11-26T10:03:20.100Z",
    })
    void epochStampsInAnyUnit(String ts, String expected) {
        String line = CONN_JSON.replace("1795687400.123456", ts);

        assertThat(event(SyslogMessage.bare(line), FixtureCases.CONTEXT).timestamp())
                .isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1e-999999999", "1e999999999", "9e-41", "1.5e+2147483647", "1e-2147483648"})
    @Timeout(10)
    void farExponentsAreRejectedQuickly(String number) {
        String duration = CONN_JSON.replace("3.141592", number);
        String ts = CONN_JSON.replace("1795687400.123456", number);

        assertThat(parser.parse(SyslogMessage.bare(duration), FixtureCases.CONTEXT)).isInstanceOfSatisfying(
                ParseResult.Malformed.class, m -> assertThat(m.reason()).startsWith("duration"));
        assertThat(parser.parse(SyslogMessage.bare(ts), FixtureCases.CONTEXT)).isInstanceOfSatisfying(
                ParseResult.Malformed.class, m -> assertThat(m.reason()).startsWith("ts"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\t192.168.1.100\t | \t192.168.1.300\t | id.orig_h",
        "\t93.184.216.34\t | \t93.184.216.x\t  | id.resp_h",
        "\t52424\t         | \t524240\t         | id.orig_p",
        "\t80\ttcp         | \t8o\ttcp          | id.resp_p",
        "\t0.543210\t      | \t0.54.3210\t      | duration",
        "\t389\t           | \t3 89\t           | orig_bytes",
        "\t1567\t          | \t1567b\t          | resp_bytes",
        "\t8\t721          | \t8.0\t721         | orig_pkts",
        "\t6\t1879         | \t6e\t1879         | resp_pkts",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        ParseResult r = parser.parse(SyslogMessage.bare(CONN_TSV.replace(good, bad)),
                FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains(field));
    }

    @Test
    void cutOffRecordsSayWhichLogAndHowManyFields() {
        String conn = CONN_TSV.substring(0, CONN_TSV.indexOf("\tShADadFf"));
        String http = HTTP_TSV.substring(0, HTTP_TSV.indexOf("\t(empty)"));

        assertThat(parser.parse(SyslogMessage.bare(conn), FixtureCases.CONTEXT)).isInstanceOfSatisfying(
                ParseResult.Malformed.class, m -> assertThat(m.reason()).contains("conn record", "15 of 21"));
        assertThat(parser.parse(SyslogMessage.bare(http), FixtureCases.CONTEXT)).isInstanceOfSatisfying(
                ParseResult.Malformed.class, m -> assertThat(m.reason()).contains("http record", "20 of 30"));
        String json = CONN_JSON.substring(0, CONN_JSON.indexOf("\"proto\"") + 3);
        assertThat(parser.parse(SyslogMessage.bare(json), FixtureCases.CONTEXT))
                .isInstanceOfSatisfying(ParseResult.Malformed.class, m -> assertThat(m.reason()).contains("cut off"));
    }

    @Test
    void oneAndTheSameEventFromTsvAndJson() {
        String json = "{\"ts\":1795687200.123456,\"uid\":\"CHhAvVGS1DHFjwGM9\",\"id.orig_h\":\"192.168.1.100\","
                + "\"id.orig_p\":52424,\"id.resp_h\":\"93.184.216.34\",\"id.resp_p\":80,\"proto\":\"tcp\","
                + "\"service\":\"http\",\"duration\":0.54321,\"orig_bytes\":389,\"resp_bytes\":1567,"
                + "\"conn_state\":\"SF\",\"local_orig\":true,\"local_resp\":false,\"missed_bytes\":0,"
                + "\"history\":\"ShADadFf\",\"orig_pkts\":8,\"orig_ip_bytes\":721,\"resp_pkts\":6,"
                + "\"resp_ip_bytes\":1879}";

        LogEvent fromTsv = event(SyslogMessage.bare(CONN_TSV), FixtureCases.CONTEXT);
        LogEvent fromJson = event(SyslogMessage.bare(json), FixtureCases.CONTEXT);

        assertThat(fromJson).usingRecursiveComparison().ignoringFields("original").isEqualTo(fromTsv);
    }

    @Test
    void neverThrowsAndNeverNeedsTheCatchAll() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 200, GARBLE);
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r,
                r.nextBoolean() ? "{\"uid\":\"C\",\"id.orig_h\":" : "1795687200.123456\tC",
                "{}[]\":,.-\\\t 0123456789abcdefxuCtsuidorig_hp#", 160, 10));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(ParserContract.bare(FixtureCases.lines(FIXTURES)), 200);
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
