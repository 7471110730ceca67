package io.quietwatch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FortigateParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/fortigate/traffic.yaml", "/fixtures/fortigate/web.yaml", "/fixtures/fortigate/vpn.yaml",
        "/fixtures/fortigate/events.yaml", "/fixtures/fortigate/negative.yaml"};
    private static final String HEAD = "date=2024-05-02 time=08:31:47 devname=\"FGT-HQ\" devid=\"FG100FTK20001234\" ";
    private static final String CLOSE = HEAD + "logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" "
            + "srcip=192.168.10.23 srcport=51544 srcintf=\"internal\" dstip=93.184.216.34 dstport=443 "
            + "dstintf=\"wan1\" sessionid=8812734 proto=6 action=\"close\" policyid=12 duration=10 sentbyte=100 "
            + "rcvdbyte=200 sentpkt=3 rcvdpkt=4";
    private static final String UNREADABLE = "unreadable FortiGate log";

    private final FortigateParser parser = new FortigateParser();
    private final ParserContract contract = ParserContract.of(parser, UNREADABLE);

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameIsFortigate() {
        assertThat(parser.name()).isEqualTo("fortigate");
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "'devname=\"a\" logid=\"1\"'                | true",
        "'devid=FG1 type=traffic'                  | true",
        "'logid=0000000013 type=traffic'           | true",
        "'x: devname=a srcip=1 type=event'         | true",
        "'devname=a devid=b'                       | false",
        "'type=traffic subtype=forward'            | false",
        "'logid=1 subtype=forward'                 | false",
        "'mydevname=a logid=1'                     | false",
        "'devname=a FTNTFGTlogid=1 eventtype=x'    | false",
        "''                                        | false",
    })
    void claimsTwoOfThreeMarkersAtKeyStarts(String line, boolean claimed) {
        assertThat(parser.claims(SyslogMessage.bare(line))).isEqualTo(claimed);
    }

    /** parse() checks the markers on the scanned keys, falling back to claims()'s text search: the same verdict. */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "devname=\"a\" logid=\"1\" type=traffic srcip=10.0.0.1 dstip=10.0.0.2",
        "devid=FG1 type=traffic srcip=10.0.0.1 dstip=10.0.0.2",
        "logid=0000000013 type=traffic srcip=10.0.0.1 dstip=10.0.0.2",
        "devname=a devid=b",
        "logid=1 subtype=forward",
        "log_id=1 devname=a",
        "log_id=1 devname=a type=event",
        "<134>logid=1 devname=a",
        "msg=\"see logid=1\" devname=a",
        "mydevname=a logid=1",
        "devname=a FTNTFGTlogid=1 eventtype=x",
        "devname=a,logid=1,type=event",
    })
    void parseIsNotMineExactlyWhenNotClaimed(String line) {
        SyslogMessage m = SyslogMessage.bare(line);
        assertThat(parser.parse(m, FixtureCases.CONTEXT) instanceof ParseResult.NotMine)
                .as(line).isEqualTo(!parser.claims(m));
    }

    @Test
    void claimsNoLineOfTheOtherFormatsFixtures() {
        List<SyslogMessage> theirs = new ArrayList<>();
        for (String other : new String[] {"cisco-asa/built", "cisco-asa/teardown", "cisco-asa/deny",
            "cisco-asa/access-list", "cisco-asa/icmp", "cisco-asa/other", "netfilter/ipv4", "netfilter/ipv6",
            "netfilter/negative", "syslog-header/headers"}) {
            for (JsonNode c : FixtureCases.load("/fixtures/" + other + ".yaml")) {
                // FortiGate lines shown to the ASA parser and the header parser are ours
                if (!c.path("name").asText().toLowerCase(Locale.ROOT).contains("fortigate")) {
                    theirs.add(FixtureCases.message(c));
                }
            }
        }
        contract.claimsNone(theirs);
    }

    @Test
    void claimsNothingWithoutAMessage() {
        assertThat(parser.claims(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
        assertThat(parser.parse(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null),
                FixtureCases.CONTEXT)).isInstanceOf(ParseResult.NotMine.class);
    }

    @ParameterizedTest(name = "eventtime={0}")
    @CsvSource({
        "1714631507,          2024-05-02T06:31:47Z",
        "1714631507123,       2024-05-02T06:31:47.123Z",
        "1714631507123456,    2024-05-02T06:31:47.123Z",
        "1714631507123456789, 2024-05-02T06:31:47.123Z",
    })
    void eventtimeUnitIsToldByItsDigitCount(String eventtime, String expected) {
        LogEvent e = event(SyslogMessage.bare(CLOSE.replace("devid=", "eventtime=" + eventtime + " devid=")));

        assertThat(Instant.ofEpochMilli(e.timestamp())).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "eventtime={0}")
    @CsvSource({"12345", "17146315071234567890", "9999999999999999999", "17146315x7", "''"})
    void implausibleEventtimeFallsBackToDateAndTime(String eventtime) {
        String stamped = CLOSE.replace("devid=", "eventtime=" + eventtime + " tz=\"-0100\" devid=");
        LogEvent e = event(SyslogMessage.bare(stamped));

        assertThat(Instant.ofEpochMilli(e.timestamp())).isEqualTo(Instant.parse("2024-05-02T09:31:47Z"));
    }

    @Test
    void eventtimeWinsOverABrokenDate() {
        LogEvent e = event(SyslogMessage.bare(CLOSE.replace("2024-05-02", "2024-13-45")
                .replace("devid=", "eventtime=1714631507 devid=")));

        assertThat(Instant.ofEpochMilli(e.timestamp())).isEqualTo(Instant.parse("2024-05-02T06:31:47Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "date=2024-05-02 time=08:31:47 | date=2024-02-30 time=08:31:47",
        "date=2024-05-02 time=08:31:47 | date=2024-5-2 time=08:31:47",
        "date=2024-05-02 time=08:31:47 | date=2024-05-02 time=24:00:00",
        "date=2024-05-02 time=08:31:47 | date=2024-05-02 time=10: 13:03",
        "date=2024-05-02 time=08:31:47 | date=2024-05-02",
    })
    void unreadableDateOrTimeFallsBackToTheHeader(String good, String bad) {
        long header = Instant.parse("2024-05-02T06:31:50Z").toEpochMilli();
        String body = CLOSE.replace(good, bad);
        LogEvent e = event(new SyslogMessage("<189>May  2 06:31:50 fw9 " + body, 189, header, "fw9", null, null, body));

        assertThat(e.timestamp()).isEqualTo(header);
        assertThat(e.sourceIp()).isEqualTo("192.168.10.23");
    }

    @ParameterizedTest(name = "tz={0}")
    @CsvSource({
        "+0200,    2024-05-02T06:31:47Z",
        "-0500,    2024-05-02T13:31:47Z",
        "+05:30,   2024-05-02T03:01:47Z",
        "UTC-5:00, 2024-05-02T13:31:47Z",
        "GMT+1,    2024-05-02T07:31:47Z",
        "UTC,      2024-05-02T08:31:47Z",
        "bogus,    2024-05-02T06:31:47Z",
        "+2500,    2024-05-02T06:31:47Z",
    })
    void tzOffsetsTheDateAndTimeElseTheInputZoneDoes(String tz, String expected) {
        ParseContext paris = new ParseContext(ZoneId.of("Europe/Paris"), FixtureCases.CONTEXT.clock(),
                InternalNetworks.defaults());
        SyslogMessage m = SyslogMessage.bare(CLOSE.replace("devid=", "tz=\"" + tz + "\" devid="));

        ParseResult r = parser.parse(m, paris);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Parsed.class, p ->
                assertThat(Instant.ofEpochMilli(p.event().timestamp())).isEqualTo(Instant.parse(expected)));
    }

    @Test
    void withoutAnyTimeTheContextClockDecides() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        ParseResult r = parser.parse(SyslogMessage.bare(CLOSE.substring(CLOSE.indexOf("devname="))), context);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Parsed.class,
                p -> assertThat(p.event().timestamp()).isEqualTo(now.toEpochMilli()));
    }

    @Test
    void headerHostIsTheObserverOnlyWithoutDevname() {
        long t = Instant.parse("2024-05-02T06:31:50Z").toEpochMilli();
        String body = CLOSE.replace("devname=\"FGT-HQ\" ", "");
        LogEvent e = event(new SyslogMessage("<189>May  2 06:31:50 fw9 " + body, 189, t, "fw9", null, null, body));

        assertThat(e.observerHostname()).isEqualTo("fw9");
        assertThat(e.original()).startsWith("<189>May  2 06:31:50 fw9 ");
        assertThat(event(new SyslogMessage(CLOSE, 189, t, "fw9", null, null, CLOSE)).observerHostname())
                .isEqualTo("FGT-HQ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bare PRI                 | '<189>'",
        "RFC 3164 header          | '<189>May  2 06:31:50 fw-relay '",
        "RFC 3339 stamp and host  | '2024-05-02T06:31:50.123+00:00 192.0.2.1 '",
        "no header at all         | ''",
    })
    void readsTheLineBehindTheHeadersDevicesSend(String header, String prefix) {
        LineParser lines = new LineParser(parser, FixtureCases.CONTEXT);
        String body = CLOSE.replace("devid=", "tz=\"+0200\" devid=");

        ParseResult r = lines.parse(prefix + body);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
            assertThat(Instant.ofEpochMilli(p.event().timestamp())).isEqualTo(Instant.parse("2024-05-02T06:31:47Z"));
            assertThat(p.event().observerHostname()).isEqualTo("FGT-HQ");
            assertThat(p.event().sourceIp()).isEqualTo("192.168.10.23");
            assertThat(p.event().original()).isEqualTo(prefix + body);
        });
    }

    @Test
    void fieldsTheTrafficLineDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(CLOSE)), Set.of("timestamp", "observerVendor",
                "observerProduct", "observerHostname", "format", "eventCode", "category", "action", "outcome", "phase",
                "sourceIp", "sourcePort", "destinationIp", "destinationPort", "transport", "direction", "hostIp",
                "durationNanos", "sourceBytes", "destinationBytes", "networkBytes", "networkPackets",
                "ingressInterface", "egressInterface", "ruleName", "connectionId", "original"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "accept       | allowed | null",
        "close        | allowed | end",
        "timeout      | allowed | end",
        "server-rst   | allowed | end",
        "client-rst   | allowed | end",
        "start        | allowed | start",
        "deny         | denied  | null",
        "blocked      | denied  | null",
        "ip-conn      | allowed | null",
        "dns          | allowed | null",
        "pending      | null    | null",
    })
    void trafficActionGivesOutcomeAndPhase(String action, String outcome, String phase) {
        String line = CLOSE.replace("action=\"close\"", "action=\"" + action + "\"")
                .replace("0000000013", "0000000011");
        LogEvent e = event(SyslogMessage.bare(line));

        assertThat(e.action()).isEqualTo(action);
        assertThat(e.outcome()).isEqualTo(outcome);
        assertThat(e.phase()).isEqualTo(phase);
    }

    @Test
    void acceptEndsASessionOnlyInASessionEndLogWithADuration() {
        String accept = CLOSE.replace("action=\"close\"", "action=\"accept\"");

        assertThat(event(SyslogMessage.bare(accept)).phase()).isEqualTo(LogEvent.END);
        assertThat(event(SyslogMessage.bare(accept.replace("0000000013", "0001000014"))).phase())
                .isEqualTo(LogEvent.END);
        assertThat(event(SyslogMessage.bare(accept.replace("0000000013", "0000000020"))).phase()).isNull();
        assertThat(event(SyslogMessage.bare(accept.replace(" duration=10", ""))).phase()).isNull();
    }

    @ParameterizedTest(name = "{2}: [{1}]")
    @CsvSource(delimiter = '|', value = {
        "srcport=51544        | srcport=http          | srcport",
        "dstip=93.184.216.34  | dstip=93.184.216      | dstip",
        "proto=6              | proto=300             | proto",
        "duration=10          | duration=-1           | duration",
        "rcvdbyte=200         | rcvdbyte=2e3          | rcvdbyte",
        "sentpkt=3            | sentpkt=x             | sentpkt",
        "policyid=12          | transip=1.2.3.4.5     | transip",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        String line = CLOSE.replace(good.strip(), bad.strip());
        ParseResult r = parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).startsWith(field + " "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xsrcip", "srcip2", "SRCIP", "srcipsrcipsrcipsrcip", "srcíp", "src_ip"})
    void onlyTheExactKeyIsRead(String lookalike) {
        String line = CLOSE.replace("srcip=", lookalike + "=");
        ParseResult r = parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo("missing srcip"));
    }

    @Test
    void olderFieldNamesReadAsTheirCurrentOnes() {
        String old = CLOSE.replace("srcip=", "src=").replace("dstport=", "dst_port=").replace("sentbyte=", "sent=")
                .replace("srcintf=", "src_int=").replace("sessionid=", "session_id=").replace("logid=", "log_id=");
        LogEvent e = event(SyslogMessage.bare(old));

        assertThat(e.sourceIp()).isEqualTo("192.168.10.23");
        assertThat(e.destinationPort()).isEqualTo(443);
        assertThat(e.sourceBytes()).isEqualTo(100L);
        assertThat(e.ingressInterface()).isEqualTo("internal");
        assertThat(e.connectionId()).isEqualTo("8812734");
        assertThat(e.eventCode()).isEqualTo("0000000013");
    }

    @Test
    void blankValuesAreAbsentNotErrors() {
        LogEvent e = event(SyslogMessage.bare(CLOSE + " user=\"\" transip=N/A unauthuser=\"(null)\" hostname="));

        assertThat(e.userName()).isNull();
        assertThat(e.sourceNatIp()).isNull();
    }

    @Test
    void neverThrowsAndNeverReachesTheCatchAllOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 200,
                RandomLines.Garble.inserting(" =\"\\"));
        String alphabet = " =\"\\:.-/0123456789abcdefxNA(null)";
        String[] keys = {"date=", "time=", "tz=", "eventtime=", "srcip=", "dstip=", "srcport=", "proto=",
            "duration=", "sentbyte=", "url=", "hostname=", "rawdata=", "remip=", "icmptype=", "action="};
        contract.randomLines(random, 20_000, r -> {
            StringBuilder sb = new StringBuilder("devname=x logid=1 type=")
                    .append(r.nextBoolean() ? "traffic " : r.nextBoolean() ? "utm " : "event subtype=vpn ");
            int fields = r.nextInt(12);
            for (int j = 0; j < fields; j++) {
                sb.append(RandomLines.noise(r, keys[r.nextInt(keys.length)], alphabet, 24, 20)).append(' ');
            }
            return sb.toString();
        });
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(ParserContract.bare(FixtureCases.lines(FIXTURES)), 300);
    }

    private LogEvent event(SyslogMessage m) {
        ParseResult r = parser.parse(m, FixtureCases.CONTEXT);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
