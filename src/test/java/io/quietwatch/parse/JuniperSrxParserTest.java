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

class JuniperSrxParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/juniper-srx/structured.yaml", "/fixtures/juniper-srx/text.yaml",
        "/fixtures/juniper-srx/negative.yaml"};
    private static final String CLOSE = "RT_FLOW_SESSION_CLOSE: session closed TCP FIN: 10.0.0.5/51234->203.0.113.7/443 "
            + "0x0 junos-https 198.51.100.1/51234->203.0.113.7/443 0x0 N/A N/A N/A N/A 6 trust-to-untrust trust "
            + "untrust 1234 10(1234) 12(5678) 3605 UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0";
    private static final String STRUCTURED = "<14>1 2026-11-26T10:00:00Z srx1 RT_FLOW - RT_FLOW_SESSION_CREATE "
            + "[junos@2636.1.1.1.2.40 source-address=\"10.0.0.5\" source-port=\"51234\" "
            + "destination-address=\"203.0.113.7\" destination-port=\"443\" service-name=\"junos-https\" "
            + "nat-source-address=\"198.51.100.1\" nat-source-port=\"40000\" nat-destination-address=\"203.0.113.7\" "
            + "nat-destination-port=\"443\" protocol-id=\"6\" policy-name=\"p1\" source-zone-name=\"trust\" "
            + "destination-zone-name=\"untrust\" session-id-32=\"77\" username=\"N/A\" roles=\"N/A\"]";
    private static final SyslogHeaderParser HEADER = new SyslogHeaderParser();

    private final JuniperSrxParser parser = new JuniperSrxParser();
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
    void nameIsJuniperSrx() {
        assertThat(parser.name()).isEqualTo("juniper-srx").isEqualTo(JuniperSrxParser.NAME);
    }

    @Test
    void claimsRtFlowByTagOrMessage() {
        assertThat(parser.claims(SyslogMessage.bare(CLOSE))).isTrue();
        assertThat(parser.claims(HEADER.parse(STRUCTURED, FixtureCases.CONTEXT))).isTrue();
        assertThat(parser.claims(new SyslogMessage("x", 14, 0, "srx1", "RT_FLOW", null, "anything"))).isTrue();
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
        return ParserContract.foreignLines(JuniperSrxParser.NAME);
    }

    @Test
    void timeComesFromTheHeaderElseFromTheContextClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();

        LogEvent bare = event(SyslogMessage.bare(CLOSE), context);
        LogEvent stamped = event(new SyslogMessage("<14>... " + CLOSE, 14, header, "srx9", "RT_FLOW", null, CLOSE),
                context);

        assertThat(bare.timestamp()).isEqualTo(now.toEpochMilli());
        assertThat(bare.observerHostname()).isNull();
        assertThat(stamped.timestamp()).isEqualTo(header);
        assertThat(stamped.observerHostname()).isEqualTo("srx9");
        assertThat(stamped.original()).isEqualTo("<14>... " + CLOSE);
    }

    @Test
    void structuredDataIsReadWhereverItStands() {
        SyslogMessage split = HEADER.parse(STRUCTURED, FixtureCases.CONTEXT);
        assertThat(split.structuredData()).startsWith("[junos@");

        LogEvent fromHeader = event(split, FixtureCases.CONTEXT);
        LogEvent fromMessage = event(SyslogMessage.bare(STRUCTURED), FixtureCases.CONTEXT);

        for (LogEvent e : List.of(fromHeader, fromMessage)) {
            assertThat(e.eventCode()).isEqualTo("RT_FLOW_SESSION_CREATE");
            assertThat(e.phase()).isEqualTo(LogEvent.START);
            assertThat(e.sourceNatPort()).isEqualTo(40000);
            assertThat(e.connectionId()).isEqualTo("77");
        }
        assertThat(fromHeader.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
    }

    @Test
    void fieldsTheLineDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(CLOSE), FixtureCases.CONTEXT), Set.of(
                "timestamp", "observerVendor", "observerProduct", "format", "eventCode", "category", "action",
                "outcome", "phase", "reason", "sourceIp", "sourcePort", "destinationIp", "destinationPort",
                "sourceNatIp", "sourceNatPort", "destinationNatIp", "destinationNatPort", "transport", "direction",
                "hostIp", "durationNanos", "sourceBytes", "destinationBytes", "networkBytes", "networkPackets",
                "ingressInterface", "egressInterface", "ruleName", "connectionId", "original"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.5/51234->        | 10.0.0.5/51234 ->  | source-address/port->destination-address/port",
        "198.51.100.1/51234->    | 198.51.100.1:51234 | nat-source-address/port->nat-destination-address/port",
        "N/A N/A N/A N/A 6       | N/A N/A N/A N/A x  | protocol-id",
        "untrust 1234            | untrust 12x4       | session-id",
        "10(1234)                | 10(12k)            | packets-from-client",
        "12(5678)                | 12                 | packets-from-server",
        "5678) 3605              | 5678) -1           | elapsed-time",
        "10.0.0.5/               | 10.0.0.500/        | source-address",
        "203.0.113.7/443 0x0 j   | 203.0.113.7/99999 0x0 j | destination-port",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        String line = CLOSE.replace(good.strip(), bad.strip());
        assertThat(line).isNotEqualTo(CLOSE);

        ParseResult r = parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains(field));
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 300,
                RandomLines.Garble.inserting(" /->()\"=]\\"));
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r,
                r.nextBoolean() ? "RT_FLOW_SESSION_CLOSE: session closed "
                        : r.nextBoolean() ? "RT_FLOW_SESSION_DENY: session denied " : "[junos@1 ",
                " /->()0123456789.:NA_x\"=[]RT_FLOW_SESSION_CLOSE junos@", 160, 10));
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
