package io.quietwatch.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.sink.file.FileSinkConfig;
import io.quietwatch.cli.SyntheticTraffic;
import io.quietwatch.config.AdminConfig;
import io.quietwatch.config.DeadLetterConfig;
import io.quietwatch.config.EngineConfig;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.testing.SyslogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.quietwatch.testing.SyslogLines.asa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload, bounded in time (about two minutes): the real daemon with a small queue and small caps on
 * per-key state is flooded over UDP and TCP on loopback, above what it can process, with traffic from
 * hundreds of thousands of distinct addresses. Incidents are planted before and in the middle of the
 * flood. The daemon must stay up and answer {@code /stats}, keep its heap bounded, count UDP drops and
 * cap hits, slow the TCP sender instead of dropping (nothing lost on TCP), and still raise the alert of
 * every planted incident.
 */
class SoakIT {
    private static final long FLOOD_MILLIS = 60_000;
    private static final long HEAP_GROWTH_BOUND = 256L << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean flooding = new AtomicBoolean(true);
    private final List<Thread> senders = new ArrayList<>();

    @TempDir
    Path home;
    private Daemon daemon;

    @AfterEach
    void stop() throws Exception {
        flooding.set(false);
        for (Thread t : senders) {
            t.join(10_000);
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void floodOfUniqueAddressesOverUdpAndTcpKeepsTheDaemonBoundedAndLosesNoPlantedIncident() throws Exception {
        Map<String, Object> smallCaps = Map.of(
                "uncommon_port_learning_seconds", 0,
                "uncommon_port_recent_max_rows", 3_000,
                "uncommon_port_usage_max_rows", 3_000,
                "http_tunnel_open_max_rows", 1_000,
                "http_tunnel_daily_max_rows", 1_000,
                "p2p_user_hosts_max_rows", 500,
                "nat_device_family_max_rows", 500);
        QuietWatchConfig config = new QuietWatchConfig(
                List.of(new InputConfig("udp-in", "udp", "127.0.0.1", 0, "auto", "UTC", null, null, null),
                        new InputConfig("tcp-in", "tcp", "127.0.0.1", 0, "auto", "UTC", null, null, null)),
                null, Path.of("epl-rules").toAbsolutePath().toString(), null, 5_000, new EngineConfig(300, 24, 2_000, 200),
                new DeadLetterConfig("var/deadletter.log", 10), List.of(new FileSinkConfig("file", "var/alerts.jsonl")),
                null, null, new AdminConfig(true, "127.0.0.1", 0), smallCaps, 60, 4);
        daemon = Daemon.start(config, home, Clock.systemUTC());
        InetSocketAddress udp = daemon.inputAddresses().get(0);
        InetSocketAddress tcp = daemon.inputAddresses().get(1);

        // planted before the flood: a web session opened two hours ago and still open
        Instant now = Instant.now();
        SyslogLines.sendOctetCounted(tcp, List.of(asa(now.minusSeconds(7200), "%ASA-6-302013: Built outbound TCP connection 99001 for "
                + "outside:203.0.113.81/443 (203.0.113.81/443) to inside:10.250.0.3/40001 (198.51.100.1/40001)")));
        await().atMost(Duration.ofSeconds(20)).until(() -> (long) daemon.stats().snapshot(0).get("processed") >= 1);
        long heapBefore = usedHeapAfterGc();

        AtomicLong tcpSent = new AtomicLong();
        AtomicLong udpSent = new AtomicLong();
        startSender("soak-udp", () -> floodUdp(udp, udpSent));
        startSender("soak-tcp", () -> floodTcp(tcp, tcpSent));

        Thread.sleep(FLOOD_MILLIS / 2);
        // planted in the middle of the flood, over TCP (which loses nothing): an uncommon port and a long web session
        Instant mid = Instant.now();
        SyslogLines.sendOctetCounted(tcp, List.of(
                asa(mid, "%ASA-6-302013: Built outbound TCP connection 99002 for "
                        + "outside:203.0.113.66/31337 (203.0.113.66/31337) to inside:10.250.0.1/40002 (198.51.100.1/40002)"),
                asa(mid, "%ASA-6-302014: Teardown TCP connection 99003 for outside:203.0.113.80/443 "
                        + "to inside:10.250.0.2/40003 duration 2:00:07 bytes 1234567 TCP FINs")));
        JsonNode stats = stats();
        assertThat(stats.path("received").asLong()).isPositive();
        Thread.sleep(FLOOD_MILLIS / 2);
        flooding.set(false);
        for (Thread t : senders) {
            t.join(30_000);
            assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
        }

        // TCP: every message sent was received and queued, none dropped; the connection was paused instead
        long planted = 3;
        await().atMost(Duration.ofSeconds(60)).until(() -> (long) daemon.stats().snapshot(0).get("queue_depth") == 0);
        JsonNode s = stats();
        JsonNode tcpIn = s.path("inputs").path("tcp-in");
        assertThat(tcpIn.path("received").asLong()).isEqualTo(tcpSent.get() + planted);
        assertThat(tcpIn.path("dropped").asLong()).isZero();
        assertThat(tcpIn.path("backpressure_pauses").asLong()).isPositive();
        // UDP above capacity: drops are counted (the kernel may drop more before the socket: not counted here)
        JsonNode udpIn = s.path("inputs").path("udp-in");
        assertThat(udpIn.path("dropped").asLong()).isPositive();
        assertThat(udpIn.path("received").asLong()).isLessThanOrEqualTo(udpSent.get());
        // caps were hit and counted
        assertThat(s.path("caps").path("active_hosts").asLong()).isPositive();
        assertThat(s.path("caps").path("uncommon_port_usage").asLong()).isPositive();
        assertThat(s.path("cap_hits").asLong()).isPositive();
        // heap stays bounded
        long heapAfter = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "Soak: udp sent %d received %d dropped %d; tcp sent %d received %d dropped %d "
                        + "pauses %d; processed %d; cap hits %s; heap after GC %d MB before, %d MB after%n",
                udpSent.get(), udpIn.path("received").asLong(), udpIn.path("dropped").asLong(), tcpSent.get(),
                tcpIn.path("received").asLong(), tcpIn.path("dropped").asLong(), tcpIn.path("backpressure_pauses").asLong(),
                s.path("processed").asLong(), s.path("caps"), heapBefore >> 20, heapAfter >> 20);
        assertThat(heapAfter - heapBefore).as("live heap growth, bytes").isLessThan(HEAP_GROWTH_BOUND);

        // every planted incident is alerted
        Path alerts = home.resolve("var/alerts.jsonl");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.exists(alerts) ? Files.readAllLines(alerts) : List.<String>of()) {
                out.add(json.readTree(line));
            }
            assertThat(out).anySatisfy(a -> {
                assertThat(a.path("detection").asText()).isEqualTo("uncommon-port");
                assertThat(a.path("host").path("ip").asText()).isEqualTo("10.250.0.1");
            });
            assertThat(out).anySatisfy(a -> {
                assertThat(a.path("rule").asText()).isEqualTo("http-tunnel-closed");
                assertThat(a.path("host").path("ip").asText()).isEqualTo("10.250.0.2");
            });
            assertThat(out).anySatisfy(a -> {
                assertThat(a.path("rule").asText()).isEqualTo("http-tunnel-open");
                assertThat(a.path("host").path("ip").asText()).isEqualTo("10.250.0.3");
            });
        });
        assertThat(stats().path("uptime_seconds").asLong()).isPositive();
    }

    private void startSender(String name, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(name + " failed", e);
            }
        }, name);
        t.setDaemon(true);
        senders.add(t);
        t.start();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** As fast as one thread sends: above what the pipeline processes on this machine. */
    private void floodUdp(InetSocketAddress target, AtomicLong sent) throws Exception {
        SyntheticTraffic traffic = new SyntheticTraffic(400_000, 11);
        byte[] buf = new byte[traffic.maxLength()];
        try (DatagramSocket socket = new DatagramSocket()) {
            DatagramPacket p = new DatagramPacket(buf, 0, target);
            long end = System.currentTimeMillis() + FLOOD_MILLIS;
            for (long n = 0; flooding.get() && System.currentTimeMillis() < end; n++) {
                p.setLength(traffic.message(n, System.currentTimeMillis(), buf));
                socket.send(p);
                sent.incrementAndGet();
            }
        }
    }

    /** Octet-counted frames as fast as the connection takes them; blocks while the daemon pauses it. */
    private void floodTcp(InetSocketAddress target, AtomicLong sent) throws Exception {
        SyntheticTraffic traffic = new SyntheticTraffic(400_000, 12);
        byte[] buf = new byte[traffic.maxLength()];
        try (Socket socket = new Socket(target.getAddress(), target.getPort())) {
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            long end = System.currentTimeMillis() + FLOOD_MILLIS;
            for (long n = 1_000_000_000L; flooding.get() && System.currentTimeMillis() < end; n++) {
                int len = traffic.message(n, System.currentTimeMillis(), buf);
                out.write(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
                out.write(' ');
                out.write(buf, 0, len);
                sent.incrementAndGet();
            }
            out.flush();
            // keep the connection open until the daemon has read everything
            await().atMost(Duration.ofSeconds(60)).until(() -> tcpReceived() >= sent.get());
        }
    }

    private long tcpReceived() {
        Map<?, ?> inputs = (Map<?, ?>) daemon.stats().snapshot(0).get("inputs");
        return ((Number) ((Map<?, ?>) inputs.get("tcp-in")).get("received")).longValue();
    }

    private JsonNode stats() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                AdminRequests.request(home, daemon.adminPort(), "/stats").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
