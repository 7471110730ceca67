package io.quietwatch.state;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.engine.EngineState;
import io.quietwatch.engine.RoutedAlerts;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The shipped rules, stopped in the middle of a long open web session and of the uncommon-port learning period,
 * snapshotted to a file and restored into a fresh engine: the session is still reported, nothing goes out twice,
 * the learning period still counts from the first event (real Esper runtime, real file).
 */
class SnapshotRestoreTest {
    private static final InternalNetworks NETS = InternalNetworks.defaults();
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    private static final Path SHIPPED = Path.of("epl-rules");
    private static final Map<String, Object> VARIABLES = Map.of("uncommon_port_learning_seconds", 4 * 3600);

    @TempDir
    Path tmp;
    private final List<RuleEngine> engines = new ArrayList<>();

    /** An engine on the shipped rules with its router; what the router lets out goes to {@code out}. */
    private record Running(RuleEngine engine, AlertRouter router) {
    }

    private Running start(List<Alert> out, Path rules) {
        RoutedAlerts routed = new RoutedAlerts(out::add, 24 * HOUR);
        RuleEngine e = new RuleEngine(RuleEngine.Mode.LIVE, Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC),
                Long.MAX_VALUE / 4, routed);
        engines.add(e);
        routed.attach(e);
        assertThat(e.load(rules, rules.toString(), rules.equals(SHIPPED) ? VARIABLES : Map.of()).isEmpty()).isTrue();
        e.start(T0);
        return new Running(e, routed.router());
    }

    @AfterEach
    void close() {
        engines.forEach(RuleEngine::close);
    }

    private static LogEventBuilder conn(long t, String src, String dst, int dport) {
        return LogEvent.builder().timestamp(t).category("network").transport("tcp").outcome("allowed").phase("start")
                .sourceIp(src).sourcePort(50000).destinationIp(dst).destinationPort(dport).observerHostname("fw1");
    }

    /** Before the stop: a port used while learning, a session opened and reported at one hour, a scanned hour closed. */
    private static void firstHour(RuleEngine e) {
        e.send(conn(T0, "10.1.1.5", "203.0.113.50", 4444).build(NETS));
        e.send(conn(T0 + MIN, "10.1.2.7", "203.0.113.90", 443).connectionId("900").build(NETS));
        e.send(LogEvent.builder().timestamp(T0 + 10 * MIN).category("network").transport("tcp").outcome("denied")
                .sourceIp("198.51.100.4").sourcePort(40000).destinationIp("10.1.1.1").destinationPort(23).build(NETS));
        e.send(conn(T0 + 62 * MIN, "10.1.1.9", "203.0.113.1", 443).build(NETS));
    }

    /** After the restart: past two hours (a repeat), past four (the severity steps up), a known port and a new one. */
    private static void laterHours(RuleEngine e) {
        e.send(conn(T0 + 2 * HOUR + 5 * MIN, "10.1.1.9", "203.0.113.1", 443).build(NETS));
        e.send(conn(T0 + 4 * HOUR + 5 * MIN, "10.1.1.9", "203.0.113.1", 443).build(NETS));
        e.send(conn(T0 + 4 * HOUR + 10 * MIN, "10.1.1.5", "203.0.113.50", 4444).build(NETS));
        e.send(conn(T0 + 4 * HOUR + 11 * MIN, "10.1.1.6", "203.0.113.51", 5555).build(NETS));
    }

    @Test
    void anOpenSessionAndALearningPeriodSurviveARestart() throws Exception {
        List<Alert> before = new ArrayList<>();
        Running a = start(before, SHIPPED);
        firstHour(a.engine());
        assertThat(before).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("http-tunnel-open");
            assertThat(x.severity()).isEqualTo(AlertSeverity.LOW);
            assertThat(x.revision()).isZero();
        });
        SnapshotFile file = new SnapshotFile(tmp.resolve("state/snapshot.json.gz"));
        file.write(new Snapshot(T0 + 62 * MIN, a.engine().exportState(), a.router().memory()));
        assertThat(tmp.resolve("state")).isDirectoryContaining(p -> p.getFileName().toString().equals("snapshot.json.gz"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));

        Snapshot read = file.read().orElseThrow();
        EngineState s = read.engine();
        assertThat(s.engineTime()).isEqualTo(T0 + 62 * MIN);
        assertThat(s.firstEventTime()).isEqualTo(T0);
        assertThat(s.tables()).filteredOn(t -> t.name().equals("HttpTunnelOpen")).singleElement().satisfies(t -> {
            assertThat(t.file()).isEqualTo("epl-rules/http-tunnel.epl");
            assertThat(t.keys()).containsExactly("observer", "connectionId");
            assertThat(t.rows()).singleElement().satisfies(r -> assertThat(r[t.columns().indexOf(
                    new EngineState.Column("startEvent", LogEvent.class.getName(), true))]).isInstanceOf(LogEvent.class)
                    .extracting(o -> ((LogEvent) o).connectionId()).isEqualTo("900"));
        });
        assertThat(s.variables()).anySatisfy(v -> {
            assertThat(v.name()).isEqualTo("scan_trend_observing_since");
            assertThat(((Number) v.value()).longValue()).isEqualTo(T0 + 10 * MIN);
        });
        assertThat(s.activeHosts()).extracting(EngineState.Host::ip).contains("10.1.1.5", "10.1.2.7", "10.1.1.9");
        assertThat(read.router().incidents()).singleElement().satisfies(h -> assertThat(h.latest().id()).isEqualTo(before.get(0).id()));

        List<Alert> after = new ArrayList<>();
        Running b = start(after, SHIPPED);
        b.engine().restoreState(read.engine());
        b.router().restore(read.router());
        assertThat(b.engine().currentTime()).isEqualTo(T0 + 62 * MIN);
        laterHours(b.engine());
        assertThat(after).filteredOn(x -> x.detection().equals("http-tunnel")).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo(before.get(0).id());
            assertThat(x.severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(x.revision()).isEqualTo(1);
            assertThat(x.firstSeen()).isEqualTo(T0 + MIN);
        });
        assertThat(after).filteredOn(x -> x.detection().equals("uncommon-port")).singleElement()
                .satisfies(x -> assertThat(x.hostIp()).isEqualTo("10.1.1.6"));
        assertThat(b.engine().exportState().variables()).filteredOn(v -> v.name().equals("scan_trend_observing_since"))
                .singleElement().satisfies(v -> assertThat(((Number) v.value()).longValue()).isEqualTo(T0 + 10 * MIN));

        // the same later traffic into an engine that starts empty forgets the session and restarts learning
        List<Alert> forgetful = new ArrayList<>();
        laterHours(start(forgetful, SHIPPED).engine());
        assertThat(forgetful).noneMatch(x -> x.detection().equals("http-tunnel") || x.detection().equals("uncommon-port"));
    }

    @Test
    void aTableWhoseColumnsChangedStartsEmptyAndTheOthersKeepTheirRows() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        String v1 = """
                module test.snap;
                @public create table SnapSeen (hostIp string primary key, port int, lastSeen long);
                @public create table SnapHits (hostIp string primary key, hits long);
                on LogEvent as e merge SnapSeen s where s.hostIp = e.hostIp
                  when not matched then insert select e.hostIp as hostIp, e.destinationPort as port, e.timestamp as lastSeen;
                on LogEvent as e merge SnapHits h where h.hostIp = e.hostIp
                  when not matched then insert select e.hostIp as hostIp, 1L as hits
                  when matched then update set hits = h.hits + 1;
                """;
        Files.writeString(rules.resolve("snap.epl"), v1);
        Running a = start(new ArrayList<>(), rules);
        a.engine().send(conn(T0, "10.1.1.5", "203.0.113.50", 4444).build(NETS));
        a.engine().send(conn(T0 + MIN, "10.1.1.5", "203.0.113.50", 4444).build(NETS));
        EngineState s = a.engine().exportState();
        assertThat(s.tables()).extracting(EngineState.Table::name).containsExactlyInAnyOrder("SnapSeen", "SnapHits");

        Files.writeString(rules.resolve("snap.epl"), v1.replace("port int, lastSeen long", "port int, lastSeen long, user string"));
        Running b = start(new ArrayList<>(), rules);
        b.engine().restoreState(s);
        EngineState restored = b.engine().exportState();
        assertThat(restored.tables()).filteredOn(t -> t.name().equals("SnapSeen")).singleElement()
                .satisfies(t -> assertThat(t.rows()).isEmpty());
        assertThat(restored.tables()).filteredOn(t -> t.name().equals("SnapHits")).singleElement()
                .satisfies(t -> assertThat(t.rows()).singleElement().satisfies(r -> assertThat(r).containsExactly("10.1.1.5", 2L)));
    }
}
