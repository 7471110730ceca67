package io.quietwatch.state;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.Suppression;
import io.quietwatch.alert.Trigger;
import io.quietwatch.engine.EngineState;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snapshot file: what goes in comes back, a bad file is refused with a reason and moved aside (real files). */
class SnapshotFileTest {
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;

    @TempDir
    Path tmp;

    private static Alert alert(AlertSeverity severity, long t) {
        return new Alert("id-1", "http-tunnel", "http-tunnel-open", severity, "title", t, t - MIN, t, 1, "10.0.0.7", null,
                "203.0.113.9", 443, "reason", List.of(), Map.of("durationSeconds", 3600));
    }

    private static AlertRouter router(List<Alert> out) {
        return new AlertRouter(rule -> new Suppression(List.of("hostIp"), 60 * MIN, Trigger.FIRST), out::add);
    }

    private static EngineState engineState() {
        LogEvent start = LogEvent.builder().timestamp(T0).category("network").transport("tcp").phase("start")
                .sourceIp("10.0.0.7").sourcePort(50000).destinationIp("203.0.113.9").destinationPort(443).connectionId("77")
                .observerHostname("fw1").build(io.quietwatch.event.InternalNetworks.defaults());
        EngineState.Table open = new EngineState.Table("epl-rules/t.epl", "abc", "Open",
                List.of(new EngineState.Column("id", "java.lang.String", false), new EngineState.Column("port", "java.lang.Integer", false),
                        new EngineState.Column("since", "long", false), new EngineState.Column("share", "double", false),
                        new EngineState.Column("flag", "java.lang.Boolean", false),
                        new EngineState.Column("startEvent", LogEvent.class.getName(), true)),
                List.of("id"), List.of(new Object[] {"77", 443, T0, 0.5, true, start}, new Object[] {"78", null, T0 + 1, 0.0, null, null}));
        EngineState.Table odd = new EngineState.Table("epl-rules/t.epl", "abc", "Odd",
                List.of(new EngineState.Column("ports", "[I", false)), List.of(), List.<Object[]>of(new Object[] {new int[] {1}}));
        return new EngineState(T0 + 5 * MIN, T0, List.of(new EngineState.Variable("epl-rules/t.epl", "since", T0)),
                List.of(open, odd), List.of(new EngineState.Host("10.0.0.7", T0), new EngineState.Host("fc00::1", T0 + 1)));
    }

    @Test
    void whatIsWrittenIsReadBackAndTheRouterRemembersItsIncidents() throws Exception {
        List<Alert> out = new ArrayList<>();
        AlertRouter before = router(out);
        before.accept(alert(AlertSeverity.LOW, T0));
        before.accept(alert(AlertSeverity.LOW, T0 + MIN));
        assertThat(out).hasSize(1);

        SnapshotFile file = new SnapshotFile(tmp.resolve("state/snap.json.gz"));
        long bytes = file.write(new Snapshot(T0 + 5 * MIN, engineState(), before.memory()));
        assertThat(bytes).isEqualTo(Files.size(file.path())).isPositive();
        assertThat(tmp.resolve("state")).isDirectoryNotContaining("glob:**.tmp");
        Snapshot s = file.read().orElseThrow();

        assertThat(s.takenAt()).isEqualTo(T0 + 5 * MIN);
        assertThat(s.engine().engineTime()).isEqualTo(T0 + 5 * MIN);
        assertThat(s.engine().firstEventTime()).isEqualTo(T0);
        assertThat(s.engine().variables()).singleElement().satisfies(v -> assertThat(((Number) v.value()).longValue()).isEqualTo(T0));
        assertThat(s.engine().activeHosts()).containsExactly(new EngineState.Host("10.0.0.7", T0), new EngineState.Host("fc00::1", T0 + 1));
        // a table with a column type the format cannot carry is left out, the others are whole
        assertThat(s.engine().tables()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Open");
            assertThat(t.fileHash()).isEqualTo("abc");
            assertThat(t.columns()).isEqualTo(engineState().tables().get(0).columns());
            assertThat(t.rows().get(0)).containsExactly(engineState().tables().get(0).rows().get(0));
            assertThat(t.rows().get(1)).containsExactly("78", null, T0 + 1, 0.0, null, null);
        });

