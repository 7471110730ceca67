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

class CefParserTest {
    private static final String[] FIXTURES = {"/fixtures/cef/firewalls.yaml", "/fixtures/cef/proxies.yaml",
        "/fixtures/cef/syntax.yaml", "/fixtures/cef/negative.yaml"};
    private static final String HEADER = "CEF:0|Acme|Gate|1.0|100|conn|5|";
    private static final String BODY =
            "src=10.0.0.1 dst=198.51.100.9 spt=40000 dpt=443 proto=6 act=allow in=100 out=2000";

    private final CefParser parser = new CefParser();

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
        assertThat(cases).isGreaterThanOrEqualTo(30);
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
        for (String resource : List.of("/fixtures/cisco-asa/built.yaml", "/fixtures/cisco-asa/deny.yaml",
                "/fixtures/netfilter/ipv4.yaml", "/fixtures/netfilter/ipv6.yaml")) {
            for (JsonNode c : FixtureCases.load(resource)) {
                assertThat(parser.claims(FixtureCases.message(c))).as(c.path("line").asText()).isFalse();
            }
        }
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
        Map<String, Object> c = FixtureCases.components(event(SyslogMessage.bare(HEADER + BODY), FixtureCases.CONTEXT));
        Set<String> carried = Set.of("timestamp", "observerVendor", "observerProduct", "format", "eventCode",
                "category", "action", "outcome", "sourceIp", "sourcePort", "destinationIp", "destinationPort",
                "transport", "direction", "hostIp", "sourceBytes", "destinationBytes", "networkBytes", "original");
        c.forEach((name, value) -> {
            if (carried.contains(name)) {
                assertThat(value).as(name).isNotNull();
            } else {
                assertThat(value).as(name).isNull();
            }
        });
    }

    @Test
    void timeComesFromTheLineElseTheHeaderElseTheClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")),
                InternalNetworks.defaults());
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
    void cutHeaderReasonSaysHowFarItGot() {
        ParseResult r = parser.parse(SyslogMessage.bare("CEF:0|Acme|Gate|1.0"), FixtureCases.CONTEXT);

        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains("header").contains("3 of 7"));
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
        String alphabet = " =|\\:.-0123456789abcdefrtsndpCEF";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "CEF:0|" : "");
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
                    for (int round = 0; round < 300; round++) {
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
            assertThat(bad.reason()).as(line).isNotBlank().doesNotStartWith("unreadable");
        }
    }

    static String garble(String line, Random random) {
        StringBuilder sb = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, " =|\\:".charAt(random.nextInt(5)));
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
