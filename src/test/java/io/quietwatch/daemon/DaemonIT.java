package io.quietwatch.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.sink.file.FileSinkConfig;
import io.quietwatch.config.AdminConfig;
import io.quietwatch.config.DeadLetterConfig;
import io.quietwatch.config.EngineConfig;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.testing.SyslogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.quietwatch.testing.SyslogLines.asa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The real daemon on ephemeral loopback ports: an ASA session of two hours on 443 arrives in pieces
 * over UDP and over TCP (octet counting and LF framing), mixed with garbage; exactly one http-tunnel
 * alert comes out, the garbage is counted and dead-lettered, and nothing else is lost.
 */
class DaemonIT {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;
    private Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        QuietWatchConfig config = new QuietWatchConfig(
                List.of(new InputConfig("udp-in", "udp", "127.0.0.1", 0, "auto", "UTC", null, null, null),
                        new InputConfig("tcp-in", "tcp", "127.0.0.1", 0, "auto", "UTC", null, null, null)),
                null, Path.of("epl-rules").toAbsolutePath().toString(), null, null, new EngineConfig(300, 24),
                new DeadLetterConfig("var/deadletter.log", 100), List.of(new FileSinkConfig("file", "var/alerts.jsonl")),
                null, null, new AdminConfig(true, "127.0.0.1", 0), Map.of(), 60, null);
        daemon = Daemon.start(config, home, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void longSessionOverEveryFramingGivesExactlyOneAlert() throws Exception {
        InetSocketAddress udp = daemon.inputAddresses().get(0);
        InetSocketAddress tcp = daemon.inputAddresses().get(1);
        Instant end = Instant.now();
        List<String> tunnel = SyslogLines.closedTunnel(end);
        String built = tunnel.get(0);
        String teardown = tunnel.get(1);
        String shortOne = asa(end, "%ASA-6-302014: Teardown TCP connection 4243 for outside:203.0.113.81/443 "
                + "to inside:10.1.2.4/51516 duration 0:00:07 bytes 1234 TCP FINs");
        String iptables = "<4>" + DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT)
                .format(ZonedDateTime.ofInstant(end, ZoneOffset.UTC))
                + " gw1 kernel: [ 1234.567890] [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=10.1.2.3 LEN=40 TOS=0x00 "
                + "PREC=0x00 TTL=240 ID=54321 PROTO=TCP SPT=51234 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0";

        SyslogLines.sendUdp(udp, List.of(built, "garbage over udp \u0000 with a NUL", shortOne));
        SyslogLines.sendOctetCounted(tcp, List.of(iptables, teardown));
        try (Socket s = new Socket(tcp.getAddress(), tcp.getPort()); OutputStream out = s.getOutputStream()) {
            out.write("more garbage over tcp\r\n\u00ff\u00fe not utf-8\n".getBytes(StandardCharsets.ISO_8859_1));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> (long) daemon.stats().snapshot(0).get("processed") == 7);
        Map<String, Object> stats = daemon.stats().snapshot(0);
        assertThat(stats).containsEntry("received", 7L).containsEntry("parsed", 4L).containsEntry("unparsed", 3L)
                .containsEntry("dropped", 0L);

        Path alerts = home.resolve("var/alerts.jsonl");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(alerts) && !Files.readAllLines(alerts).isEmpty());
        List<String> lines = Files.readAllLines(alerts);
        assertThat(lines).hasSize(1);
        JsonNode a = json.readTree(lines.get(0));
        assertThat(a.path("detection").asText()).isEqualTo("http-tunnel");
        assertThat(a.path("rule").asText()).isEqualTo("http-tunnel-closed");
        assertThat(a.path("severity").asText()).isEqualTo("low");
        assertThat(a.path("host").path("ip").asText()).isEqualTo("10.1.2.3");
        assertThat(a.path("destination").path("ip").asText()).isEqualTo("203.0.113.80");
        assertThat(a.path("destination").path("port").asInt()).isEqualTo(443);
        assertThat(a.path("details").path("durationSeconds").asLong()).isEqualTo(7207);
        assertThat(a.path("evidence").get(0).path("quietwatch").path("connection_id").asText()).isEqualTo("4242");

