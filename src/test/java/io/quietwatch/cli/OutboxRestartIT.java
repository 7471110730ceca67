package io.quietwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quietwatch.testing.SyslogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daemon is killed (SIGKILL) while its webhook receiver is down, started again, and the receiver
 * comes back: every alert arrives, and each idempotency key stands for exactly one alert.
 */
class OutboxRestartIT {
    private static final int ALERTS = 12;

    @TempDir
    Path tmp;
    private HttpServer peer;
    private Process daemon;
    private final AtomicBoolean up = new AtomicBoolean(false);
    private final Map<String, Set<String>> alertIdsByKey = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
        if (peer != null) {
            peer.stop(0);
        }
    }

    @Test
    void alertsSurviveAKillWhileTheReceiverIsDown() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/hook", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (!up.get()) {
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
                String id = json.readTree(body).path("id").asText();
                alertIdsByKey.computeIfAbsent(key, k -> Collections.synchronizedSet(new java.util.HashSet<>())).add(id);
                ex.sendResponseHeaders(201, -1);
            }
        });
        peer.start();
        Path alerts = tmp.resolve("alerts.jsonl");
        Path config = tmp.resolve("q.yaml");
        Files.writeString(config, """
                inputs:
                  - {name: udp-in, protocol: udp, bind_address: 127.0.0.1, port: 0, default_timezone: UTC}
                dead_letter: {path: %s}
                outbox: {path: %s, retry_initial_seconds: 1, retry_max_seconds: 2, max_attempts: 1000}
                sinks:
                  - {type: file, name: file, path: %s}
                  - {type: webhook, name: hook, url: "http://127.0.0.1:%d/hook", request_timeout_seconds: 2}
                admin: {enabled: false}
                dashboard: {enabled: false}
                alert_store: {enabled: false}
                state: {path: %s}
                """.formatted(tmp.resolve("dead.log"), tmp.resolve("outbox"), alerts, peer.getAddress().getPort(),
                        tmp.resolve("state.json.gz")));
        Path out = tmp.resolve("daemon.out");
        daemon = LauncherDaemon.start(config, out);
        int port = LauncherDaemon.udpPort(out, 1, Duration.ofSeconds(90));
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= ALERTS; i++) {
            lines.add(SyslogLines.asa(now, "%ASA-6-302014: Teardown TCP connection " + (500 + i)
                    + " for outside:192.0.2." + i + "/443 to inside:10.7.0." + i + "/40000 duration 3:00:00 bytes 99 TCP FINs"));
        }
        LauncherDaemon.send(port, lines);
        // the file sink has them all, so they are in the outbox; the webhook has failed on the first
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(alerts) && Files.readAllLines(alerts).size() == ALERTS);
        assertThat(alertIdsByKey).isEmpty();
        daemon.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();

        daemon = LauncherDaemon.start(config, out);
        LauncherDaemon.udpPort(out, 2, Duration.ofSeconds(90));
        up.set(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> alertIdsByKey.size() == ALERTS);
        Map<String, String> idOfKey = new HashMap<>();
        alertIdsByKey.forEach((key, ids) -> {
            assertThat(ids).as("alerts sent with key %s", key).hasSize(1);
            idOfKey.put(key, ids.iterator().next());
        });
        assertThat(Set.copyOf(idOfKey.values())).hasSize(ALERTS);
        Set<String> filed = new java.util.HashSet<>();
        for (String line : Files.readAllLines(alerts)) {
            filed.add(json.readTree(line).path("id").asText());
        }
        assertThat(filed).isEqualTo(Set.copyOf(idOfKey.values()));
    }
}
