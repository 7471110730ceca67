package io.quietwatch.engine;

import com.espertech.esper.common.client.EventBean;
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

/** A reloaded module keeps the rows of its same-shaped public tables and named windows (real Esper runtime). */
class StateCarryTest {
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final String HOSTS = """
            module test.carry;
            create variable long carry_threshold = 2;
            @public create table CarryHosts (hostIp string primary key, hits long, lastPort int, firstEvent LogEvent);
            @public create window CarryRecent#time(1 hour) as (hostIp string, port int);
            @public create table CarryCounts (hostIp string primary key, n count(*));
            create table CarryPrivate (hostIp string primary key, seen long);
            on LogEvent as e merge CarryHosts h where h.hostIp = e.hostIp
              when not matched then insert select e.hostIp as hostIp, 1L as hits, e.destinationPort as lastPort, e as firstEvent
              when matched then update set hits = hits + 1, lastPort = e.destinationPort;
            on LogEvent as e merge CarryPrivate p where p.hostIp = e.hostIp
              when not matched then insert select e.hostIp as hostIp, e.timestamp as seen;
            insert into CarryRecent select hostIp, destinationPort as port from LogEvent;
            into table CarryCounts select count(*) as n from LogEvent group by hostIp;
            @Detection('recent-seen') @Name('recent-seen')
            select hostIp from CarryRecent(port = 8080);
            @Detection('busy-host') @Name('busy-host')
            select hostIp from LogEvent(destinationPort = 9) where CarryHosts[hostIp].hits >= carry_threshold;
            """;

    @TempDir
    Path rules;
    private final List<Alert> alerts = new ArrayList<>();
    private RuleEngine engine;
    private long t = T0;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(rules.resolve("hosts.epl"), HOSTS);
        engine = new RuleEngine(RuleEngine.Mode.LIVE, Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC),
                Long.MAX_VALUE / 4, alerts::add);
        assertThat(engine.load(rules, "rules", Map.of()).isEmpty()).isTrue();
        engine.start(T0);
        send("10.0.0.1", 8080);
        send("10.0.0.1", 443);
        send("10.0.0.2", 22);
        assertThat(alerts).extracting(Alert::rule).containsExactly("recent-seen");
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private void send(String host, int port) {
        engine.send(LogEvent.builder().timestamp(++t).category("network").transport("tcp").outcome("allowed").phase("start")
                .sourceIp(host).destinationIp("203.0.113.1").destinationPort(port).build(InternalNetworks.defaults()));
    }

    private RuleReload.Outcome reload() {
        return engine.applyReload(engine.prepareReload(rules, "rules", Map.of()));
    }

    private EventBean[] query(String epl) {
        return engine.runtime().getFireAndForgetService().executeQuery(engine.compileQuery(epl)).getArray();
    }

    @Test
    void aChangedThresholdKeepsTheTableAndWindowRows() throws Exception {
        String before = engine.ruleDeployments().get("rules/hosts.epl").getDeploymentId();
        Files.writeString(rules.resolve("hosts.epl"), HOSTS.replace("carry_threshold = 2", "carry_threshold = 3"));

        assertThat(reload().result()).isEqualTo(RuleReload.Result.APPLIED);

        assertThat(engine.ruleDeployments().get("rules/hosts.epl").getDeploymentId()).isNotEqualTo(before);
        EventBean host = query("select * from CarryHosts where hostIp = '10.0.0.1'")[0];
        assertThat(host.get("hits")).isEqualTo(2L);
        assertThat(host.get("lastPort")).isEqualTo(443);
        assertThat(((LogEvent) host.get("firstEvent")).destinationPort()).isEqualTo(8080);
        assertThat(query("select * from CarryHosts")).hasSize(2);
        assertThat(query("select * from CarryRecent")).extracting(b -> b.get("port")).containsExactlyInAnyOrder(8080, 443, 22);
        // the copied 8080 row does not raise recent-seen a second time
        assertThat(alerts).extracting(Alert::rule).containsExactly("recent-seen");

        // with the carried 2 hits, two more events reach the new threshold (3); from an empty table they would not
        send("10.0.0.1", 9);
        send("10.0.0.1", 9);
        assertThat(alerts).extracting(Alert::rule).contains("busy-host");
    }

    @Test
    void aggregationAndPrivateTablesStartEmptyWithoutFailingTheReload() throws Exception {
        Files.writeString(rules.resolve("hosts.epl"), HOSTS + "\n// tweaked\n");

        assertThat(reload().result()).isEqualTo(RuleReload.Result.APPLIED);

        assertThat(query("select * from CarryCounts")).isEmpty();
        assertThat(query("select * from CarryHosts")).hasSize(2);
        send("10.0.0.1", 80);
        assertThat(query("select n from CarryCounts where hostIp = '10.0.0.1'")[0].get("n")).isEqualTo(1L);
        assertThat(query("select hits from CarryHosts where hostIp = '10.0.0.1'")[0].get("hits")).isEqualTo(3L);
    }

    @Test
    void aTableWithAnAddedColumnStartsEmptyAndTheWindowKeepsItsRows() throws Exception {
        Files.writeString(rules.resolve("hosts.epl"), HOSTS
                .replace("firstEvent LogEvent);", "firstEvent LogEvent, note string);"));

        assertThat(reload().result()).isEqualTo(RuleReload.Result.APPLIED);

        assertThat(query("select * from CarryHosts")).isEmpty();
        assertThat(query("select * from CarryRecent")).hasSize(3);
        send("10.0.0.1", 80);
        assertThat(query("select hits from CarryHosts where hostIp = '10.0.0.1'")[0].get("hits")).isEqualTo(1L);
    }

    @Test
    void carriedWindowRowsAreRetimedAtTheReload() throws Exception {
        engine.advanceTo(T0 + 50 * 60_000L);
        Files.writeString(rules.resolve("hosts.epl"), HOSTS + "\n// tweaked\n");
        assertThat(reload().result()).isEqualTo(RuleReload.Result.APPLIED);
        // ten minutes later the rows would have left the old window; they entered the new one at the reload
        engine.advanceTo(T0 + 61 * 60_000L);
        assertThat(query("select * from CarryRecent")).hasSize(3);
        engine.advanceTo(T0 + 111 * 60_000L);
        assertThat(query("select * from CarryRecent")).isEmpty();
    }
}
