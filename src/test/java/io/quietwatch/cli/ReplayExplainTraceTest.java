package io.quietwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code replay --explain} and {@code replay --trace} over the shipped rules, with logs copied from the
 * rule fixtures into a temporary folder.
 */
class ReplayExplainTraceTest {
    @TempDir
    Path dir;

    private record Run(int status, List<String> out, String err) {
    }

    private Run replay(Path log, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("replay", "--rules", "epl-rules", "--timezone", "UTC"));
        args.addAll(List.of(options));
        args.add(log.toString());
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(status, Arrays.stream(out.toString().split("\n")).filter(l -> !l.isEmpty()).toList(), err.toString());
    }

    private Path copy(String fixture) throws Exception {
        Path src = Path.of("epl-rules/tests", fixture);
        return Files.copy(src, dir.resolve(src.getFileName()));
    }

    @Test
    void explainPrintsTheEvidenceLinesAfterEachAlert() throws Exception {
        Path log = copy("uncommon-port/new-port-after-learning.log");
        String planted = Files.readAllLines(log).stream().filter(l -> l.contains("302013") && l.contains("/4444")).findFirst().orElseThrow();
        Run run = replay(log, "--explain");
        assertThat(run.status()).isZero();
        int json = indexOf(run.out(), "{\"id\"");
        assertThat(run.out().get(json)).contains("\"detection\":\"uncommon-port\"");
        assertThat(run.out().subList(json + 1, json + 5)).containsExactly(
                "# medium uncommon-port (rule uncommon-port-new): Uncommon port 4444/tcp used by 10.1.0.20",
                "#   reason: 10.1.0.20 sent allowed tcp traffic to 203.0.113.66 port 4444, a port it had not used for 7 days"
                        + " and that 1 of 60 internal hosts use.",
                "#   evidence 1 of 1: 2026-11-09T09:30:00Z cisco-asa built outbound tcp 10.1.0.20:52000 -> 203.0.113.66:4444"
                        + " allowed start conn=7001",
                "#     " + planted);
    }

    @Test
    void withoutExplainTheOutputIsJsonLinesOnly() throws Exception {
        Run run = replay(copy("uncommon-port/new-port-after-learning.log"));
        assertThat(run.out()).hasSize(1).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void traceListsTheUncommonPortStatementsTheEventReached() throws Exception {
        Run run = replay(copy("uncommon-port/new-port-after-learning.log"), "--trace", "destinationPort = 4444");
        assertThat(run.status()).isZero();
        List<String> trace = block(run.out(), "# trace 2026-11-09T09:30:00Z cisco-asa built outbound tcp 10.1.0.20:52000 -> 203.0.113.66:4444");
        assertThat(trace.get(1)).startsWith("#   line: ").contains("%ASA-6-302013: Built outbound TCP connection 7001");
        assertThat(trace).anyMatch(l -> l.startsWith("#   reached quietwatch.uncommon_port: insert into UncommonPortUse")
                && l.endsWith("[filter matched, output]"));
        assertThat(trace).contains("#   reached quietwatch.uncommon_port: uncommon-port-new  [reached indirectly, output: alert uncommon-port]");
        // only the two 4444 lines (built, teardown) of the 540 are traced; the alert itself is still printed
        assertThat(run.out()).filteredOn(l -> l.startsWith("# trace ")).hasSize(2);
        assertThat(run.out()).filteredOn(l -> l.startsWith("{")).hasSize(1);
    }

    @Test
    void traceListsTheHttpTunnelStatementsTheHostReached() throws Exception {
        Run run = replay(copy("http-tunnel/closed-after-two-hours.log"), "--trace", "hostIp = '10.1.0.30'");
        assertThat(run.status()).isZero();
        List<String> start = block(run.out(), "# trace 2026-11-02T09:00:00Z cisco-asa built");
        assertThat(start).anyMatch(l -> l.startsWith("#   reached quietwatch.http_tunnel: on LogEvent(phase = 'start'")
                && l.endsWith("[filter matched, output]"));
        List<String> end = block(run.out(), "# trace 2026-11-02T11:00:07Z cisco-asa teardown");
        assertThat(end).contains("#   reached quietwatch.http_tunnel: http-tunnel-closed  [filter matched, output: alert http-tunnel]");
        assertThat(end).noneMatch(l -> l.contains("quietwatch.uncommon_port"));
    }

    @Test
    void aBadFilterIsAnErrorWithItsPositionInTheFilter() throws Exception {
        Path log = copy("http-tunnel/closed-after-two-hours.log");
        Run syntax = replay(log, "--trace", "hostIp = = '10.1.0.30'");
        assertThat(syntax.status()).isEqualTo(2);
        assertThat(syntax.err()).startsWith("--trace: 1:10: Incorrect syntax near '='").doesNotContain("column 50");
        assertThat(syntax.out()).isEmpty();
        Run unknown = replay(log, "--trace", "destinationPort = 4444 and hostIpp = '10.1.0.30'");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("--trace: 1:28: ").contains("Property named 'hostIpp' is not valid");
    }

    @Test
    void anAlertWithoutEvidenceSaysSo() {
        var alert = new io.quietwatch.alert.Alert("0".repeat(32), "scan-trend", "scan-trend-hourly",
                io.quietwatch.alert.AlertSeverity.HIGH, "Port 23 scanned", 0, 0, 0, 1, null, null, null, 23,
                "Port 23\r\nforged", List.of(), java.util.Map.of(), List.of(), 0);
        assertThat(ReplayExplainer.explain(alert)).containsExactly(
                "# high scan-trend (rule scan-trend-hourly): Port 23 scanned",
                "#   reason: Port 23\\x0d\\x0aforged",
                "#   no evidence: the rule selected no LogEvent as evidence");
    }

    /** The lines of the trace block starting with {@code header}, up to the next block or alert. */
    private static List<String> block(List<String> lines, String header) {
        int at = indexOf(lines, header);
        int end = at + 1;
        while (end < lines.size() && lines.get(end).startsWith("#   ")) {
            end++;
        }
        return lines.subList(at, end);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " in " + lines);
    }
}
