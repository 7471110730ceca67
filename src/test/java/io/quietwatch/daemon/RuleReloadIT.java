package io.quietwatch.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.sink.file.FileSinkConfig;
import io.quietwatch.cli.Main;
import io.quietwatch.config.AdminConfig;
import io.quietwatch.config.DeadLetterConfig;
import io.quietwatch.config.EngineConfig;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.testing.SyslogLines;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hot reload of a real daemon on ephemeral loopback ports while ASA connection logs arrive over UDP:
 * a changed threshold, a new file, a broken file (rejected, the old version keeps firing, the error
 * positioned in the log and in {@code /status}) and its fix, by the file watcher and by {@code POST
 * /reload}; a module with a table keeps its rows while another file is reloaded.
 */
class RuleReloadIT {
    private static final String PORT_RULE = """
            // alerts on one destination port
            module it.port;
            create variable int alert_port = 2323;

            @Detection('odd-port') @Name('port-rule')
            select hostIp, destinationPort from LogEvent(destinationPort = alert_port);
            """;
    private static final String COUNTS_RULE = """
            module it.counts;
            @public create table HostCount (hostIp string primary key, n count(*));
            into table HostCount select count(*) as n from LogEvent(destinationPort = 80) group by hostIp;

            @Detection('busy-host') @Name('busy-host')
            select hostIp from LogEvent(destinationPort = 9) where HostCount[hostIp].n >= 3;
            """;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger connection = new AtomicInteger(1000);

    @TempDir
    Path home;
    private Daemon daemon;
    private Path rules;
    private StringWriter log;
    private WriterAppender appender;