        AlertRouter after = router(out);
        after.restore(s.router());
        after.accept(alert(AlertSeverity.LOW, T0 + 10 * MIN));
        assertThat(out).as("a repeat within the window stays held after the restart").hasSize(1);
        after.accept(alert(AlertSeverity.HIGH, T0 + 11 * MIN));
        assertThat(out).last().satisfies(a -> {
            assertThat(a.revision()).isEqualTo(1);
            assertThat(a.count()).isEqualTo(4);
            assertThat(a.firstSeen()).isEqualTo(T0 - MIN);
        });
    }

    @Test
    void noFileIsNoSnapshotAndABadOneIsRefusedWithTheReason() throws Exception {
        SnapshotFile file = new SnapshotFile(tmp.resolve("snap.json.gz"));
        assertThat(file.read()).isEmpty();

        Files.writeString(file.path(), "not gzip");
        assertThatThrownBy(file::read).isInstanceOf(SnapshotFormatException.class).hasMessageContaining("unreadable");

        Files.write(file.path(), gzip("{\"format\":\"quietwatch-state\",\"version\":99}"));
        assertThatThrownBy(file::read).isInstanceOf(SnapshotFormatException.class).hasMessageContaining("format version 99");

        Files.write(file.path(), gzip("{\"format\":\"quietwatch-state\",\"version\":1,\"taken_at\":\"2026-11-01T00:00:00Z\","
                + "\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"a\",\"type\":\"long\"}],\"rows\":[[1,2]]}]}"));
        assertThatThrownBy(file::read).isInstanceOf(SnapshotFormatException.class).hasMessageContaining("table T: a row has 2 values");

        byte[] whole = gzip(new String(json(), StandardCharsets.UTF_8));
        Files.write(file.path(), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(file::read).isInstanceOf(SnapshotFormatException.class);
    }

    @Test
    void theKeeperMovesAnUnreadableSnapshotAsideAndStartsEmpty() throws Exception {
        Path path = tmp.resolve("snap.json.gz");
        Files.writeString(path, "garbage");
        RuleEngine engine = new RuleEngine(RuleEngine.Mode.LIVE, Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC), 0, a -> { });
        try (engine) {
            Path rules = Files.createDirectories(tmp.resolve("rules"));
            Files.writeString(rules.resolve("t.epl"), "@public create table Seen (hostIp string primary key, seenAt long);\n"
                    + "on LogEvent as e merge Seen s where s.hostIp = e.hostIp when not matched then insert select e.hostIp as hostIp, e.timestamp as seenAt;\n");
            assertThat(engine.load(rules, "rules", Map.of()).rules()).isEmpty();
            engine.start(T0);
            AlertRouter router = router(new ArrayList<>());
            StateKeeper keeper = new StateKeeper(path, "snap.json.gz", 60_000, Clock.fixed(Instant.ofEpochMilli(T0 + 1), ZoneOffset.UTC),
                    StateKeeper.of(engine, router, Clock.systemUTC()));
            keeper.restore(engine, router);
            assertThat(path).doesNotExist();
            assertThat(tmp.resolve("snap.json.gz.corrupt-" + (T0 + 1))).hasContent("garbage");
            assertThat(keeper.status()).containsEntry("restored", "nothing: the snapshot was unreadable").containsEntry("last_snapshot", null);
            assertThat(engine.exportState().tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEmpty());

            engine.send(LogEvent.builder().timestamp(T0 + 2).category("network").sourceIp("10.0.0.1").destinationIp("203.0.113.1")
                    .build(io.quietwatch.event.InternalNetworks.defaults()));
            StateKeeper.Written w = keeper.snapshotNow();
            assertThat(w.rows()).isEqualTo(1);
            assertThat(w.tables()).isEqualTo(1);
            assertThat(w.bytes()).isEqualTo(Files.size(path));
            assertThat(new SnapshotFile(path).read().orElseThrow().engine().tables().get(0).rows().get(0)).containsExactly("10.0.0.1", T0 + 2);
        }
    }

    private static byte[] json() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SnapshotJson.write(new Snapshot(T0, engineState(), AlertRouter.Memory.EMPTY), b);
        return b.toByteArray();
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
