package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code replay} over a committed nine-day log of a 60-host network (netfilter lines with ISO stamps,
 * ASA lines with a year): the learning week raises nothing, then one new uncommon port and two long
 * web sessions are reported, in event-time order.
 */
class ReplayCommandTest {
    private static final String FIXTURE = "src/test/resources/replay/firewall-9-days.log";
    private final ObjectMapper json = new ObjectMapper();

    private record Run(int status, List<JsonNode> alerts, String err) {
    }

    private Run replay(String... extra) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("replay", "--timezone", "UTC"));
        args.addAll(List.of(extra));
        args.add(FIXTURE);
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                alerts.add(json.readTree(line));
            }
        }
        return new Run(status, alerts, err.toString());
    }

    private static String summary(JsonNode a) {
        return a.path("detection").asText() + " " + a.path("host").path("ip").asText() + " -> "
                + a.path("destination").path("ip").asText() + ":" + a.path("destination").path("port").asText()
                + " " + a.path("severity").asText() + " @" + a.path("@timestamp").asText();
    }

    @Test
    void reportsThePlantedIncidentsInEventTimeOrder() throws Exception {
        Run run = replay();
        assertThat(run.status()).isZero();
        assertThat(run.alerts()).extracting(ReplayCommandTest::summary).containsExactly(
                "http-tunnel 10.1.0.31 -> 198.51.100.201:443 low @2026-11-09T09:00:00Z",
                "uncommon-port 10.1.0.20 -> 203.0.113.66:4444 medium @2026-11-09T09:30:00Z",
                "http-tunnel 10.1.0.30 -> 198.51.100.200:443 low @2026-11-09T11:00:00Z",
                "http-tunnel 10.1.0.31 -> 198.51.100.201:443 medium @2026-11-09T12:00:00Z");
        assertThat(run.err()).contains("replayed 670 lines (667 parsed, 3 unparsed)").contains("4 alerts");
    }

    @Test
    void alertsCarryTheContractFields() throws Exception {
        JsonNode a = replay().alerts().get(1);
        assertThat(a.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(a.path("rule").asText()).isEqualTo("uncommon-port-new");
        assertThat(a.path("first_seen").asText()).isEqualTo("2026-11-09T09:30:00Z");
        assertThat(a.path("count").asLong()).isEqualTo(1);
        assertThat(a.path("reason").asText()).contains("10.1.0.20").contains("4444");
        assertThat(a.path("evidence")).hasSize(1);
        assertThat(a.path("evidence").get(0).path("event").path("original").asText()).contains("%ASA-6-302013");
    }

    @Test
    void allShowsTheRepeatsThatDedupeHoldsBack() throws Exception {
        Run run = replay("--all");
        // 10.1.0.30: open at 11:00, 12:00, 13:00, closed at 13:30; 10.1.0.31: open at 09:00..13:00, closed at 13:00
        assertThat(run.alerts()).filteredOn(a -> a.path("detection").asText().equals("http-tunnel")).hasSize(10);
        assertThat(run.alerts()).filteredOn(a -> a.path("host").path("ip").asText().equals("10.1.0.30"))
                .extracting(a -> a.path("id").asText()).containsOnly(run.alerts().stream()
                        .filter(a -> a.path("host").path("ip").asText().equals("10.1.0.30")).findFirst().orElseThrow()
                        .path("id").asText());
    }

    @Test
    void sameInputGivesTheSameAlertIds() throws Exception {
        assertThat(replay().alerts()).extracting(a -> a.path("id").asText())
                .containsExactlyElementsOf(replay().alerts().stream().map(a -> a.path("id").asText()).toList());
    }

    @Test
    void brokenRulesStopTheReplayWithPositions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("bad.epl"), "// a comment\n\n@Detection('x')\nselect nosuch from LogEvent;\n");
        Run run = replay("--rules", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(dir + "/bad.epl:4:8: ").contains("nosuch");
    }
}