    private void start(boolean watch) throws Exception {
        rules = Files.createDirectories(home.resolve("rules"));
        Files.writeString(rules.resolve("port.epl"), PORT_RULE);
        Files.writeString(rules.resolve("counts.epl"), COUNTS_RULE);
        QuietWatchConfig config = new QuietWatchConfig(
                List.of(new InputConfig("udp-in", "udp", "127.0.0.1", 0, "auto", "UTC", null, null, null)),
                null, "rules", null, null, new EngineConfig(300, 24),
                new DeadLetterConfig("var/deadletter.log", 100), List.of(new FileSinkConfig("file", "var/alerts.jsonl")),
                null, null, new AdminConfig(true, "127.0.0.1", 0), Map.of(), 60, null);
        log = new StringWriter();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        appender = WriterAppender.newBuilder().setName("reload-it").setTarget(log)
                .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build()).build();
        appender.start();
        ctx.getRootLogger().addAppender(appender);
        daemon = Daemon.start(config, home, Clock.systemUTC(), watch);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        ((LoggerContext) LogManager.getContext(false)).getRootLogger().removeAppender(appender);
    }

    private void send(String host, int port) throws Exception {
        String m = SyslogLines.asa(Instant.now(), "%ASA-6-302013: "
                + "Built outbound TCP connection " + connection.incrementAndGet() + " for outside:203.0.113.80/" + port
                + " (203.0.113.80/" + port + ") to inside:" + host + "/51515 (198.51.100.1/51515)");
        SyslogLines.sendUdp(daemon.inputAddresses().get(0), List.of(m));
    }

    private List<String> alertHosts(String rule) throws Exception {
        Path alerts = home.resolve("var/alerts.jsonl");
        List<String> out = new ArrayList<>();
        if (Files.exists(alerts)) {
            for (String line : Files.readAllLines(alerts)) {
                JsonNode a = json.readTree(line);
                if (a.path("rule").asText().equals(rule)) {
                    out.add(a.path("host").path("ip").asText());
                }
            }
        }
        return out;
    }

    private void awaitAlert(String rule, String host) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alertHosts(rule)).contains(host));
    }

    private JsonNode admin(String method, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(AdminRequests.request(home, daemon.adminPort(), path)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(r.body())).put("http_status", r.statusCode());
    }

    private JsonNode rule(JsonNode status, String file) {
        for (JsonNode r : status.path("rules")) {
            if (r.path("file").asText().equals(file)) {
                return r;
            }
        }
        throw new AssertionError(file + " not in status: " + status.path("rules"));
    }

    /** Waits for a reload after the one that finished at {@code before} (null: none yet) to end with {@code outcome}. */
    private void awaitReload(String outcome, String before) {
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode last = admin("GET", "/status").path("last_reload");
            assertThat(last.path("time").asText(null)).isNotNull().isNotEqualTo(before);
            assertThat(last.path("outcome").asText()).isEqualTo(outcome);
        });
    }

    private String reloads() throws Exception {
        return admin("GET", "/status").path("last_reload").path("time").asText(null);
    }

    @Test
    void fileChangesAreReloadedWhileTrafficFlows() throws Exception {
        start(true);
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            int i = 0;
            while (flowing.get()) {
                try {
                    send("10.9.0." + (i++ % 200 + 1), 443);
                    Thread.sleep(2);
                } catch (Exception e) {
                    return;
                }
            }
        }, "reload-it-traffic");
        traffic.start();
        try {
            send("10.0.0.1", 2323);
            for (int i = 0; i < 3; i++) {
                send("10.0.0.50", 80);
            }
            awaitAlert("port-rule", "10.0.0.1");
            String countsHash = rule(admin("GET", "/status"), "rules/counts.epl").path("running_hash").asText();

            // a new threshold
            String before = reloads();
            Files.writeString(rules.resolve("port.epl"), PORT_RULE.replace("= 2323", "= 2424"));
            awaitReload("applied", before);
            JsonNode status = admin("GET", "/status");
            assertThat(status.path("last_reload").path("changed").toString()).isEqualTo("[\"rules/port.epl\"]");
            assertThat(status.path("last_reload").path("redeployed").toString()).isEqualTo("[\"rules/port.epl\"]");
            send("10.0.0.3", 2323);
            send("10.0.0.2", 2424);
            awaitAlert("port-rule", "10.0.0.2");

            // the untouched module kept its table: three earlier connections of 10.0.0.50 plus this one
            send("10.0.0.50", 9);
            awaitAlert("busy-host", "10.0.0.50");
            assertThat(rule(admin("GET", "/status"), "rules/counts.epl").path("running_hash").asText()).isEqualTo(countsHash);

            // a new file
            before = reloads();
            Files.writeString(rules.resolve("telnets.epl"),
                    "@Detection('telnets') @Name('telnets-rule') select hostIp from LogEvent(destinationPort = 992);\n");
            awaitReload("applied", before);
            send("10.0.0.4", 992);
            awaitAlert("telnets-rule", "10.0.0.4");

            // a broken file: rejected, positioned, the old version keeps firing
            before = reloads();
            Files.writeString(rules.resolve("port.epl"), PORT_RULE.replace("= 2323", "= 2525").replace("= alert_port", "= alert_prot"));
            awaitReload("rejected", before);
            String error = "rules/port.epl:6:64: Failed to validate filter expression";
            status = admin("GET", "/status");
            assertThat(status.path("last_reload").path("errors").get(0).asText()).startsWith(error).contains("alert_prot");
            assertThat(rule(status, "rules/port.epl").path("state").asText()).isEqualTo("changed on disk");
            assertThat(log.toString()).contains(error);
            send("10.0.0.5", 2424);
            awaitAlert("port-rule", "10.0.0.5");

            // fixed
            before = reloads();
            Files.writeString(rules.resolve("port.epl"), PORT_RULE.replace("= 2323", "= 2525"));
            awaitReload("applied", before);
            send("10.0.0.6", 2525);
            awaitAlert("port-rule", "10.0.0.6");
            assertThat(alertHosts("port-rule")).doesNotContain("10.0.0.3");
        } finally {
            flowing.set(false);
            traffic.join();
        }
        JsonNode status = admin("GET", "/status");
        assertThat(status.path("dropped").asLong()).isZero();
        JsonNode port = rule(status, "rules/port.epl");
        assertThat(port.path("state").asText()).isEqualTo("up to date");
        assertThat(port.path("statements").get(1).path("name").asText()).isEqualTo("port-rule");
        // alerts count by rule since the start, across versions: 10.0.0.1, .2, .5 and .6
        assertThat(port.path("statements").get(1).path("alerts").asLong()).isEqualTo(4);
        assertThat(port.path("statements").get(1).path("events_in").asLong()).isGreaterThan(0);
    }

    @Test
    void postReloadAndTheStatusAndReloadCommands() throws Exception {
        start(false);
        send("10.0.0.1", 2323);
        awaitAlert("port-rule", "10.0.0.1");
        Files.writeString(rules.resolve("port.epl"), PORT_RULE.replace("= 2323", "= 2424"));
        JsonNode r = admin("POST", "/reload");
        assertThat(r.path("http_status").asInt()).isEqualTo(200);
        assertThat(r.path("outcome").asText()).isEqualTo("applied");
        assertThat(r.path("trigger").asText()).isEqualTo("admin");
        send("10.0.0.2", 2424);
        awaitAlert("port-rule", "10.0.0.2");
        String hash = io.quietwatch.engine.RuleHashes.of(Files.readAllBytes(rules.resolve("port.epl")));

        String[] target = {"--admin", "http://127.0.0.1:" + daemon.adminPort(), "--token-file", home.resolve("var/admin.token").toString()};
        StringWriter out = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), concat("status", target));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("rules/port.epl  up to date  running " + hash + "  disk " + hash)
                .contains("port-rule").contains("rules/counts.epl").contains("udp-in").contains("last reload: applied");

        out = new StringWriter();
        assertThat(Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), concat("status", concat("--json", target)))).isZero();
        assertThat(json.readTree(out.toString()).path("rules").get(0).path("running_hash").asText()).hasSize(12);

        Files.writeString(rules.resolve("port.epl"), "select nonsense from;\n");
        out = new StringWriter();
        exit = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), concat("reload", target));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).startsWith("rejected").contains("rules/port.epl:1:");
        send("10.0.0.3", 2424);
        awaitAlert("port-rule", "10.0.0.3");

        Files.writeString(rules.resolve("port.epl"), PORT_RULE);
        out = new StringWriter();
        assertThat(Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), concat("reload", target))).isZero();
        assertThat(out.toString()).startsWith("applied").contains("changed: rules/port.epl");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
