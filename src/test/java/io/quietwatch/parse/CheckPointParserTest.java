package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CheckPointParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/checkpoint/firewall.yaml", "/fixtures/checkpoint/web.yaml", "/fixtures/checkpoint/negative.yaml"};
    private static final String RECORD = "[action:\"Accept\"; flags:\"444676\"; ifdir:\"outbound\"; ifname:\"eth0\"; "
            + "logid:\"0\"; loguid:\"{0x5e80a05a,0x0,0xbba3afa,0xd2c10858}\"; origin:\"10.0.0.1\"; time:\"1795687200\"; "
            + "dst:\"203.0.113.7\"; rule_name:\"Web out\"; product:\"VPN-1 & FireWall-1\"; proto:\"6\"; "
            + "s_port:\"51234\"; service:\"443\"; src:\"10.0.0.5\"; xlatesport:\"40123\"; xlatesrc:\"198.51.100.1\"]";
    private static final String LINE = "<134>1 2026-11-26T10:00:05Z gw-cp CheckPoint 1234 - " + RECORD;
    private static final SyslogHeaderParser HEADER = new SyslogHeaderParser();

    private final CheckPointParser parser = new CheckPointParser();
    /** Whole syslog lines in the fixtures go through the header parser first, as in the pipeline. */
    private final EventParser headerFirst = FixtureCases.headerFirst(parser);
    private final ParserContract contract = ParserContract.of(parser, "unreadable")
            .views(ParserContract::bareAndSplit).claims(ParserContract.Claims.NOT_MINE_WHEN_UNCLAIMED);

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(headerFirst, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameIsCheckpoint() {
        assertThat(parser.name()).isEqualTo("checkpoint").isEqualTo(CheckPointParser.NAME);
    }

    @Test
    void claimsByAppNameMarkersOrEnterpriseNumber() {
        assertThat(parser.claims(HEADER.parse(LINE, FixtureCases.CONTEXT))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare(RECORD))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("product:\"SmartConsole\"; origin:\"10.0.0.1\""))).isTrue();
        assertThat(parser.claims(new SyslogMessage("x", 134, 0, "gw", "CheckPoint", null, "CEF:0|Check Point|"))).isTrue();
        assertThat(parser.claims(new SyslogMessage("x", 85, 0, "gw", "CP-GW",
                "[Fields@1.3.6.1.4.1.2620 src=\"10.0.0.5\"]", ""))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("action:\"Accept\"; src:\"10.0.0.5\""))).isFalse();
        assertThat(parser.claims(null)).isFalse();
        assertThat(parser.claims(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("foreignLines")
    void doesNotClaimOtherVendorsLines(SyslogMessage m) {
        contract.claimsNone(List.of(m));
    }

    static Stream<Named<SyslogMessage>> foreignLines() {
        return ParserContract.foreignLines(CheckPointParser.NAME);
    }

    @Test
    void recordTimeWinsThenHeaderThenClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();
        String untimed = RECORD.replace("time:\"1795687200\"; ", "");

        LogEvent own = event(new SyslogMessage(LINE, 134, header, "gw", "CheckPoint", null, RECORD), context);
        LogEvent fromHeader = event(new SyslogMessage(LINE, 134, header, "gw", "CheckPoint", null, untimed), context);
        LogEvent fromClock = event(SyslogMessage.bare(untimed), context);

        assertThat(own.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
        assertThat(fromHeader.timestamp()).isEqualTo(header);
        assertThat(fromClock.timestamp()).isEqualTo(now.toEpochMilli());
        assertThat(own.observerHostname()).isEqualTo("gw");
        assertThat(fromClock.observerHostname()).isEqualTo("10.0.0.1");
        assertThat(own.original()).isEqualTo(LINE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1795687200                     | 2026-11-26T10:00:00Z",
        "1795687200123                  | 2026-11-26T10:00:00.123Z",
        "1795687200123456               | 2026-11-26T10:00:00.123Z",
        "1795687200123456789            | 2026-11-26T10:00:00.123Z",
        "2026-11-26T10:00:00Z           | 2026-11-26T10:00:00Z",
        "2026-11-26T11:00:00.5+01:00    | 2026-11-26T10:00:00.500Z",
        "2026-11-26T09:00:00            | 2026-11-26T09:00:00Z",
    })
    void timeIsEpochInAnyUnitOrIso(String time, String expected) {
        LogEvent e = event(SyslogMessage.bare(RECORD.replace("1795687200", time)), FixtureCases.CONTEXT);

        assertThat(Instant.ofEpochMilli(e.timestamp())).isEqualTo(Instant.parse(expected));
    }

    @Test
    void unreadableTimeFallsBackToTheHeader() {
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();
        String record = RECORD.replace("1795687200", "yesterday");

        LogEvent e = event(new SyslogMessage(LINE, 134, header, "gw", "CheckPoint", null, record),
                FixtureCases.CONTEXT);

        assertThat(e.timestamp()).isEqualTo(header);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Accept        | accept        | allowed",
        "Allow         | allow         | allowed",
        "Decrypt       | decrypt       | allowed",
        "Drop          | drop          | denied",
        "Reject        | reject        | denied",
        "Block         | block         | denied",
        "Prevent       | prevent       | denied",
        "Detect        | detect        | null",
        "Inform        | inform        | null",
        "Ask           | ask           | null",
        "Redirect      | redirect      | null",
        "Bypass        | bypass        | null",
        "Key Install   | key install   | null",
    })
    void actionGivesTheOutcome(String action, String word, String outcome) {
        LogEvent e = event(SyslogMessage.bare(RECORD.replace("Accept", action)), FixtureCases.CONTEXT);

        assertThat(e.action()).isEqualTo(word);
        assertThat(e.outcome()).isEqualTo(outcome);
    }

    @Test
    void fieldsTheRecordDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(RECORD), FixtureCases.CONTEXT), Set.of(
                "timestamp", "observerVendor", "observerProduct", "observerHostname", "format", "eventCode", "category",
                "action", "outcome", "sourceIp", "sourcePort", "destinationIp", "destinationPort", "sourceNatIp",
                "sourceNatPort", "transport", "direction", "hostIp", "egressInterface", "ruleName", "connectionId",
                "original"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "src:\"10.0.0.5\"         | src:\"10.0.0.x\"        | src",
        "dst:\"203.0.113.7\"      | dst:\"::1::2\"          | dst",
        "s_port:\"51234\"         | s_port:\"-1\"           | s_port",
        "xlatesrc:\"198.51.100.1\" | xlatesrc:\"nat-pool\"  | xlatesrc",
        "xlatesport:\"40123\"     | xlatesport:\"65536\"    | xlatesport",
        "xlatesrc:\"198.51.100.1\"] | xlatesrc:\"198.51.10  | xlatesrc' is not closed",
        "xlatesrc:\"198.51.100.1\"] | xlatesrc:\"198.51.100.1\"; | ']'",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        String record = RECORD.replace(good.strip(), bad.strip());
        assertThat(record).isNotEqualTo(RECORD);

        ParseResult r = parser.parse(SyslogMessage.bare(record), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains(field));
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), 400, random, 300,
                RandomLines.Garble.inserting(" :;=\"\\[]"));
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r,
                r.nextBoolean() ? "[action:\"" : "origin:\"1\"; product:\"",
                " :;=\"\\[]{}0123456789.abcdefsrcdstportime_origin@", 160, 10));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(
                FixtureCases.lines(FIXTURES).stream().map(ParserContract::split).toList(), 300);
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
