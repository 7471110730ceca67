package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NetfilterParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/netfilter/ipv4.yaml", "/fixtures/netfilter/ipv6.yaml", "/fixtures/netfilter/negative.yaml"};
    private static final String UFW_SYN = "[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 "
            + "SRC=203.0.113.45 DST=192.168.1.10 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=54321 DF PROTO=TCP "
            + "SPT=51234 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0 ";
    private static final String BODY = "IN=eth0 OUT= SRC=192.0.2.1 DST=10.0.0.1 LEN=60 TOS=0x00 PREC=0x00 TTL=64 "
            + "ID=1 DF PROTO=TCP SPT=1000 DPT=80 WINDOW=1 RES=0x00 SYN URGP=0";

    private final NetfilterParser parser = new NetfilterParser();
    private final ParserContract contract = ParserContract.of(parser, null);

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(25);
    }

    @Test
    void nameIsNetfilter() {
        assertThat(parser.name()).isEqualTo("netfilter");
    }

    @Test
    void claimsNetfilterLinesOnly() {
        assertThat(parser.claims(SyslogMessage.bare(UFW_SYN))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("IN=eth0 OUT= ARP MACSRC=00:01:02:03:04:05"))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("IN=eth0 OUT=eth1 DST=10.0.0.1"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("IN=eth0 SRC=10.0.0.1"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("OUT=eth0 SRC=10.0.0.1"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("%ASA-4-106023: Deny tcp src outside:1.2.3.4/5 dst"))).isFalse();
        assertThat(parser.claims(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
    }

    @Test
    void timeComesFromTheHeaderElseFromTheContextClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        long header = Instant.parse("2026-05-06T07:08:09Z").toEpochMilli();

        LogEvent bare = event(SyslogMessage.bare(UFW_SYN), context);
        LogEvent stamped = event(new SyslogMessage("<4>... " + UFW_SYN, 4, header, "fw", "kernel", null, UFW_SYN),
                context);

        assertThat(bare.timestamp()).isEqualTo(now.toEpochMilli());
        assertThat(stamped.timestamp()).isEqualTo(header);
        assertThat(stamped.observerHostname()).isEqualTo("fw");
        assertThat(stamped.original()).isEqualTo("<4>... " + UFW_SYN);
    }

    @Test
    void fieldsTheLineDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(UFW_SYN), FixtureCases.CONTEXT), Set.of(
                "timestamp", "observerVendor", "observerProduct", "format", "category", "action", "outcome", "phase",
                "sourceIp", "sourcePort", "destinationIp", "destinationPort", "transport", "direction", "hostIp",
                "networkBytes", "networkPackets", "ipTtl", "ipId", "tcpFlags", "ingressInterface", "ruleName",
                "original"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "'[UFW BLOCK] '                 | block    | denied",
        "'[UFW LIMIT BLOCK] '           | block    | denied",
        "'[UFW ALLOW] '                 | allow    | allowed",
        "'[UFW AUDIT] '                 | log      | null",
        "'DROP-IN: '                    | drop     | denied",
        "'iptables denied: '            | denied   | denied",
        "'Shorewall:net-fw:DROP:'       | drop     | denied",
        "'Shorewall:loc-net:ACCEPT:'    | accept   | allowed",
        "'FINAL_REJECT: '               | reject   | denied",
        "'filter_IN_public_REJECT: '    | reject   | denied",
        "'nft deny '                    | deny     | denied",
        "'fw-pass '                     | pass     | allowed",
        "'PERMIT_OUT '                  | permit   | allowed",
        "'allowed-dns '                 | allowed  | allowed",
        "'LOG-Rejected: '               | rejected | denied",
        "'DROPPING '                    | log      | null",
        "'bypass-check '                | log      | null",
        "'kernel: [   12.000001] '      | log      | null",
    })
    void verdictComesFromThePrefixWords(String prefix, String action, String outcome) {
        LogEvent e = event(SyslogMessage.bare(prefix + BODY), FixtureCases.CONTEXT);

        assertThat(e.action()).isEqualTo(action);
        assertThat(e.outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "'DROP-ININ=eth0 OUT= '         | eth0 | DROP-IN",
        "'LOGIN=root IN=eth0 OUT= '     | eth0 | LOGIN=root",
        "'IN=eth0 junk OUT= '           | eth0 | null",
        "'x: IN= OUT= '                 | null | x:",
    })
    void keyValuePartStartsAtTheInRightBeforeOut(String head, String ingress, String ruleName) {
        LogEvent e = event(SyslogMessage.bare(head + BODY.substring(BODY.indexOf("SRC="))), FixtureCases.CONTEXT);

        assertThat(e.ingressInterface()).isEqualTo(ingress);
        assertThat(e.ruleName()).isEqualTo(ruleName);
    }

    @Test
    void kernelTagAndUptimeAreNotPartOfTheRuleName() {
        assertThat(event(SyslogMessage.bare("kernel: [   12.000001] " + BODY), FixtureCases.CONTEXT).ruleName())
                .isNull();
        assertThat(event(SyslogMessage.bare("kernel: [5.1] x y: " + BODY), FixtureCases.CONTEXT).ruleName())
                .isEqualTo("x y:");
        assertThat(event(SyslogMessage.bare("[not uptime] " + BODY), FixtureCases.CONTEXT).ruleName())
                .isEqualTo("[not uptime]");
    }

    @ParameterizedTest(name = "{2}: [{1}]")
    @CsvSource(delimiter = '|', value = {
        "SPT=1000       | SPT=http       | SPT",
        "DPT=80         | DPT=           | DPT",
        "SRC=192.0.2.1  | SRC=192.0.2.1x | SRC",
        "DST=10.0.0.1   | DST=10.0.0.    | DST",
        "TTL=64         | TTL=640        | TTL",
        "PROTO=TCP      | PROTO=         | PROTO",
        " URGP=0        | ' '            | URGP",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        ParseResult r = parser.parse(SyslogMessage.bare(BODY.replace(good.strip(), bad.strip())), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains(field));
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 200,
                RandomLines.Garble.inserting(" =[]:"));
        contract.randomLines(random, 20_000, r -> {
            String line = RandomLines.noise(r, r.nextBoolean() ? "IN=" : "",
                    " =[]:.-0123456789abcdefINOUTSRCDSTPROTYLEN", 120, 10);
            return r.nextBoolean() ? line + " OUT= SRC=" + (r.nextBoolean() ? "1.2.3.4" : "[") : line;
        });
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(ParserContract.bare(FixtureCases.lines(FIXTURES)), 500);
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
