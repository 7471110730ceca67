package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.testing.SyslogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daemon as a process, stopped in the middle of a long open web session and of the uncommon-port learning
 * period, then started again on the same state file while the traffic goes on: the session is still reported
 * (its severity steps up as a new revision of the same alert), nothing already reported goes out again, and the
 * learning period still counts from the first event. Once with SIGTERM (the snapshot at stop), once with
 * SIGKILL (the last periodic snapshot). Events carry time stamps hours ahead, which the engine clock follows
 * ({@code max_future_skew_seconds}), so hours pass in seconds.
 */
class StateRestartIT {
    private static final String TUNNEL_HOST = "10.1.2.7";

    @TempDir
    Path tmp;
    private Process daemon;
    private final ObjectMapper json = new ObjectMapper();
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private Path config;
    private Path out;
    private Path alerts;
    private Path snapshot;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
    }

    @Test
    void aCleanStopKeepsTheOpenSessionAndTheLearningPeriod() throws Exception {
        restartInTheMiddle(false);
    }

    @Test
    void aKillLosesAtMostTheLastSnapshotInterval() throws Exception {
        restartInTheMiddle(true);
    }

    private void restartInTheMiddle(boolean kill) throws Exception {
        writeConfig();
        daemon = start();
        int port = udpPort(1);
        send(port,
                // learning: a port used for the first time raises nothing, it is remembered
                asa(0, "%ASA-6-302013: Built outbound TCP connection 800 for outside:203.0.113.50/4444 (203.0.113.50/4444) "
                        + "to inside:10.1.1.5/50000 (198.51.100.1/50000)"),
                asa(1, "%ASA-6-302013: Built outbound TCP connection 900 for outside:203.0.113.90/443 (203.0.113.90/443) "
                        + "to inside:" + TUNNEL_HOST + "/50001 (198.51.100.1/50001)"),
                other(62));
        await().atMost(Duration.ofSeconds(60)).until(() -> tunnelAlerts().size() == 1);
        assertThat(tunnelAlerts().get(0).path("severity").asText()).isEqualTo("low");

        if (kill) {
            // the next periodic snapshot has the reported session and the router's incident
            await().atMost(Duration.ofSeconds(30)).until(this::snapshotHasTheReportedSession);
            daemon.destroyForcibly();
        } else {
            daemon.destroy();
        }
        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (!kill) {
            assertThat(Files.readString(out)).contains("State snapshot written at stop");
            assertThat(snapshotHasTheReportedSession()).isTrue();
        }

        daemon = start();
        port = udpPort(2);
        assertThat(Files.readString(out)).containsPattern("Restored the state snapshot \\S+ taken at \\S+: [1-9]\\d* rows");
        send(port,
                other(125),     // past two hours: a repeat of the reported session, held back
                other(245),     // past four hours: medium, a new revision of the same alert
                asa(250, "%ASA-6-302013: Built outbound TCP connection 801 for outside:203.0.113.50/4444 (203.0.113.50/4444) "
                        + "to inside:10.1.1.5/50002 (198.51.100.1/50002)"),
                asa(251, "%ASA-6-302013: Built outbound TCP connection 802 for outside:203.0.113.51/5555 (203.0.113.51/5555) "
                        + "to inside:10.1.1.6/50003 (198.51.100.1/50003)"));
        await().atMost(Duration.ofSeconds(60)).until(() -> alerts("uncommon-port").size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> tunnelAlerts().size() == 2);

        List<JsonNode> tunnel = tunnelAlerts();
        assertThat(tunnel).extracting(a -> a.path("id").asText()).containsOnly(tunnel.get(0).path("id").asText());
        assertThat(tunnel).extracting(a -> a.path("revision").asInt(0), a -> a.path("severity").asText())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "low"), org.assertj.core.groups.Tuple.tuple(1, "medium"));
        // the port 10.1.1.5 used while learning is known; the learning period, from the first event, is over
        assertThat(alerts("uncommon-port")).singleElement().satisfies(a -> {
            assertThat(a.path("host").path("ip").asText()).isEqualTo("10.1.1.6");
            assertThat(a.path("destination").path("port").asInt()).isEqualTo(5555);
        });
        daemon.destroy();
        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private void writeConfig() throws IOException {
        alerts = tmp.resolve("alerts.jsonl");
        snapshot = tmp.resolve("state/snapshot.json.gz");
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        try (Stream<Path> files = Files.list(Path.of("conf/lists"))) {
            for (Path f : files.toList()) {
                Files.copy(f, lists.resolve(f.getFileName()));
            }
        }
        config = tmp.resolve("q.yaml");
        Files.writeString(config, """
                inputs:
                  - {name: udp-in, protocol: udp, bind_address: 127.0.0.1, port: 0, default_timezone: UTC}
                lists_dir: %s
                engine: {max_future_skew_seconds: 864000}
                dead_letter: {path: %s}
                outbox: {path: %s}
                sinks:
                  - {type: file, name: file, path: %s}
                admin: {enabled: false}
                dashboard: {enabled: false}
                alert_store: {url: "jdbc:h2:file:%s"}
                state: {path: %s, snapshot_interval_seconds: 1}
                rule_variables: {uncommon_port_learning_seconds: 14400}
                """.formatted(lists, tmp.resolve("dead.log"), tmp.resolve("outbox"), alerts, tmp.resolve("alerts-db"), snapshot));
        out = tmp.resolve("daemon.out");
    }

    private Process start() throws IOException {
        return LauncherDaemon.start(config, out);
    }

    private int udpPort(int occurrence) {
        int port = LauncherDaemon.udpPort(out, occurrence, Duration.ofSeconds(120));
        // a stop before the daemon has finished starting is not a clean stop: wait for it
        await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(out).split("QuietWatch running", -1).length > occurrence);
        return port;
    }

    /** An ASA line stamped {@code minutes} after the test's start. */
    private String asa(long minutes, String body) {
        return SyslogLines.asa(t0.plusSeconds(minutes * 60), body);
    }

    /** Unrelated traffic (DNS) that moves the engine clock to {@code minutes} after the start. */
    private String other(long minutes) {
        return asa(minutes, "%ASA-6-302015: Built outbound UDP connection " + (1000 + minutes)
                + " for outside:198.51.100.53/53 (198.51.100.53/53) to inside:10.1.1.9/40000 (198.51.100.1/40000)");
    }

    private static void send(int port, String... lines) throws IOException {
        LauncherDaemon.send(port, List.of(lines));
    }

    /**
     * The alerts of a detection, each once: after a SIGKILL the outbox may hand the file sink an alert again,
     * which is the same id, revision and time stamp.
     */
    private List<JsonNode> alerts(String detection) throws IOException {
        if (!Files.exists(alerts)) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(alerts)) {
            JsonNode a = json.readTree(line);
            if (a.path("detection").asText().equals(detection)
                    && seen.add(a.path("id").asText() + "/" + a.path("revision").asInt(0) + "/" + a.path("@timestamp").asText())) {
                found.add(a);
            }
        }
        return found;
    }

    private List<JsonNode> tunnelAlerts() throws IOException {
        return alerts("http-tunnel").stream().filter(a -> a.path("host").path("ip").asText().equals(TUNNEL_HOST)).toList();
    }

    /** The snapshot file holds the open session as reported once, and the router's incident for it. */
    private boolean snapshotHasTheReportedSession() throws IOException {
        if (!Files.exists(snapshot)) {
            return false;
        }
        JsonNode s;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(snapshot))) {
            s = json.readTree(in);
        }
        boolean session = false;
        for (JsonNode t : s.path("tables")) {
            if (t.path("name").asText().equals("HttpTunnelOpen")) {
                List<String> columns = new ArrayList<>();
                t.path("columns").forEach(c -> columns.add(c.path("name").asText()));
                for (JsonNode row : t.path("rows")) {
                    session |= row.get(columns.indexOf("hostIp")).asText().equals(TUNNEL_HOST)
                            && row.get(columns.indexOf("reported")).asLong() == 1;
                }
            }
        }
        boolean incident = false;
        for (JsonNode i : s.path("router").path("incidents")) {
            incident |= i.path("latest").path("host").path("ip").asText().equals(TUNNEL_HOST);
        }
        return session && incident;
    }
}
