package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hot reload on a real Esper runtime: what is redeployed, what keeps its state, what is rejected. */
class RuleReloadTest {
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final String COUNTS = """
            module test.counts;
            @public create table HostCount (hostIp string primary key, n count(*));
            into table HostCount select count(*) as n from LogEvent group by hostIp;
            """;
    private static final String READER = """
            module test.reader;
            uses test.counts;
            @Detection('known-host') @Name('known-host')
            select hostIp from LogEvent(destinationPort = 9) where HostCount[hostIp].n > 1;
            """;
    private static final String PORT = """
            module test.port;
            create variable int alert_port = 23;
            @Detection('port') @Name('port-rule')
            select hostIp from LogEvent(destinationPort = alert_port);
            """;

    @TempDir
    Path rules;
    private final List<Alert> alerts = new ArrayList<>();
    private RuleEngine engine;
    private long t = T0;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(rules.resolve("counts.epl"), COUNTS);
        Files.writeString(rules.resolve("reader.epl"), READER);
        Files.writeString(rules.resolve("port.epl"), PORT);
        engine = new RuleEngine(RuleEngine.Mode.LIVE, Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC),
                Long.MAX_VALUE / 4, alerts::add);
        assertThat(engine.load(rules, "rules", Map.of()).isEmpty()).isTrue();
        engine.start(T0);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private void send(String host, int port) {
        engine.send(LogEvent.builder().timestamp(++t).category("network").transport("tcp").outcome("allowed").phase("start")
                .sourceIp(host).destinationIp("203.0.113.1").destinationPort(port).build(InternalNetworks.defaults()));
    }

    private RuleReload.Outcome reload(Map<String, Object> variables) {
        return engine.applyReload(engine.prepareReload(rules, "rules", variables));
    }

    private String deploymentOf(String file) {
        return engine.ruleDeployments().get("rules/" + file).getDeploymentId();
    }

    private long alertsFrom(String rule) {
        return alerts.stream().filter(a -> a.rule().equals(rule)).count();
    }

    @Test
    void aChangedThresholdTakesEffectAndOtherModulesKeepTheirState() throws Exception {
        send("10.0.0.1", 23);
        send("10.0.0.1", 80);
        assertThat(alertsFrom("port-rule")).isEqualTo(1);
        String counts = deploymentOf("counts.epl");
        String reader = deploymentOf("reader.epl");

        Files.writeString(rules.resolve("port.epl"), PORT.replace("= 23", "= 2323"));
        RuleReload.Outcome out = reload(Map.of());

        assertThat(out.result()).isEqualTo(RuleReload.Result.APPLIED);
        assertThat(out.plan().changed()).containsExactly("rules/port.epl");
        assertThat(out.plan().deploy()).containsExactly("rules/port.epl");
        assertThat(deploymentOf("counts.epl")).isEqualTo(counts);
        assertThat(deploymentOf("reader.epl")).isEqualTo(reader);
        send("10.0.0.1", 23);
        assertThat(alertsFrom("port-rule")).isEqualTo(1);
        send("10.0.0.1", 2323);
        assertThat(alertsFrom("port-rule")).isEqualTo(2);
        // the table kept its rows: three earlier events of 10.0.0.1 plus these
        send("10.0.0.1", 9);
        assertThat(alertsFrom("known-host")).isEqualTo(1);
        assertThat(engine.runtime().getFireAndForgetService().executeQuery(
                engine.compileQuery("select n from HostCount where hostIp = '10.0.0.1'")).getArray()[0].get("n")).isEqualTo(5L);
    }

    @Test
    void configuredVariablesAreAppliedAgainToRedeployedModules() throws Exception {
        engine.close();
        engine = new RuleEngine(RuleEngine.Mode.LIVE, Clock.systemUTC(), Long.MAX_VALUE / 4, alerts::add);
        assertThat(engine.load(rules, "rules", Map.of("alert_port", 25)).isEmpty()).isTrue();
        engine.start(T0);
        Files.writeString(rules.resolve("port.epl"), PORT.replace("= 23", "= 2323"));
        assertThat(reload(Map.of("alert_port", 25)).result()).isEqualTo(RuleReload.Result.APPLIED);
        send("10.0.0.1", 2323);
        send("10.0.0.1", 25);
        assertThat(alerts).extracting(Alert::rule).containsExactly("port-rule");
        assertThat(engine.runtime().getVariableService().getVariableValue(deploymentOf("port.epl"), "alert_port")).isEqualTo(25);
    }

    @Test
    void changingAProviderRedeploysItsDependents() throws Exception {
        String port = deploymentOf("port.epl");
        Files.writeString(rules.resolve("counts.epl"), COUNTS + "\n// tweaked\n");
        RuleReload.Outcome out = reload(Map.of());
        assertThat(out.result()).isEqualTo(RuleReload.Result.APPLIED);
        assertThat(out.plan().undeploy()).containsExactly("rules/reader.epl", "rules/counts.epl");
        assertThat(out.plan().deploy()).containsExactly("rules/counts.epl", "rules/reader.epl");
        assertThat(deploymentOf("port.epl")).isEqualTo(port);
        send("10.0.0.2", 80);
        send("10.0.0.2", 9);
        assertThat(alertsFrom("known-host")).isEqualTo(1);
    }

    @Test
    void aBrokenFileIsRejectedWithItsPositionAndTheOldVersionKeepsRunning() throws Exception {
        String before = deploymentOf("port.epl");
        Files.writeString(rules.resolve("port.epl"), PORT.replace("destinationPort = alert_port", "destinationPort = alert_prot"));
        RuleReload.Outcome out = reload(Map.of());
        assertThat(out.result()).isEqualTo(RuleReload.Result.REJECTED);
        assertThat(out.errors()).singleElement().asString().startsWith("rules/port.epl:4:").contains("alert_prot");
        assertThat(deploymentOf("port.epl")).isEqualTo(before);
        send("10.0.0.1", 23);
        assertThat(alertsFrom("port-rule")).isEqualTo(1);

        Files.writeString(rules.resolve("port.epl"), PORT.replace("= 23", "= 24"));
        assertThat(reload(Map.of()).result()).isEqualTo(RuleReload.Result.APPLIED);
        send("10.0.0.1", 24);
        assertThat(alertsFrom("port-rule")).isEqualTo(2);
    }

    @Test
    void aNewBrokenFileIsRejectedEveryTimeItIsAskedFor() throws Exception {
        Files.writeString(rules.resolve("broken.epl"), "select * from LogEvent\n  whre destinationPort = 1;\n");
        for (int i = 0; i < 2; i++) {
            RuleReload.Outcome out = reload(Map.of());
            assertThat(out.result()).isEqualTo(RuleReload.Result.REJECTED);
            assertThat(out.errors()).singleElement().asString().startsWith("rules/broken.epl:2:8: ");
        }
        Files.delete(rules.resolve("broken.epl"));
        assertThat(reload(Map.of()).result()).isNotEqualTo(RuleReload.Result.REJECTED);
    }

    @Test
    void aCycleIsRejected() throws Exception {
        Files.writeString(rules.resolve("counts.epl"), COUNTS.replace("module test.counts;", "module test.counts;\nuses test.reader;"));
        RuleReload.Outcome out = reload(Map.of());
        assertThat(out.result()).isEqualTo(RuleReload.Result.REJECTED);
        assertThat(out.errors()).anySatisfy(e -> assertThat(e).contains("cycle").contains("test.counts -> test.reader -> test.counts"));
    }

    @Test
    void addingAndRemovingFiles() throws Exception {
        Files.writeString(rules.resolve("new.epl"), "@Detection('telnet') @Name('new-rule') select hostIp from LogEvent(destinationPort = 992);\n");
        Files.delete(rules.resolve("port.epl"));
        RuleReload.Outcome out = reload(Map.of());
        assertThat(out.result()).isEqualTo(RuleReload.Result.APPLIED);
        assertThat(out.plan().added()).containsExactly("rules/new.epl");
        assertThat(out.plan().removed()).containsExactly("rules/port.epl");
        send("10.0.0.1", 992);
        send("10.0.0.1", 23);
        assertThat(alerts).extracting(Alert::rule).containsExactly("new-rule");
        assertThat(engine.rules()).extracting(RuleFile::displayPath)
                .containsExactlyInAnyOrder("rules/counts.epl", "rules/reader.epl", "rules/new.epl");
        assertThat(reload(Map.of()).result()).isEqualTo(RuleReload.Result.UNCHANGED);
    }

    @Test
    void statementMetricsCountEventsPerRule() {
        send("10.0.0.1", 23);
        send("10.0.0.1", 80);
        engine.advanceTo(t + 2_000);
        assertThat(engine.metrics().of(deploymentOf("port.epl"), "port-rule").eventsIn()).isEqualTo(1);
    }
}
