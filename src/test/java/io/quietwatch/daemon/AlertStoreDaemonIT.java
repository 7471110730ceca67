package io.quietwatch.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.sink.file.FileSinkConfig;
import io.quietwatch.config.AdminConfig;
import io.quietwatch.config.AlertStoreConfig;
import io.quietwatch.config.DeadLetterConfig;
import io.quietwatch.config.EngineConfig;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.store.AlertStore.AlertQuery;
import io.quietwatch.store.AlertStore;
import io.quietwatch.testing.SyslogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real daemon with its default embedded alert store: an alert raised from syslog over UDP reaches the
 * store as well as the file sink, shows in {@code /stats} and in {@code quietwatch alerts} (through the
 * daemon, then from the store once the daemon is gone), can be acknowledged, and is still there after a
 * restart of the daemon.
 */
class AlertStoreDaemonIT {

    @TempDir
    Path home;
    private Daemon daemon;

    private Daemon start(AlertStoreConfig store) throws Exception {
        QuietWatchConfig config = new QuietWatchConfig(
                List.of(new InputConfig("udp-in", "udp", "127.0.0.1", 0, "auto", "UTC", null, null, null)),
                null, Path.of("epl-rules").toAbsolutePath().toString(), null, null, new EngineConfig(300, 24),
                new DeadLetterConfig("var/deadletter.log", 100), List.of(new FileSinkConfig("file", "var/alerts.jsonl")),
                null, null, new AdminConfig(true, "127.0.0.1", 0), Map.of(), 60, null, store);
        return Daemon.start(config, home, Clock.systemUTC(), false);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void anAlertFromSyslogIsStoredCountedAcknowledgedAndKeptAcrossARestart() throws Exception {
        daemon = start(AlertStoreConfig.defaults());
        sendTunnel(daemon.inputAddresses().get(0));

        await().atMost(Duration.ofSeconds(20)).until(() -> daemon.alertStore().count(AlertQuery.latest(1)) == 1);
        AlertStore.StoredAlert stored = daemon.alertStore().find(new AlertQuery("http-tunnel", null, "10.1.2.3", false, null, 10))
                .get(0);
        assertThat(stored.alert().destinationIp()).isEqualTo("203.0.113.80");
        String fileAlert = Files.readAllLines(home.resolve("var/alerts.jsonl")).get(0);
        assertThat(new ObjectMapper().readTree(fileAlert).path("id").asText()).isEqualTo(stored.alert().id());

        JsonNode stats = adminStats();
        assertThat(stats.path("alert_store_written").asLong()).isEqualTo(1);
        assertThat(stats.path("alert_store_dropped").asLong()).isZero();
        assertThat(stats.path("alert_store_errors").asLong()).isZero();
        String[] viaDaemon = {"alerts", "--admin", "http://127.0.0.1:" + daemon.adminPort(),
                "--token-file", home.resolve("var/admin.token").toString()};
        Cli open = cli(viaDaemon, "--open", "--json", "--detection", "http-tunnel");
        assertThat(open.status()).isZero();
        assertThat(open.out().lines().toList()).singleElement().satisfies(line -> {
            JsonNode n = new ObjectMapper().readTree(line);
            assertThat(n.path("id").asText()).isEqualTo(stored.alert().id());
            assertThat(n.path("acknowledged").isNull()).isTrue();
        });
        assertThat(cli(viaDaemon, "--severity", "urgent").err()).contains("severity 'urgent' is not one of");

        assertThat(daemon.alertStore().acknowledge(stored.alert().id(), "analyst", 1234L)).isTrue();
        assertThat(cli(viaDaemon, "--open").out()).isEmpty();
        assertThat(cli(viaDaemon).out()).contains("http-tunnel", "10.1.2.3", "ack:analyst");

        daemon.close();
        // no daemon answers now: the command opens the store itself
        Cli direct = cli(viaDaemon, "--host", "10.1.2.3");
        assertThat(direct.status()).isZero();
        assertThat(direct.out()).contains("http-tunnel", "ack:analyst");
        assertThat(Files.exists(home.resolve("var/alerts-db.mv.db"))).isTrue();
        daemon = start(AlertStoreConfig.defaults());
        AlertStore.StoredAlert again = daemon.alertStore().get(stored.alert().id()).orElseThrow();
        assertThat(again.acknowledgedBy()).isEqualTo("analyst");
        await().atMost(Duration.ofSeconds(10)).until(() -> adminStats().path("alert_store_rows").asLong() == 1);
    }

    @Test
    void anUnreachableDatabaseIsCountedAndAlertsStillReachTheSinks() throws Exception {
        // nothing listens on port 1 of loopback: every connection attempt is refused
        daemon = start(new AlertStoreConfig(true, "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "nobody", "x",
                null, null, null, null, null));
        sendTunnel(daemon.inputAddresses().get(0));

        Path alerts = home.resolve("var/alerts.jsonl");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(alerts) && Files.readAllLines(alerts).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> adminStats().path("alert_store_errors").asLong() >= 2);
        assertThat(adminStats().path("alert_store_written").asLong()).isZero();
    }

    @Test
    void aDisabledStoreIsAbsent() throws Exception {
        daemon = start(new AlertStoreConfig(false, null, null, null, null, null, null, null, null));
        assertThat(daemon.alertStore()).isNull();
        assertThat(adminStats().has("alert_store_written")).isFalse();
        assertThat(Files.exists(home.resolve("var/alerts-db.mv.db"))).isFalse();
    }

    private record Cli(int status, String out, String err) {
    }

    private Cli cli(String[] base, String... more) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        String before = System.getProperty("quietwatch.home");
        System.setProperty("quietwatch.home", home.toString());
        try {
            int status = io.quietwatch.cli.Main.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
            return new Cli(status, out.toString(), err.toString());
        } finally {
            if (before == null) {
                System.clearProperty("quietwatch.home");
            } else {
                System.setProperty("quietwatch.home", before);
            }
        }
    }

    private JsonNode adminStats() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(AdminRequests.request(home, daemon.adminPort(), "/stats").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static void sendTunnel(InetSocketAddress udp) throws Exception {
        SyslogLines.sendUdp(udp, SyslogLines.closedTunnel(Instant.now()));
    }
}
