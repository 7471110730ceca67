package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The built launcher {@code bin/quietwatch} as a subprocess: what an admin types. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin/quietwatch").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("(UDP|TCP) input (\\S+) listening on \\S*:(\\d+)");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    private record Result(int status, String out, String err) {
    }

    private Result run(Path stdin, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("command finished").isTrue();
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    @Test
    void runReceivesSyslogWritesAlertsAndStopsCleanlyOnSigterm() throws Exception {
        Path alerts = tmp.resolve("alerts.jsonl");
        Path config = tmp.resolve("quietwatch.yaml");
        Files.writeString(config, """
                inputs:
                  - {name: udp-in, protocol: udp, bind_address: 127.0.0.1, port: 0, default_timezone: UTC}
                  - {name: tcp-in, protocol: tcp, bind_address: 127.0.0.1, port: 0, default_timezone: UTC}
                dead_letter: {path: %s}
                sinks:
                  - {type: file, name: soc, path: %s}
                admin: {enabled: false}
                dashboard: {enabled: false}
                alert_store: {enabled: false}
                state: {path: %s}
                """.formatted(tmp.resolve("dead.log"), alerts, tmp.resolve("state.json.gz")));
        Path err = tmp.resolve("daemon.err");
        Process daemon = new ProcessBuilder(LAUNCHER.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        try {
            int[] ports = new int[2];
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                Matcher m = LISTENING.matcher(Files.readString(err));
                while (m.find()) {
                    ports[m.group(1).equals("UDP") ? 0 : 1] = Integer.parseInt(m.group(3));
                }
                return ports[0] > 0 && ports[1] > 0;
            });
            DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.ROOT);
            Instant now = Instant.now();
            String built = "<166>" + f.format(ZonedDateTime.ofInstant(now.minusSeconds(3 * 3600), ZoneOffset.UTC))
                    + " fw1 : %ASA-6-302013: Built outbound TCP connection 99 for outside:192.0.2.200/443 "
                    + "(192.0.2.200/443) to inside:10.9.8.7/40000 (198.51.100.1/40000)";
            String teardown = "<166>" + f.format(ZonedDateTime.ofInstant(now, ZoneOffset.UTC))
                    + " fw1 : %ASA-6-302014: Teardown TCP connection 99 for outside:192.0.2.200/443 "
                    + "to inside:10.9.8.7/40000 duration 3:00:00 bytes 99999 TCP FINs";
            try (DatagramSocket s = new DatagramSocket()) {
                byte[] b = built.getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), ports[0]));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), ports[1]); OutputStream out = s.getOutputStream()) {
                out.write((teardown + "\n").getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(alerts) && !Files.readString(alerts).isBlank());
            daemon.destroy(); // SIGTERM
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).isIn(0, 143);
            List<String> lines = Files.readAllLines(alerts);
            assertThat(lines).hasSize(1);
            JsonNode a = json.readTree(lines.get(0));
            assertThat(a.path("detection").asText()).isEqualTo("http-tunnel");
            assertThat(a.path("host").path("ip").asText()).isEqualTo("10.9.8.7");
            assertThat(Files.readString(err)).contains("Stopping: inputs, then the pipeline").contains("received=2");
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void sighupReloadsTheRulesAndKeepsTheRunningOnesWhenAFileIsBroken() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("ports.epl"), "select hostIp from LogEvent(destinationPort = 4444);\n");
        Path config = tmp.resolve("quietwatch.yaml");
        Files.writeString(config, """
                inputs:
                  - {name: udp-in, protocol: udp, bind_address: 127.0.0.1, port: 0, default_timezone: UTC}
                rules_dir: %s
                dead_letter: {path: %s}
                sinks:
                  - {type: file, name: soc, path: %s}
                admin: {enabled: false}
                dashboard: {enabled: false}
                alert_store: {enabled: false}
                state: {path: %s}
                """.formatted(rules, tmp.resolve("dead.log"), tmp.resolve("alerts.jsonl"), tmp.resolve("state.json.gz")));
        Path err = tmp.resolve("daemon.err");
        Process daemon = new ProcessBuilder(LAUNCHER.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> LISTENING.matcher(Files.readString(err)).find());
            Files.writeString(rules.resolve("broken.epl"), "select * from LogEvent\n  whre destinationPort = 1;\n");
            // the folder watcher sees the file first; SIGHUP asks again, and is named in the log
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(err).contains("rejected"));
            new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).start().waitFor(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(err)
                    .contains("Rule reload (SIGHUP) rejected, the running rules stay: " + rules.resolve("broken.epl") + ":2:8:"));
            assertThat(daemon.isAlive()).isTrue();
            Files.delete(rules.resolve("broken.epl"));
            Files.writeString(rules.resolve("more.epl"), "select hostIp from LogEvent(destinationPort = 6667);\n");
            new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).start().waitFor(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(err).contains("Rules reloaded: added [")
                    && Files.readString(err).contains("more.epl"));
            daemon.destroy();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void validateListsEveryProblemWithItsPositionAndExitsTwo() throws Exception {
        Path config = tmp.resolve("q.yaml");
        Files.writeString(config, "inputs:\n  - protocol: udp\n    port: 99999\n    colour: red\n");
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.epl"), "create variable int x = 1;\n\nselect * from LogEvent\n  whre destinationPort = 1;\n");
        Files.writeString(rules.resolve("ok.epl"), "@Detection('fine') select * from LogEvent(destinationPort = 1);\n");
        Result r = run(null, "validate", "--config", config.toString(), "--rules", rules.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(config + ":4:5: inputs[0].colour: unknown key 'colour'")
                .contains(rules + "/broken.epl:4:8: ");
    }

    @Test
    void validateAcceptsTheShippedConfigAndRules() throws Exception {
        Result r = run(null, "validate");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("OK: configuration, [0-9]+ rule files and the lists are valid");
    }

    @Test
    void parsePrintsOneJsonObjectPerLineInOrder() throws Exception {
        Path log = tmp.resolve("in.log");
        Files.writeString(log, String.join("\n",
                "<166>Nov 26 2026 10:00:00 fw1 : %ASA-6-302015: Built outbound UDP connection 7 for outside:192.0.2.53/53 (192.0.2.53/53) to inside:10.0.0.9/5353 (198.51.100.1/5353)",
                "",
                "something else entirely",
                "2026-11-26T10:00:01+00:00 gw1 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=192.0.2.9 DST=10.0.0.9 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=7 PROTO=TCP SPT=4000 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0")
                + "\n");
        Result r = run(null, "parse", log.toString());
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("source").path("ip").asText()).isEqualTo("10.0.0.9");
        assertThat(first.path("destination").path("port").asInt()).isEqualTo(53);
        assertThat(first.path("@timestamp").asText()).isEqualTo("2026-11-26T10:00:00Z");
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.path("error").path("message").asText()).isNotBlank();
        assertThat(second.path("event").path("original").asText()).isEqualTo("something else entirely");
        JsonNode third = json.readTree(lines.get(2));
        assertThat(third.path("ip").path("ttl").asInt()).isEqualTo(50);
        assertThat(third.path("event").path("type").toString()).contains("denied");
    }

    @Test
    void parseReadsStandardInput() throws Exception {
        Path log = tmp.resolve("stdin.log");
        Files.writeString(log, "%ASA-4-106023: Deny tcp src outside:192.0.2.1/4444 dst inside:10.0.0.1/23 by access-group \"in\" [0x0, 0x0]\n");
        Result r = run(log, "parse", "-");
        assertThat(r.out().lines().toList()).singleElement()
                .satisfies(l -> assertThat(json.readTree(l).path("rule").path("name").asText()).isEqualTo("in"));
    }

    @Test
    void replayOfTheFixtureGivesTheSameAlertsAsInProcess() throws Exception {
        Result r = run(null, "replay", "--timezone", "UTC", Path.of("src/test/resources/replay/firewall-9-days.log").toAbsolutePath().toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().map(l -> {
            try {
                return json.readTree(l).path("detection").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList()).containsExactly("http-tunnel", "uncommon-port", "http-tunnel", "http-tunnel");
    }
}
