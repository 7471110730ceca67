package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FilterlogParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/filterlog/pfsense-ipv4.yaml", "/fixtures/filterlog/ipv6.yaml",
        "/fixtures/filterlog/opnsense.yaml", "/fixtures/filterlog/negative.yaml"};
    private static final String TCP_SYN = "146,,,1535324496,igb1.12,match,block,in,4,0x0,,63,12617,0,DF,6,tcp,60,"
            + "10.170.12.50,1.1.1.1,49724,853,0,S,1891286705,,64240,,mss;sackOK;TS;nop;wscale";
    private static final String UDP = "176,,,1520797901,igb1.27,match,pass,in,4,0xb8,,64,58355,0,none,17,udp,76,"
            + "10.170.27.27,216.229.4.66,123,123,56";

    private final FilterlogParser parser = new FilterlogParser();
    private final SyslogHeaderParser headers = new SyslogHeaderParser();
    private final ParserContract contract = ParserContract.of(parser, "unreadable")
            .views(line -> List.of(SyslogMessage.bare(line), tagged(line)));

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameIsFilterlog() {
        assertThat(parser.name()).isEqualTo("filterlog");
    }

    @Test
    void readsRfc3164AndRfc5424LinesThroughTheHeaderParser() {
        SyslogMessage bsd = headers.parse("<134>Nov 26 10:00:00 filterlog[1234]: " + TCP_SYN, FixtureCases.CONTEXT);
        SyslogMessage bsdHost = headers.parse("<134>Nov 26 10:00:00 fw.local filterlog: " + UDP, FixtureCases.CONTEXT);
        SyslogMessage ietf = headers.parse("<134>1 2026-11-26T10:00:00+01:00 fw.local filterlog 1234 - "
                + "[meta sequenceId=\"1\"] " + UDP, FixtureCases.CONTEXT);
        SyslogMessage stamped = headers.parse("2026-11-26T10:00:05+00:00 " + TCP_SYN, FixtureCases.CONTEXT);

        LogEvent a = event(bsd);
        LogEvent b = event(bsdHost);
        LogEvent c = event(ietf);
        LogEvent d = event(stamped);

        assertThat(bsd.appName()).isEqualTo("filterlog");
        assertThat(a.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
        assertThat(a.destinationPort()).isEqualTo(853);
        assertThat(a.original()).startsWith("<134>Nov 26");
        assertThat(b.observerHostname()).isEqualTo("fw.local");
        assertThat(b.sourcePort()).isEqualTo(123);
        assertThat(c.timestamp()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z").toEpochMilli());
        assertThat(c.observerHostname()).isEqualTo("fw.local");
        assertThat(c.outcome()).isEqualTo(LogEvent.ALLOWED);
        assertThat(d.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:05Z").toEpochMilli());
        assertThat(d.sourceIp()).isEqualTo("10.170.12.50");
    }

    @Test
    void claimsByTagOrByRecordShape() {
        assertThat(parser.claims(SyslogMessage.bare(TCP_SYN))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("  " + UDP))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("\uFEFF" + UDP))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("fw filterlog[9]: " + UDP))).isTrue();
        assertThat(parser.claims(tagged("[|pflog]"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("[|pflog]"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("filterlog is great, 5,,,1,em0,match,block,in,4"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("5,,,1,em0,match,block,sideways,4,0x0"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("5,x,,1,em0,match,block,in,4,0x0"))).isFalse();
        assertThat(parser.claims(tagged(null))).isFalse();
        assertThat(parser.claims(null)).isFalse();
    }

    @Test
    void theOtherParsersLeaveFilterlogLinesAlone() {
        contract.othersClaimNoneOfOurs(FixtureCases.lines(FIXTURES),
                List.of(new CiscoAsaParser(), new NetfilterParser()));
    }

    @Test
    void aLineTaggedFilterlogThatIsNoRecordIsMalformed() {
        assertThat(parser.parse(tagged("[|pflog]"), FixtureCases.CONTEXT))
                .isInstanceOfSatisfying(ParseResult.Malformed.class,
                        m -> assertThat(m.reason()).contains("rule number").contains("'[|pflog]'"));
        assertThat(parser.parse(tagged("5,,,1000000103,igb0,match,block,in,7,0x0"), FixtureCases.CONTEXT))
                .isInstanceOfSatisfying(ParseResult.Malformed.class,
                        m -> assertThat(m.reason()).contains("IP version").contains("'7'"));
        assertThat(parser.parse(tagged("5,,,1000000103,igb0,match,block"), FixtureCases.CONTEXT))
                .isInstanceOfSatisfying(ParseResult.Malformed.class,
                        m -> assertThat(m.reason()).contains("missing direction"));
    }

    @Test
    void timeComesFromTheHeaderElseFromTheContextClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();

        LogEvent bare = event(SyslogMessage.bare(TCP_SYN), context);
        LogEvent stamped = event(new SyslogMessage("<134>... " + TCP_SYN, 134, header, "fw", "filterlog", null, TCP_SYN),
                context);

        assertThat(bare.timestamp()).isEqualTo(now.toEpochMilli());
        assertThat(stamped.timestamp()).isEqualTo(header);
        assertThat(stamped.observerHostname()).isEqualTo("fw");
    }

    @Test
    void fieldsTheLineDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(TCP_SYN)), Set.of("timestamp", "observerVendor",
                "observerProduct", "format", "category", "action", "outcome", "reason", "phase", "ruleName", "sourceIp",
                "sourcePort", "destinationIp", "destinationPort", "transport", "direction", "hostIp", "networkBytes",
                "networkPackets", "ipTtl", "ipId", "tcpFlags", "ingressInterface", "original"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "pass          | allowed",
        "block         | denied",
        "reject        | denied",
        "synproxy-drop | denied",
        "scrub         | null",
        "nat           | null",
        "unkn(%u)      | null",
    })
    void outcomeComesFromTheAction(String action, String outcome) {
        LogEvent e = event(SyslogMessage.bare(UDP.replace(",pass,", "," + action + ",")));

        assertThat(e.action()).isEqualTo(action);
        assertThat(e.outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "flags [{0}]")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "S    | SYN             | start",
        "SA   | SYN ACK         | null",
        "A    | ACK             | null",
        "FPA  | FIN PSH ACK     | null",
        "RA   | RST ACK         | null",
        "SEC  | SYN ECE CWR     | start",
        "FSRPAUEC | FIN SYN RST PSH ACK URG ECE CWR | null",
        "''   | null            | null",
    })
    void tcpFlagsBecomeWordsAndOnlyABareSynStartsAFlow(String letters, String words, String phase) {
        LogEvent e = event(SyslogMessage.bare(TCP_SYN.replace(",0,S,", ",0," + letters + ",")));

        assertThat(e.tcpFlags()).isEqualTo(words);
        assertThat(e.phase()).isEqualTo(phase);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        ",63,12617,          | ,x63,12617,             | TTL",
        ",12617,0,           | ,123456,0,              | IP ID",
        ",0,DF,6,            | ,-8,DF,6,               | fragment offset",
        ",6,tcp,             | ,six,tcp,               | protocol id",
        ",tcp,60,            | ,tcp,sixty,             | length",
        ",10.170.12.50,      | ,10.170.12.500,         | source address",
        ",1.1.1.1,           | ,1.1.1.1.1,             | destination address",
        ",49724,853,         | ,49724x,853,            | TCP source port",
        ",853,0,             | ,70000,0,               | TCP destination port",
        ",0,S,               | ,0,Q,                   | TCP flags",
        "146,,,              | 1x6,,,                  | rule number",
        ",igb1.12,           | ,,                      | interface",
        ",match,             | ,,                      | reason",
        ",block,             | ,,                      | action",
        ",4,0x0,             | ,4,,                    | TOS",
        ",4,0x0,             | ,4,bogus,0x0,           | TOS",
        ",4,0x0,             | ,4,bad-len=1,bad-len=2,bad-len=3,0x0, | TOS",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        String line = TCP_SYN.replace(good.strip(), bad.strip());
        ParseResult r = parser.parse(tagged(line), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains(field));
    }

    @Test
    void truncatedLinesNameTheFirstMissingField() {
        String[] expected = {"rule number", "sub-rule number", "anchor", "tracker", "interface", "reason",
            "action", "direction", "IP version", "TOS", "ECN", "TTL", "IP ID", "fragment offset", "IP flags",
            "protocol id", "protocol", "length", "source address", "destination address",
            "field after the destination address", "TCP destination port", "TCP data length", "TCP flags",
            "TCP sequence number", "TCP ack number", "TCP window"};
        int comma = -1;
        for (int field = 1; field < expected.length; field++) {
            comma = TCP_SYN.indexOf(',', comma + 1);
            String cut = TCP_SYN.substring(0, comma);
            ParseResult r = parser.parse(tagged(cut), FixtureCases.CONTEXT);
            assertThat(r).as(cut).isInstanceOfSatisfying(ParseResult.Malformed.class,
                    m -> assertThat(m.reason()).isEqualTo("missing " + expected[cutField(cut)] + " (line cut off?)"));
        }
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 200,
                RandomLines.Garble.inserting(",:.x "));
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r,
                r.nextBoolean() ? "5,,,1,em0,match,block,in,4," : "",
                ",,,,,,0123456789abcdefx.:;=()[]' -inoutpassblockmatchtcpudpicmp", 160, 10));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(ParserContract.bare(FixtureCases.lines(FIXTURES)), 300);
    }

    /** Which of the expected names belongs to the field the cut line lacks: the count of its commas + 1. */
    private static int cutField(String cut) {
        int commas = 0;
        for (int i = 0; i < cut.length(); i++) {
            commas += cut.charAt(i) == ',' ? 1 : 0;
        }
        return commas + 1;
    }

    private static SyslogMessage tagged(String message) {
        return new SyslogMessage("<134>Nov 26 10:00:00 filterlog: " + message, 134, SyslogMessage.NO_TIMESTAMP, null,
                "filterlog", null, message);
    }

    private LogEvent event(SyslogMessage m) {
        return event(m, FixtureCases.CONTEXT);
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
