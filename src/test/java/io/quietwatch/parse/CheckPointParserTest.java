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
    private final EventParser headerFirst = new HeaderFirst(parser);

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(headerFirst, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        int cases = 0;
        for (String f : FIXTURES) {
            cases += FixtureCases.load(f).size();
        }
        assertThat(cases).isGreaterThanOrEqualTo(30);
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
    @ValueSource(strings = {
        "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) to inside:10.1.1.2/22 (10.1.1.2/22)",
        "[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56 SRC=203.0.113.45 DST=192.168.1.10 LEN=60 PROTO=TCP SPT=1 DPT=22 URGP=0",
        "date=2026-11-26 time=10:00:00 devname=\"FGT60F\" type=\"traffic\" srcip=10.0.0.5 dstip=203.0.113.7 action=\"close\"",
        "CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Accept|https|Unknown|act=Accept src=10.0.0.5 origin=10.0.0.1",
        "1,2026/11/26 10:00:00,012801000001,TRAFFIC,end,2561,2026/11/26 10:00:00,10.0.0.5,203.0.113.7,0.0.0.0,0.0.0.0,allow-web",
        "5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,203.0.113.9,192.168.1.10,51234,22,0,S,1,,64240,,mss",
        "RT_FLOW_SESSION_CLOSE: session closed TCP FIN: 10.0.0.5/51234->203.0.113.7/443 0x0 junos-https 198.51.100.1/51234->203.0.113.7/443",
        "[junos@2636.1.1.1.2.40 reason=\"TCP FIN\" source-address=\"10.0.0.5\" source-port=\"51234\"]",
        "1795687200.123    155 10.0.0.5 TCP_MISS/200 5120 GET http://example.com/setup.exe - HIER_DIRECT/203.0.113.7 application/octet-stream",
        "{\"ts\":1795687200.0,\"uid\":\"CHhAvVGS1DHFjwGM9\",\"origin\":\"10.0.0.5\",\"action\":\"allow\",\"product\":\"x\"}",
    })
    void doesNotClaimOtherVendorsLines(String line) {
        SyslogMessage m = SyslogMessage.bare(line);

        assertThat(parser.claims(m)).isFalse();
        assertThat(parser.parse(m, FixtureCases.CONTEXT)).isInstanceOf(ParseResult.NotMine.class);
    }

    @Test
    void recordTimeWinsThenHeaderThenClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")),
                InternalNetworks.defaults());
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
        Map<String, Object> c = FixtureCases.components(event(SyslogMessage.bare(RECORD), FixtureCases.CONTEXT));
        Set<String> carried = Set.of("timestamp", "observerVendor", "observerProduct", "observerHostname", "format",
                "eventCode", "category", "action", "outcome", "sourceIp", "sourcePort", "destinationIp",
                "destinationPort", "sourceNatIp", "sourceNatPort", "transport", "direction", "hostIp",
                "egressInterface", "ruleName", "connectionId", "original");
        c.forEach((name, value) -> {
            if (carried.contains(name)) {
                assertThat(value).as(name).isNotNull();
            } else {
                assertThat(value).as(name).isNull();
            }
        });
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
        List<String> lines = fixtureLines();
        Random random = new Random(20261126);
        for (String line : lines) {
            for (int cut = 0; cut <= line.length(); cut += 1 + line.length() / 400) {
                checkTotal(line.substring(0, cut));
                checkTotal(line.substring(cut));
            }
            for (int i = 0; i < 300; i++) {
                checkTotal(garble(line, random));
            }
        }
        String alphabet = " :;=\"\\[]{}0123456789.abcdefsrcdstportime_origin@";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "[action:\"" : "origin:\"1\"; product:\"");
            int len = random.nextInt(160);
            for (int j = 0; j < len; j++) {
                sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            checkTotal(sb.toString());
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<SyslogMessage> messages = new ArrayList<>();
        List<ParseResult> expected = new ArrayList<>();
        for (String line : fixtureLines()) {
            SyslogMessage m = HEADER.parse(line, FixtureCases.CONTEXT);
            messages.add(m);
            expected.add(parser.parse(m, FixtureCases.CONTEXT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ParseResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<ParseResult> last = null;
                    for (int round = 0; round < 300; round++) {
                        last = new ArrayList<>();
                        for (SyslogMessage m : messages) {
                            last.add(parser.parse(m, FixtureCases.CONTEXT));
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

    /** Total over any input: a result, never the catch-all, NotMine for every unclaimed line. */
    private void checkTotal(String line) {
        for (SyslogMessage m : List.of(SyslogMessage.bare(line), HEADER.parse(line, FixtureCases.CONTEXT))) {
            ParseResult r = parser.parse(m, FixtureCases.CONTEXT);
            assertThat(r).as(line).isNotNull();
            if (!parser.claims(m)) {
                assertThat(r).as(line).isInstanceOf(ParseResult.NotMine.class);
            }
            if (r instanceof ParseResult.Malformed bad) {
                assertThat(bad.reason()).as(line).isNotBlank().doesNotStartWith("unreadable");
            }
        }
    }

    private static String garble(String line, Random random) {
        StringBuilder sb = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, " :;=\"\\[]".charAt(random.nextInt(8)));
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

    /** Runs lines that start with a PRI through the syslog header parser before the vendor parser. */
    private record HeaderFirst(EventParser parser) implements EventParser {
        @Override
        public String name() {
            return parser.name();
        }

        @Override
        public boolean claims(SyslogMessage message) {
            return parser.claims(split(message));
        }

        @Override
        public ParseResult parse(SyslogMessage message, ParseContext context) {
            return parser.parse(split(message), context);
        }

        private static SyslogMessage split(SyslogMessage m) {
            return m.message().startsWith("<") ? HEADER.parse(m.original(), FixtureCases.CONTEXT) : m;
        }
    }
}
