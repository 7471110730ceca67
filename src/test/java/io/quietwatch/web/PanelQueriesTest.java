package io.quietwatch.web;

import io.quietwatch.alert.Alert;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine panels' on-demand queries against the shipped rules, on the external clock. */
class PanelQueriesTest {
    private static final InternalNetworks NETS = InternalNetworks.defaults();
    private static final long T0 = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private final List<Alert> alerts = new ArrayList<>();
    private RuleEngine engine;
    private EngineQueries queries;
    private int submitted;

    @BeforeEach
    void start() {
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add, new ListStore(null, "lists"));
        RuleEngine.LoadProblems problems = engine.load(Path.of("epl-rules"), "epl-rules", Map.of());
        assertThat(problems.isEmpty()).as(problems.toString()).isTrue();
        engine.start(T0);
        queries = new EngineQueries(engine, new EngineQueries.PipelineExecutor() {
            @Override
            public <T> CompletableFuture<T> submit(java.util.function.Supplier<T> task) {
                submitted++;
                try {
                    return CompletableFuture.completedFuture(task.get());
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        }, 1000);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static io.quietwatch.event.LogEventBuilder base(long t) {
        return LogEvent.builder().timestamp(t).category("network").observerHostname("fw1");
    }

    @Test
    void uncommonPortsRankFewestHostsFirstWithConnectionsAndBytes() throws Exception {
        for (int i = 0; i < 3; i++) {
            engine.send(base(T0 + i * 60_000).transport("tcp").outcome("allowed").phase("start").sourceIp("10.1.0." + (20 + i))
                    .sourcePort(50000 + i).destinationIp("203.0.113.66").destinationPort(6667).build(NETS));
        }
        engine.send(base(T0 + 5 * 60_000).transport("tcp").outcome("allowed").phase("start").sourceIp("10.1.0.20")
                .sourcePort(50100).destinationIp("203.0.113.67").destinationPort(4444).build(NETS));
        engine.send(base(T0 + 6 * 60_000).transport("tcp").outcome("allowed").phase("end").sourceIp("10.1.0.20")
                .sourcePort(50100).destinationIp("203.0.113.67").destinationPort(4444).networkBytes(9000L).build(NETS));
        engine.send(base(T0 + 7 * 60_000).transport("tcp").outcome("allowed").phase("start").sourceIp("10.1.0.21")
                .sourcePort(50101).destinationIp("203.0.113.67").destinationPort(443).build(NETS));

        UncommonPortsPanel panel = new UncommonPortsPanel(queries);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ports = (List<Map<String, Object>>) panel.ports().get("ports");
        assertThat(ports).extracting(p -> p.get("port")).containsExactly(4444, 6667);
        assertThat(ports.get(0)).containsEntry("hosts", 1L).containsEntry("connections", 1L).containsEntry("bytes", 9000L)
                .containsEntry("firstSeen", T0 + 5 * 60_000).containsEntry("transport", "tcp");
        assertThat(ports.get(1)).containsEntry("hosts", 3L).containsEntry("connections", 3L);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) panel.hosts("tcp", 6667).get("hosts");
        assertThat(hosts).extracting(h -> h.get("hostIp")).containsExactlyInAnyOrder("10.1.0.20", "10.1.0.21", "10.1.0.22");

        engine.advanceTo(T0 + 26 * HOUR);
        assertThat((List<?>) panel.ports().get("ports")).as("rows older than 24 hours are not shown").isEmpty();
    }

    @Test
    void openTunnelsShowTheirDurationSoFarAndClosedOnesTheirDailyTotal() throws Exception {
        engine.send(base(T0).transport("tcp").outcome("allowed").phase("start").sourceIp("10.1.0.50").sourcePort(54000)
                .destinationIp("203.0.113.50").destinationPort(443).connectionId("300").build(NETS));
        engine.send(base(T0 + 60_000).transport("tcp").outcome("allowed").phase("start").sourceIp("10.1.0.51").sourcePort(54001)
                .destinationIp("203.0.113.51").destinationPort(443).connectionId("301").build(NETS));
        engine.send(base(T0 + 2 * HOUR).transport("tcp").outcome("allowed").phase("end").sourceIp("10.1.0.51").sourcePort(54001)
                .destinationIp("203.0.113.51").destinationPort(443).connectionId("301").durationNanos((2 * HOUR - 60_000) * 1_000_000)
                .networkBytes(5000L).build(NETS));
        engine.advanceTo(T0 + 2 * HOUR + 30 * 60_000);

        Map<String, Object> out = new TunnelPanel(queries).tunnels(60);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> open = (List<Map<String, Object>>) out.get("open");
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("hostIp", "10.1.0.50").containsEntry("destinationIp", "203.0.113.50")
                    .containsEntry("destinationPort", 443).containsEntry("startTime", T0);
            assertThat(r).containsEntry("durationSeconds", 9000L);
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> closed = (List<Map<String, Object>>) out.get("closed");
        assertThat(closed).singleElement().satisfies(r -> assertThat(r).containsEntry("hostIp", "10.1.0.51")
                .containsEntry("durationSeconds", 7140L).containsEntry("bytes", 5000L).containsEntry("endTime", T0 + 2 * HOUR));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> daily = (List<Map<String, Object>>) out.get("daily");
        assertThat(daily).singleElement().satisfies(r -> assertThat(r).containsEntry("hostIp", "10.1.0.51")
                .containsEntry("totalSeconds", 7140L).containsEntry("sessions", 1L));
        assertThat(new TunnelPanel(queries).tunnels(180).get("open")).as("shorter than 3 h").asList().isEmpty();
    }

    @Test
    void natSuspectsGroupTheirTtlFamilies() throws Exception {
        for (int i = 0; i < 60; i++) {
            long t = T0 + i * 30_000L;
            engine.send(base(t).transport("tcp").outcome("allowed").phase("start").sourceIp("10.0.5.50").sourcePort(40000 + i)
                    .destinationIp("198.51.100." + (1 + i % 7)).destinationPort(443).ipTtl(63).ipId(0).build(NETS));
            engine.send(base(t + 10_000).transport("tcp").outcome("allowed").phase("start").sourceIp("10.0.5.50").sourcePort(41000 + i)
                    .destinationIp("198.51.100." + (1 + i % 7)).destinationPort(443).ipTtl(127).ipId(1000 + 3 * i).build(NETS));
            engine.send(base(t + 20_000).transport("tcp").outcome("allowed").phase("start").sourceIp("10.0.5.60").sourcePort(42000 + i)
                    .destinationIp("198.51.100.9").destinationPort(443).ipTtl(64).ipId(0).build(NETS));
        }
        engine.advanceTo(T0 + 31 * 60_000);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> suspects = (List<Map<String, Object>>) new NatPanel(queries, null).suspects().get("suspects");
        assertThat(suspects).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("hostIp", "10.0.5.50").containsEntry("ttlFamilies", 2).containsEntry("estimatedHosts", 2)
                    .containsEntry("verdict", "medium");
            assertThat((List<?>) s.get("families")).hasSize(2);
        });
    }

    @Test
    void scanTrendChartsClosedHoursWithTheirBaselineAndRanksAgainstThePreviousDay() throws Exception {
        // port 23: 2 packets an hour for 30 hours, then 40 from 20 sources; port 445: 5 an hour throughout
        for (int h = 0; h < 31; h++) {
            int p23 = h == 30 ? 40 : 2;
            for (int i = 0; i < p23; i++) {
                denied(T0 + h * HOUR + i * 1000L, "198.51.100." + (i % 20 + 1), 23);
            }
            for (int i = 0; i < 5; i++) {
                denied(T0 + h * HOUR + 500_000 + i * 1000L, "192.0.2." + (i + 1), 445);
            }
        }
        engine.advanceTo(T0 + 31 * HOUR + 2 * 60_000);

        Map<String, Object> out = new ScanTrendPanel(queries).observation();
        @SuppressWarnings("unchecked")
        List<Long> hours = (List<Long>) out.get("hours");
        assertThat(hours).hasSize(24).endsWith(T0 + 30 * HOUR);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranks = (List<Map<String, Object>>) out.get("ranks");
        assertThat(ranks).extracting(r -> r.get("port")).containsExactly(445, 23);
        // hours 7..30 against hours 0..6 (the series starts at hour 0)
        assertThat(ranks.get(1)).containsEntry("packets", 86L).containsEntry("previousPackets", 14L).containsEntry("rank", 2)
                .containsEntry("previousRank", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ports = (List<Map<String, Object>>) out.get("ports");
        Map<String, Object> p23 = ports.stream().filter(p -> p.get("port").equals(23)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) p23.get("points");
        assertThat(points.get(23)).containsEntry("packets", 40L).containsEntry("mean", 2.0).containsEntry("sigma", 0.0)
                .containsEntry("baselineHours", 30);
    }

    private void denied(long t, String source, int port) {
        engine.send(base(t).transport("tcp").outcome("denied").sourceIp(source).sourcePort(40000).destinationIp("10.9.9.9")
                .destinationPort(port).build(NETS));
    }

    @Test
    void aQueryIsCompiledOnceAndAgainAfterTheDeploymentsChange() throws Exception {
        UncommonPortsPanel panel = new UncommonPortsPanel(queries);
        panel.ports();
        panel.ports();
        assertThat(submitted).isEqualTo(2);
        assertThat(queries.compilations()).isEqualTo(1);
        var args = new com.espertech.esper.compiler.client.CompilerArguments(RuleEngine.configuration());
        engine.runtime().getDeploymentService().deploy(com.espertech.esper.compiler.client.EPCompilerProvider.getCompiler()
                .compile("select * from LogEvent", args));
        panel.ports();
        assertThat(queries.compilations()).as("compiled again for the new deployments").isEqualTo(2);
        assertThatThrownBy(() -> queries.query("select * from NoSuchTable", Map.of(), 10))
                .isInstanceOf(EngineQueries.QueryException.class).hasMessageContaining("NoSuchTable");
    }
}
