package io.quietwatch.parse;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PanOsParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/panos/traffic.yaml", "/fixtures/panos/threat.yaml", "/fixtures/panos/globalprotect.yaml",
        "/fixtures/panos/system.yaml", "/fixtures/panos/realworld.yaml", "/fixtures/panos/negative.yaml"};
    private static final String TRAFFIC_END = "1,2026/11/26 10:00:05,013201001234,TRAFFIC,end,2561,"
            + "2026/11/26 10:00:04,10.1.20.15,203.0.113.80,198.51.100.10,203.0.113.80,Allow-Web-Out,corp\\alice,,"
            + "ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2026/11/26 10:00:04,481516,1,51234,443,31862,"
            + "443,0x40441a,tcp,allow,1843221,120334,1722887,2210,2026/11/26 08:57:59,3725,"
            + "computer-and-internet-info,,7390001234567890123,0x8000000000000000,10.0.0.0-10.255.255.255,"
            + "United States,,980,1230,tcp-fin,34,0,0,0,,fw-hq-01,from-policy,,,0,,0,,N/A,0,0,0,0";
    private static final String NO_DEVICE_NAME = TRAFFIC_END.substring(0, TRAFFIC_END.indexOf(",tcp-fin,"));

    private final PanOsParser parser = new PanOsParser();
    private final ParserContract contract = ParserContract.of(parser, "unreadable PAN-OS log");

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameIsPanos() {
        assertThat(parser.name()).isEqualTo("panos").isEqualTo(PanOsParser.NAME);
    }

    @Test
    void claimsPanOsLinesOnly() {
        assertThat(claims(TRAFFIC_END)).isTrue();
        assertThat(claims("1,2026/11/26 10:00:05,013201001234,GLOBALPROTECT,0,2817,")).isTrue();
        assertThat(claims("1,2020/04/01 10:49:35,015351000040055,11,0x0,GLOBALPROTECT,0,2305,")).isTrue();
        assertThat(claims("931201168,2021-10-22T16:10:10.000000Z,no-serial,GLOBALPROTECT,globalprotect,")).isTrue();
        assertThat(claims("1,2026/11/26 10:00:05,013201001234,11,0x0,SYSTEM,0,")).isFalse();
        assertThat(claims("1,2026/11/26,013201001234,TRAFFIC,end")).isFalse();
        assertThat(claims("%ASA-6-302013: Built outbound TCP connection 1 for a:1.2.3.4/1 (1.2.3.4/1) to b:5.6.7.8/2"))
                .isFalse();
        assertThat(claims("IN=eth0 OUT= SRC=1.2.3.4 DST=5.6.7.8 PROTO=TCP SPT=1 DPT=2")).isFalse();
        assertThat(claims("5,,,1000000103,igb1,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,1.2.3.4,5.6.7.8")).isFalse();
        assertThat(claims("x".repeat(130) + ",2026/11/26 10:00:05,013201001234,TRAFFIC,end")).isFalse();
        assertThat(parser.claims(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
        assertThat(parser.claims(null)).isFalse();
        assertThat(parser.parse(null, FixtureCases.CONTEXT)).isInstanceOf(ParseResult.NotMine.class);
    }

    @Test
    void claimsNoLineOfTheOtherFormatsAndTheyClaimNoneOfOurs() {
        contract.othersClaimNoneOfOurs(FixtureCases.lines(FIXTURES),
                List.of(new CiscoAsaParser(), new NetfilterParser()));
        List<SyslogMessage> theirs = FixtureCases.messages("/fixtures/cisco-asa/built.yaml",
                "/fixtures/cisco-asa/teardown.yaml", "/fixtures/cisco-asa/deny.yaml",
                "/fixtures/cisco-asa/access-list.yaml", "/fixtures/cisco-asa/icmp.yaml",
                "/fixtures/cisco-asa/other.yaml", "/fixtures/netfilter/ipv4.yaml", "/fixtures/netfilter/ipv6.yaml",
                "/fixtures/netfilter/negative.yaml");
        assertThat(theirs).hasSizeGreaterThan(30);
        contract.claimsNone(theirs);
    }

    @Test
    void generatedTimeIsLocalTimeInTheInputZone() {
        ParseContext berlin = new ParseContext(ZoneId.of("Europe/Berlin"), FixtureCases.CONTEXT.clock(),
                InternalNetworks.defaults());
        String summer = TRAFFIC_END.replace("2026/11/26 10:00:04,10.1", "2026/07/01 10:00:04,10.1");

        assertThat(event(SyslogMessage.bare(TRAFFIC_END), berlin).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T09:00:04Z").toEpochMilli());
        assertThat(event(SyslogMessage.bare(summer), berlin).timestamp())
                .isEqualTo(Instant.parse("2026-07-01T08:00:04Z").toEpochMilli());
    }

    @Test
    void timeFallsBackToTheHeaderThenToTheClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();
        String noTimes = TRAFFIC_END.replace("2026/11/26 10:00:05,", "2026/11/26 99:00:05,")
                .replace("2026/11/26 10:00:04,10.1", "bad,10.1");

        LogEvent stamped = event(new SyslogMessage("<14>... " + noTimes, 14, header, "fw", null, null, noTimes),
                context);
        LogEvent bare = event(SyslogMessage.bare(noTimes), context);

        assertThat(stamped.timestamp()).isEqualTo(header);
        assertThat(bare.timestamp()).isEqualTo(now.toEpochMilli());
        assertThat(stamped.original()).isEqualTo("<14>... " + noTimes);
    }

    @Test
    void deviceNameWinsOverTheSyslogHostWhichIsTheFallback() {
        SyslogMessage withName = new SyslogMessage(TRAFFIC_END, -1, SyslogMessage.NO_TIMESTAMP, "relay", null, null,
                TRAFFIC_END);
        SyslogMessage withoutName = new SyslogMessage(NO_DEVICE_NAME, -1, SyslogMessage.NO_TIMESTAMP, "relay", null,
                null, NO_DEVICE_NAME);

        assertThat(event(withName, FixtureCases.CONTEXT).observerHostname()).isEqualTo("fw-hq-01");
        assertThat(event(withoutName, FixtureCases.CONTEXT).observerHostname()).isEqualTo("relay");
        assertThat(event(withoutName, FixtureCases.CONTEXT).reason()).isNull();
    }

    @Test
    void natDestinationRepeatingTheDestinationIsKeptButZeroIsNone() {
        String zero = TRAFFIC_END.replace(",203.0.113.80,198.51.100.10,203.0.113.80,",
                ",0.0.0.0,198.51.100.10,0.0.0.0,");

        LogEvent repeated = event(SyslogMessage.bare(TRAFFIC_END), FixtureCases.CONTEXT);
        LogEvent none = event(SyslogMessage.bare(zero), FixtureCases.CONTEXT);

        assertThat(repeated.destinationNatIp()).isEqualTo("203.0.113.80");
        assertThat(repeated.destinationNatPort()).isEqualTo(443);
        assertThat(none.destinationIp()).isEqualTo("0.0.0.0");
        assertThat(none.destinationNatIp()).isNull();
        assertThat(none.destinationNatPort()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RFC 3164           | '<14>Nov 26 10:00:05 PA-220 '",
        "RFC 3164 no host   | '<14>Nov 26 10:00:05 '",
        "RFC 5424           | '<14>1 2026-11-26T10:00:05+00:00 PA-220 - - - - '",
        "no header          | ''",
    })
    void readsBehindEverySyslogHeader(String shape, String header) {
        LineParser lines = new LineParser(parser, FixtureCases.CONTEXT);

        LogEvent e = lines.event(header + TRAFFIC_END);

        assertThat(e).as(shape).isNotNull();
        assertThat(e.phase()).isEqualTo(LogEvent.END);
        assertThat(e.sourceIp()).isEqualTo("10.1.20.15");
        assertThat(e.durationSeconds()).isEqualTo(3725L);
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:04Z").toEpochMilli());
    }

    @Test
    void fieldsATrafficEndDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(TRAFFIC_END), FixtureCases.CONTEXT), Set.of(
                "timestamp", "observerVendor", "observerProduct", "observerHostname", "format", "eventCode", "category",
                "action", "outcome", "phase", "reason", "sourceIp", "sourcePort", "destinationIp", "destinationPort",
                "sourceNatIp", "sourceNatPort", "destinationNatIp", "destinationNatPort", "transport", "direction",
                "hostIp", "durationNanos", "sourceBytes", "destinationBytes", "networkBytes", "networkPackets",
                "ingressInterface", "egressInterface", "ruleName", "userName", "connectionId", "original"));
    }

    @ParameterizedTest(name = "{2}: [{1}]")
    @CsvSource(delimiter = '|', value = {
        ",10.1.20.15,      | ,10.1.20.x,          | Source Address",
        ",203.0.113.80,198 | ,,198                | Destination Address",
        ",51234,443,       | ,51234,ssl,          | Destination Port",
        ",481516,          | ,48-1516,            | Session ID",
        ",1843221,         | ,1.8M,               | Bytes",
        ",3725,            | ,1h,                 | Elapsed Time",
        ",0x40441a,tcp,    | ',0x40441a,tcp,\"'   | TRAFFIC log has",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        String line = TRAFFIC_END.replace(good.strip(), bad.strip());
        assertThat(line).isNotEqualTo(TRAFFIC_END);

        ParseResult r = parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains(field));
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 200,
                RandomLines.Garble.inserting(",\"/:."));
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r,
                r.nextBoolean() ? "1,2026/11/26 10:00:05,01,TRAFFIC," : "",
                ",,,,\"\"/:.- 0123456789TRAFICHEGLOBPSYMURxaf", 300, 20));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(ParserContract.bare(FixtureCases.lines(FIXTURES)), 300);
    }

    private boolean claims(String message) {
        return parser.claims(SyslogMessage.bare(message));
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