        List<String> dead = Files.readAllLines(home.resolve("var/deadletter.log"));
        assertThat(dead).hasSize(3);
        assertThat(dead).allSatisfy(d -> assertThat(json.readTree(d).path("error").path("message").asText()).isNotBlank());
        assertThat(dead).anySatisfy(d -> assertThat(json.readTree(d).path("event").path("original").asText())
                .isEqualTo("garbage over udp \u0000 with a NUL"));
    }

    /**
     * Hostile input over real sockets: an oversize frame, a 1 MB line, a million-digit octet count, invalid UTF-8, NUL, ANSI
     * escapes, CR/LF and a JNDI lookup string. All of it is counted or dead-lettered, nothing is looked
     * up, the dead-letter file stays one JSON object per line, and a session sent afterwards still gives
     * its alert.
     */
    @Test
    void hostileInputIsCountedAndTheNextIncidentStillComesOut() throws Exception {
        InetSocketAddress udp = daemon.inputAddresses().get(0);
        InetSocketAddress tcp = daemon.inputAddresses().get(1);
        try (java.net.ServerSocket ldap = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String jndi = "${jndi:ldap://127.0.0.1:" + ldap.getLocalPort() + "/a}";
            try (DatagramSocket socket = new DatagramSocket()) {
                List<byte[]> datagrams = List.of(
                        ("<13>Nov 26 10:00:00 " + jndi + " app: user=" + jndi).getBytes(StandardCharsets.UTF_8),
                        "\u001b[31mred\u001b[0m\r\nNov 26 10:00:00 forged-host sshd: Accepted password for root"
                                .getBytes(StandardCharsets.UTF_8),
                        new byte[] {'<', '1', '3', '>', (byte) 0xc3, (byte) 0x28, 0, (byte) 0xff, 'x'});
                for (byte[] b : datagrams) {
                    socket.send(new DatagramPacket(b, b.length, udp));
                }
            }
            try (Socket s = new Socket(tcp.getAddress(), tcp.getPort()); OutputStream out = s.getOutputStream()) {
                // a well-formed count above max_message_size: the frame is skipped, the connection goes on
                out.write("70000 ".getBytes(StandardCharsets.US_ASCII));
                out.write("A".repeat(70_000).getBytes(StandardCharsets.US_ASCII));
                byte[] fine = asa(Instant.now(), "%ASA-4-106023: Deny tcp src outside:198.51.100.7/4444 dst inside:10.1.2.9/22 "
                        + "by access-group \"outside_access_in\" [0x0, 0x0]").getBytes(StandardCharsets.UTF_8);
                out.write((fine.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(fine);
            }
            try (Socket s = new Socket(tcp.getAddress(), tcp.getPort()); OutputStream out = s.getOutputStream()) {
                // a 1 MB line in LF framing: discarded as oversize
                out.write(("<13>" + "B".repeat(1 << 20) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            try (Socket s = new Socket(tcp.getAddress(), tcp.getPort()); OutputStream out = s.getOutputStream()) {
                // a count of a million digits: a framing error, the connection is closed
                out.write("9".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedByTheDaemon) {
                // the daemon may close the connection before the count is all written
            }

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(daemon.stats().snapshot(0))
                    .containsEntry("processed", 4L).containsEntry("oversize", 2L).containsEntry("framing_errors", 1L));
            Map<String, Object> stats = daemon.stats().snapshot(0);
            assertThat(stats).containsEntry("received", 4L).containsEntry("parsed", 1L).containsEntry("unparsed", 3L)
                    .containsEntry("dropped", 0L).containsEntry("queue_depth", 0L).containsEntry("queue_bytes", 0L);

            ldap.setSoTimeout(300);
            assertThatThrownBy(ldap::accept).as("a JNDI lookup reached the network").isInstanceOf(java.net.SocketTimeoutException.class);
        }

        List<String> dead = Files.readAllLines(home.resolve("var/deadletter.log"), StandardCharsets.UTF_8);
        assertThat(dead).hasSize(3).allSatisfy(d -> {
            assertThat(json.readTree(d).path("error").path("message").asText()).isNotBlank();
            assertThat(d).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0000");
        });
        assertThat(dead).anySatisfy(d -> assertThat(json.readTree(d).path("event").path("original").asText())
                .startsWith("\u001b[31mred\u001b[0m\r\nNov 26 10:00:00 forged-host"));

        Instant end = Instant.now();
        SyslogLines.sendUdp(udp, List.of(
                asa(end.minusSeconds(7300), "%ASA-6-302013: Built outbound TCP connection 77 for outside:203.0.113.90/443 "
                        + "(203.0.113.90/443) to inside:10.1.2.7/50000 (198.51.100.1/50000)"),
                asa(end, "%ASA-6-302014: Teardown TCP connection 77 for outside:203.0.113.90/443 "
                        + "to inside:10.1.2.7/50000 duration 2:01:40 bytes 999 TCP FINs")));
        Path alerts = home.resolve("var/alerts.jsonl");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(alerts) && Files.readAllLines(alerts).stream()
                .anyMatch(l -> l.contains("\"http-tunnel\"") && l.contains("10.1.2.7")));
    }
}
