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
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CefParserTest {
    private static final String[] FIXTURES = {"/fixtures/cef/firewalls.yaml", "/fixtures/cef/proxies.yaml",
        "/fixtures/cef/syntax.yaml", "/fixtures/cef/negative.yaml"};
    private static final String HEADER = "CEF:0|Acme|Gate|1.0|100|conn|5|";
    private static final String BODY =
            "src=10.0.0.1 dst=198.51.100.9 spt=40000 dpt=443 proto=6 act=allow in=100 out=2000";

    static final RandomLines.Garble GARBLE = RandomLines.Garble.inserting(" =|\\:");

    private final CefParser parser = new CefParser();
    private final ParserContract contract = ParserContract.of(parser, "unreadable");

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameIsCef() {
        assertThat(parser.name()).isEqualTo("cef");
    }

    @Test
    void claimsCefLinesOnly() {
        assertThat(parser.claims(SyslogMessage.bare(HEADER + BODY))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("host1 CEF:0|x"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("CEF: 1|x"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("CEF:|x"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("mycef:notes CEF:later"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("LEEF:1.0|V|P|1|2|src=1.2.3.4"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare(""))).isFalse();
        assertThat(parser.claims(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
        assertThat(parser.claims(null)).isFalse();
    }

    @Test
    void otherFormatsFixturesAreNotClaimed() {
        contract.claimsNone(FixtureCases.messages("/fixtures/cisco-asa/built.yaml",
                "/fixtures/cisco-asa/deny.yaml", "/fixtures/netfilter/ipv4.yaml", "/fixtures/netfilter/ipv6.yaml"));
    }

    @Test
    void cefTakenForASyslogTagIsStillRead() {
        // "<134>Nov 26 10:00:00 fw1 CEF: 0|..." : the header parser takes "CEF:" for the tag
        String body = "0|Acme|Gate|1.0|100|conn|5|" + BODY;
        SyslogMessage m = new SyslogMessage("<134>Nov 26 10:00:00 fw1 CEF: " + body, 134,
                Instant.parse("2026-11-26T10:00:00Z").toEpochMilli(), "fw1", "CEF", null, body);

        assertThat(parser.claims(m)).isTrue();
        LogEvent e = event(m, FixtureCases.CONTEXT);
        assertThat(e.observerVendor()).isEqualTo("Acme");
        assertThat(e.sourceIp()).isEqualTo("10.0.0.1");
        assertThat(e.observerHostname()).isEqualTo("fw1");
        assertThat(parser.claims(new SyslogMessage("x", -1, 0, "h", "CEF", null, "0 apples"))).isFalse();
    }

    @Test
    void fieldsTheLineDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(HEADER + BODY), FixtureCases.CONTEXT), Set.of(
                "timestamp", "observerVendor", "observerProduct", "format", "eventCode", "category", "action",
                "outcome", "sourceIp", "sourcePort", "destinationIp", "destinationPort", "transport", "direction",
                "hostIp", "sourceBytes", "destinationBytes", "networkBytes", "original"));
    }

    @Test
    void timeComesFromTheLineElseTheHeaderElseTheClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();
        String line = HEADER + BODY;

        assertThat(event(SyslogMessage.bare(line), context).timestamp()).isEqualTo(now.toEpochMilli());
        assertThat(event(new SyslogMessage(line, 1, header, "fw", null, null, line), context).timestamp())
                .isEqualTo(header);
        assertThat(event(new SyslogMessage(line, 1, header, "fw", null, null, line + " rt=1700000000000"), context)
                .timestamp()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void stampsWithoutAZoneAreInTheInputsZone() {
        ParseContext tokyo = new ParseContext(ZoneId.of("Asia/Tokyo"), FixtureCases.CONTEXT.clock(),
                InternalNetworks.defaults());
        String line = HEADER + "rt=Nov 26 2026 10:00:00 src=10.0.0.1";

        assertThat(Instant.ofEpochMilli(event(SyslogMessage.bare(line), tokyo).timestamp()))
                .isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(Instant.ofEpochMilli(event(SyslogMessage.bare(line + " dtz=UTC"), tokyo).timestamp()))
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: in={1} out={2}")
    @CsvSource({
        "Acme,        100, 2000, 100,  2000",
        "Fortinet,    100, 2000, 2000, 100",
        "Zscaler,     100, 2000, 2000, 100",
        "Palo Alto Networks, 100, 2000, 100, 2000",
    })
    void inIsWhatTheSourceSentExceptWhereTheVendorReversesIt(String vendor, long in, long out, long sourceBytes,
                                                           long destinationBytes) {
        String line = "CEF:0|" + vendor + "|P|1|1|n|1|src=10.0.0.1 in=" + in + " out=" + out;
        LogEvent e = event(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(e.sourceBytes()).isEqualTo(sourceBytes);
        assertThat(e.destinationBytes()).isEqualTo(destinationBytes);
    }

    @ParameterizedTest(name = "act={0}")
    @CsvSource(nullValues = "null", value = {
        "block, denied", "Blocked, denied", "DENY, denied", "denied, denied", "drop, denied", "Dropped, denied",
        "reject, denied", "rejected, denied", "Refuse, denied", "discard, denied", "Prevent, denied",
        "reset-both, denied", "allow, allowed", "Allowed, allowed", "accept, allowed", "permit, allowed",
        "pass, allowed", "close, allowed", "server-rst, allowed", "not blocked, null", "alert, null",
        "Detect, null", "Log, null",
    })
    void actionWordsGiveTheOutcome(String act, String outcome) {
        LogEvent e = event(SyslogMessage.bare(HEADER + "src=10.0.0.1 act=" + act), FixtureCases.CONTEXT);

        assertThat(e.action()).isEqualTo(act);
        assertThat(e.outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{2}: [{1}]")
    @CsvSource(delimiter = '|', value = {
        "src=10.0.0.1   | src=10.0.0.x     | src",
        "dst=198.51.100.9 | dst=198.51.100 | dst",
        "spt=40000      | spt=4000a        | spt",
        "dpt=443        | dpt=65536        | dpt",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        ParseResult r = parser.parse(SyslogMessage.bare(HEADER + BODY.replace(good.strip(), bad.strip())),
                FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).startsWith(field + " "));
    }

    @Test
    void onlyTheTextZeroAddressIsAbsent() {
        LogEvent unspecified = event(SyslogMessage.bare(HEADER + "src=0.0.0.0 dst=198.51.100.9"), FixtureCases.CONTEXT);
        LogEvent padded = event(SyslogMessage.bare(HEADER + "src=000.0.0.0 dst=198.51.100.9"), FixtureCases.CONTEXT);

        assertThat(unspecified.sourceIp()).isNull();
        assertThat(padded.sourceIp()).isEqualTo("000.0.0.0");
        assertThat(padded.destinationIp()).isEqualTo("198.51.100.9");
    }

    @Test
    void cutHeaderReasonSaysHowFarItGot() {
        ParseResult r = parser.parse(SyslogMessage.bare("CEF:0|Acme|Gate|1.0"), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains("header").contains("3 of 7"));
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 200, GARBLE);
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r, r.nextBoolean() ? "CEF:0|" : "",
                " =|\\:.-0123456789abcdefrtsndpCEF", 160, 10));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(ParserContract.bare(FixtureCases.lines(FIXTURES)), 300);
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
