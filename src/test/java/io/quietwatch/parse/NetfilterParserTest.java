package io.quietwatch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        int cases = 0;
        for (String f : FIXTURES) {
            cases += FixtureCases.load(f).size();
        }
        assertThat(cases).isGreaterThanOrEqualTo(25);
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
        ParseContext context = new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")),
                InternalNetworks.defaults());
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
        Map<String, Object> c = FixtureCases.components(event(SyslogMessage.bare(UFW_SYN), FixtureCases.CONTEXT));
        Set<String> carried = Set.of("timestamp", "observerVendor", "observerProduct", "format", "category",
                "action", "outcome", "phase", "sourceIp", "sourcePort", "destinationIp", "destinationPort",
                "transport", "direction", "hostIp", "networkBytes", "networkPackets", "ipTtl", "ipId", "tcpFlags",
                "ingressInterface", "ruleName", "original");
        c.forEach((name, value) -> {
            if (carried.contains(name)) {
                assertThat(value).as(name).isNotNull();
            } else {
                assertThat(value).as(name).isNull();
            }
        });
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
        List<String> lines = fixtureLines();
        Random random = new Random(20261126);
        for (String line : lines) {
            for (int cut = 0; cut <= line.length(); cut++) {
                checkTotal(line.substring(0, cut));
                checkTotal(line.substring(cut));
            }
            for (int i = 0; i < 200; i++) {
                checkTotal(garble(line, random));
            }
        }
        String alphabet = " =[]:.-0123456789abcdefINOUTSRCDSTPROTYLEN";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "IN=" : "");
            int len = random.nextInt(120);
            for (int j = 0; j < len; j++) {
                sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                sb.append(" OUT= SRC=").append(random.nextBoolean() ? "1.2.3.4" : "[");
            }
            checkTotal(sb.toString());
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> lines = fixtureLines();
        List<ParseResult> expected = new ArrayList<>();
        for (String line : lines) {
            expected.add(parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ParseResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<ParseResult> last = null;
                    for (int round = 0; round < 500; round++) {
                        last = new ArrayList<>();
                        for (String line : lines) {
                            last.add(parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT));
                        }
                    }
                    return last;
                }));
            }
            for (Future<List<ParseResult>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void checkTotal(String line) {
        SyslogMessage m = SyslogMessage.bare(line);
        ParseResult r = parser.parse(m, FixtureCases.CONTEXT);
        assertThat(r).as(line).isNotNull();
        assertThat(r instanceof ParseResult.NotMine).as("NotMine exactly when not claimed: %s", line)
                .isEqualTo(!parser.claims(m));
        if (r instanceof ParseResult.Malformed bad) {
            assertThat(bad.reason()).as(line).isNotBlank();
        }
    }

    private static String garble(String line, Random random) {
        StringBuilder sb = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, " =[]:".charAt(random.nextInt(5)));
                case 2 -> sb.setCharAt(at, (char) random.nextInt(0x80));
                default -> sb.insert(at, sb.substring(random.nextInt(sb.length())));
            }
        }
        return sb.toString();
    }

    private static List<String> fixtureLines() {
        List<String> lines = new ArrayList<>();
        for (String f : FIXTURES) {
            for (JsonNode c : FixtureCases.load(f)) {
                lines.add(c.path("line").asText());
            }
        }
        return lines;
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
