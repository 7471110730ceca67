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
    @ValueSource(strings = {
        "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) to inside:10.1.1.2/22 (10.1.1.2/22)",
        "[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56 SRC=203.0.113.45 DST=192.168.1.10 LEN=60 PROTO=TCP SPT=1 DPT=22 URGP=0",
        "date=2026-11-26 time=10:00:00 devname=\"FGT60F\" type=\"traffic\" srcip=10.0.0.5 dstip=203.0.113.7 action=\"close\"",
        "CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Accept|https|Unknown|act=Accept src=10.0.0.5",
        "1,2026/11/26 10:00:00,012801000001,TRAFFIC,end,2561,2026/11/26 10:00:00,10.0.0.5,203.0.113.7,0.0.0.0,0.0.0.0,allow-web",
        "5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,203.0.113.9,192.168.1.10,51234,22,0,S,1,,64240,,mss",
        "[action:\"Accept\"; ifdir:\"outbound\"; origin:\"10.0.0.1\"; src:\"10.0.0.5\"; dst:\"203.0.113.7\"]",
        "1795687200.123    155 10.0.0.5 TCP_MISS/200 5120 GET http://example.com/setup.exe - HIER_DIRECT/203.0.113.7 application/octet-stream",
        "{\"ts\":1795687200.0,\"uid\":\"CHhAvVGS1DHFjwGM9\",\"id.orig_h\":\"10.0.0.5\",\"proto\":\"tcp\",\"duration\":3605.1}",
    })
    void doesNotClaimOtherVendorsLines(String line) {
        SyslogMessage m = SyslogMessage.bare(line);

        assertThat(parser.claims(m)).isFalse();
        assertThat(parser.parse(m, FixtureCases.CONTEXT)).isInstanceOf(ParseResult.NotMine.class);
    }

    @Test
    void timeComesFromTheHeaderElseFromTheContextClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")),
                InternalNetworks.defaults());
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
        Map<String, Object> c = FixtureCases.components(event(SyslogMessage.bare(CLOSE), FixtureCases.CONTEXT));
        Set<String> carried = Set.of("timestamp", "observerVendor", "observerProduct", "format", "eventCode",
                "category", "action", "outcome", "phase", "reason", "sourceIp", "sourcePort", "destinationIp",
                "destinationPort", "sourceNatIp", "sourceNatPort", "destinationNatIp", "destinationNatPort",
                "transport", "direction", "hostIp", "durationNanos", "sourceBytes", "destinationBytes", "networkBytes",
                "networkPackets", "ingressInterface", "egressInterface", "ruleName", "connectionId", "original");
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
        List<String> lines = fixtureLines();
        Random random = new Random(20261126);
        for (String line : lines) {
            for (int cut = 0; cut <= line.length(); cut++) {
                checkTotal(line.substring(0, cut));
                checkTotal(line.substring(cut));
            }
            for (int i = 0; i < 300; i++) {
                checkTotal(garble(line, random));
            }
        }
        String alphabet = " /->()0123456789.:NA_x\"=[]RT_FLOW_SESSION_CLOSE junos@";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "RT_FLOW_SESSION_CLOSE: session closed "
                    : random.nextBoolean() ? "RT_FLOW_SESSION_DENY: session denied " : "[junos@1 ");
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

    /** Total over any input: a result, never the catch-all, NotMine only for unclaimed or foreign lines. */
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
                case 1 -> sb.insert(at, " /->()\"=]\\".charAt(random.nextInt(10)));
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
