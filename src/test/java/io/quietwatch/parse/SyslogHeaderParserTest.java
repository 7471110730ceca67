package io.quietwatch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.event.InternalNetworks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogHeaderParserTest {
    private static final String FIXTURE = "/fixtures/syslog-header/headers.yaml";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final InternalNetworks INTERNAL = InternalNetworks.defaults();

    private final SyslogHeaderParser parser = new SyslogHeaderParser();

    /** One case of the fixture file, with the context it names. */
    private record Case(String name, String line, ParseContext context, JsonNode expect) {
        static List<Case> all() {
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : FixtureCases.load(FIXTURE)) {
                ZoneId zone = ZoneId.of(c.path("zone").asText("UTC"));
                Instant now = c.hasNonNull("now") ? Instant.parse(c.get("now").asText()) : NOW;
                ParseContext context = new ParseContext(zone, Clock.fixed(now, zone), INTERNAL);
                cases.add(new Case(c.get("name").asText(), c.get("line").asText(), context, c));
            }
            return cases;
        }
    }

    @TestFactory
    List<DynamicTest> fixtureCases() {
        // one parser for all cases, so its zone caches see zones and hours change from line to line
        return Case.all().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, parser.parse(c.line(), c.context()))))
                .toList();
    }

    private static void check(Case c, SyslogMessage m) {
        JsonNode e = c.expect();
        assertThat(m.original()).as("original").isSameAs(c.line());
        assertThat(m.priority()).as("priority").isEqualTo(e.path("priority").asInt(-1));
        if (e.hasNonNull("timestamp")) {
            assertThat(m.hasTimestamp()).as("has timestamp").isTrue();
            assertThat(Instant.ofEpochMilli(m.timestamp())).as("timestamp")
                    .isEqualTo(Instant.parse(e.get("timestamp").asText()));
        } else {
            assertThat(m.timestamp()).as("timestamp").isEqualTo(SyslogMessage.NO_TIMESTAMP);
        }
        assertThat(m.hostname()).as("hostname").isEqualTo(text(e, "hostname"));
        assertThat(m.appName()).as("appName").isEqualTo(text(e, "appName"));
        assertThat(m.structuredData()).as("structuredData").isEqualTo(text(e, "structuredData"));
        assertThat(m.message()).as("message").isEqualTo(e.get("message").asText());
    }

    private static String text(JsonNode e, String field) {
        return e.hasNonNull(field) ? e.get(field).asText() : null;
    }

    private static ParseContext utcAt(Instant now) {
        return new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")), INTERNAL);
    }

    @Test
    void megabyteLineWithHeaderKeepsAllOfItsMessage() {
        String body = "x".repeat(1 << 20);
        String line = "<13>Nov 26 10:00:00 host app: " + body;
        SyslogMessage m = parser.parse(line, utcAt(NOW));
        assertThat(m.hostname()).isEqualTo("host");
        assertThat(m.appName()).isEqualTo("app");
        assertThat(m.message()).isEqualTo(body);
    }

    @Test
    void megabyteTokensWhereHeaderFieldsAreExpected() {
        String word = "a".repeat(1 << 20);
        SyslogMessage bsd = parser.parse("<13>Nov 26 10:00:00 " + word + ":", utcAt(NOW));
        assertThat(bsd.appName()).isNull();
        assertThat(bsd.message()).hasSize(word.length() + 1);
        SyslogMessage rfc5424 = parser.parse("<13>1 - - - - - [" + word, utcAt(NOW));
        assertThat(rfc5424.structuredData()).isNull();
        assertThat(rfc5424.message()).isEqualTo("[" + word);
        String digits = "<13>Nov 26 10:00:00." + "1".repeat(1 << 20) + " h a: x";
        assertThat(parser.parse(digits, utcAt(NOW)).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:00:00.111Z").toEpochMilli());
    }

    @Test
    void nulBytesAreKeptAsText() {
        String nuls = "\0".repeat(64);
        assertThat(parser.parse(nuls, utcAt(NOW))).isEqualTo(SyslogMessage.bare(nuls));
        SyslogMessage m = parser.parse("<13>" + nuls, utcAt(NOW));
        assertThat(m.priority()).isEqualTo(13);
        assertThat(m.message()).isEqualTo(nuls);
        SyslogMessage rfc5424 = parser.parse("<13>1 - \0 \0 - - - \0", utcAt(NOW));
        assertThat(rfc5424.hostname()).isEqualTo("\0");
        assertThat(rfc5424.message()).isEqualTo("\0");
    }

    @Test
    void nullLineAndNullContextDoNotThrow() {
        assertThat(parser.parse(null, utcAt(NOW))).isEqualTo(SyslogMessage.bare(""));
        SyslogMessage m = parser.parse("<13>2026-11-26T10:00:00Z h a: x", null);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
        assertThat(m.message()).isEqualTo("x");
    }

    @Test
    void everyPrefixOfEveryFixtureLineParsesAndKeepsItsText() {
        for (Case c : Case.all()) {
            for (int end = 0; end <= c.line().length(); end++) {
                assertInvariants(c.line().substring(0, end), c.context());
            }
        }
    }

    @Test
    void randomlyDamagedLinesParseAndKeepTheirText() {
        Random random = new Random(20261126);
        String alphabet = "<>0123456789 :-+.TZ[]=\"\\%|\0\uFEFF\u00e9abcNovJan";
        List<Case> cases = Case.all();
        for (int round = 0; round < 20_000; round++) {
            Case c = cases.get(random.nextInt(cases.size()));
            StringBuilder line = new StringBuilder(c.line());
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = line.length() == 0 ? 0 : random.nextInt(line.length());
                char ch = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> line.insert(at, ch);
                    case 1 -> { if (line.length() > 0) line.setCharAt(at, ch); }
                    default -> { if (line.length() > 0) line.deleteCharAt(at); }
                }
            }
            assertInvariants(line.toString(), c.context());
        }
    }

    private void assertInvariants(String line, ParseContext context) {
        SyslogMessage m = parser.parse(line, context);
        assertThat(m.original()).as("original of %s", line).isSameAs(line);
        assertThat(line).as("message is the tail of %s", line).endsWith(m.message());
        assertThat(m.priority()).as("priority of %s", line).isBetween(-1, 191);
        if (m.priority() < 0) {
            assertThat(m.hasTimestamp() || m.message().equals(line)).as("header-less %s", line).isTrue();
        }
        for (String field : new String[] {m.hostname(), m.appName(), m.structuredData()}) {
            if (field != null) {
                assertThat(field).as("header field of %s", line).isNotEmpty();
                assertThat(line).contains(field);
            }
        }
    }

    @Test
    void sharedParserGivesTheSameAnswersFromManyThreads() throws Exception {
        List<Case> cases = Case.all();
        List<SyslogMessage> expected = new ArrayList<>();
        for (Case c : cases) {
            expected.add(new SyslogHeaderParser().parse(c.line(), c.context()));
        }
        SyslogHeaderParser shared = new SyslogHeaderParser();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 7;
                runs.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 5_000; i++) {
                        int k = (i + offset) % cases.size();
                        Case c = cases.get(k);
                        assertThat(shared.parse(c.line(), c.context())).as(c.name()).isEqualTo(expected.get(k));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(5_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyHourOfADaylightSavingYearMatchesJavaTime() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant now = Instant.parse("2026-07-01T00:00:00Z");
        ParseContext context = new ParseContext(zone, Clock.fixed(now, zone), INTERNAL);
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        java.time.LocalDateTime local = java.time.LocalDateTime.of(2026, 1, 1, 0, 17, 42);
        while (local.getYear() == 2026) {
            // the year is written out (as ASA does) so that only the zone conversion is under test
            String line = String.format("<13>%s %2d 2026 %02d:%02d:%02d h a: x", months[local.getMonthValue() - 1],
                    local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond());
            long want = java.time.ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
            assertThat(parser.parse(line, context).timestamp()).as(line).isEqualTo(want);
            local = local.plusMinutes(59);
        }
    }
}
