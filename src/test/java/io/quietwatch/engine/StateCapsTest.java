package io.quietwatch.engine;

import com.espertech.esper.common.client.util.StatementProperty;
import com.espertech.esper.runtime.client.EPStatement;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.Suppression;
import io.quietwatch.alert.Trigger;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caps on per-key state: with small limits, a flood of unique keys stops at the cap, each refused key
 * is counted under the cap's name, and the state makes room again once old keys expire.
 */
class StateCapsTest {
    private static final InternalNetworks NETS = InternalNetworks.defaults();
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private final List<Alert> alerts = new ArrayList<>();
    private RuleEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private void load(Map<String, Object> variables) {
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add);
        RuleEngine.LoadProblems problems = engine.load(Path.of("epl-rules"), "epl-rules", variables);
        assertThat(problems.rules()).isEmpty();
        assertThat(problems.variables()).isEmpty();
    }

    private static LogEventBuilder conn(long t, String src, String dst, int dport) {
        return LogEvent.builder().timestamp(t).category("network").transport("tcp").outcome("allowed")
                .sourceIp(src).sourcePort(50000).destinationIp(dst).destinationPort(dport).observerHostname("fw1");
    }

    private long rows(String table) {
        return (Long) engine.runtime().getFireAndForgetService()
                .executeQuery(engine.compileQuery("select count(*) as n from " + table)).getArray()[0].get("n");
    }

    @Test
    void openSessionsBeyondTheCapAreCountedNotFollowed() {
        load(Map.of("http_tunnel_open_max_rows", 3));
        for (int i = 1; i <= 5; i++) {
            engine.send(conn(T0, "10.0.0." + i, "198.51.100.7", 443).phase("start").connectionId("c" + i).build(NETS));
        }
        // every cap the rules declare is listed, hit or not
        assertThat(engine.capHits().snapshot()).containsEntry("http_tunnel_open", 2L).containsEntry("nat_device_family", 0L)
                .containsKeys("uncommon_port_recent", "http_tunnel_daily", "p2p_user_hosts", "vpn_user_sessions",
                        "correlated_host_alerts", "nat_device_reported");
        assertThat(rows("HttpTunnelOpen")).isEqualTo(3);
        assertThat(engine.capHits().of("http_tunnel_open")).isEqualTo(2);
        engine.advanceTo(T0 + HOUR + 120_000);
        assertThat(alerts).filteredOn(a -> a.rule().equals("http-tunnel-open")).extracting(Alert::hostIp)
                .containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2", "10.0.0.3");
        // a session that ends makes room for the next one
        engine.send(conn(T0 + HOUR + 120_000, "10.0.0.1", "198.51.100.7", 443).phase("end").connectionId("c1")
                .durationNanos(HOUR * 1_000_000L).build(NETS));
        engine.send(conn(T0 + HOUR + 120_000, "10.0.0.9", "198.51.100.7", 443).phase("start").connectionId("c9").build(NETS));
        assertThat(rows("HttpTunnelOpen")).isEqualTo(3);
        assertThat(engine.capHits().of("http_tunnel_open")).isEqualTo(2);
    }

    @Test
    void uncommonPortTablesStopAtTheirCapsAndKeepUpdatingKnownRows() {
        load(Map.of("uncommon_port_recent_max_rows", 10, "uncommon_port_usage_max_rows", 10));
        for (int i = 0; i < 25; i++) {
            engine.send(conn(T0 + i, "10.1.0." + i, "203.0.113.66", 4444).phase("start").build(NETS));
        }
        engine.send(conn(T0 + 100, "10.1.0.3", "203.0.113.66", 4444).phase("start").build(NETS));
        assertThat(rows("UncommonPortRecent")).isEqualTo(10);
        assertThat(rows("UncommonPortUsage")).isEqualTo(10);
        assertThat(engine.capHits().of("uncommon_port_recent")).isEqualTo(15);
        assertThat(engine.capHits().of("uncommon_port_usage")).isEqualTo(15);
        assertThat(engine.runtime().getFireAndForgetService().executeQuery(engine.compileQuery(
                "select connections from UncommonPortUsage where hostIp = '10.1.0.3'")).getArray()[0].get("connections"))
                .isEqualTo(2L);
    }

    @Test
    void p2pHostsBeyondTheCapAreNotFollowed() {
        load(Map.of("p2p_user_hosts_max_rows", 2, "p2p_user_min_peers", 3, "p2p_user_min_ports", 1));
        for (int h = 1; h <= 4; h++) {
            for (int p = 1; p <= 3; p++) {
                engine.send(LogEvent.builder().timestamp(T0 + p).category("network").transport("udp").outcome("allowed")
                        .sourceIp("10.2.0." + h).sourcePort(40000).destinationIp("198.51.100." + p).destinationPort(30000 + p)
                        .build(NETS));
            }
        }
        assertThat(alerts).filteredOn(a -> a.detection().equals("p2p-user")).extracting(Alert::hostIp)
                .containsExactlyInAnyOrder("10.2.0.1", "10.2.0.2");
        assertThat(engine.capHits().of("p2p_user_hosts")).isEqualTo(6);
        // silent hosts are forgotten after the window, so new ones are followed again
        engine.advanceTo(T0 + 12 * 60_000);
        assertThat(rows("P2pUserHost")).isZero();
    }

    @Test
    void correlatedHostKeepsOnlyTheNewestAlertsBeyondItsCap() {
        load(Map.of("correlated_host_alerts_max_rows", 2));
        sendTunnelsFromThreeHosts();
        assertThat(alerts).filteredOn(a -> a.detection().equals("http-tunnel")).hasSize(3);
        assertThat(engine.capHits().of("correlated_host_alerts")).isEqualTo(1);
        // the configured cap bounds the window itself: it holds the newest two alerts
        assertThat(correlatedHostAlertsHeld()).containsExactlyInAnyOrder("10.4.0.2", "10.4.0.3");
    }

    /** Two-hour tunnels from 10.4.0.1-3, one http-tunnel alert each. */
    private void sendTunnelsFromThreeHosts() {
        for (int i = 1; i <= 3; i++) {
            engine.send(conn(T0 + i, "10.4.0." + i, "198.51.100.7", 443).phase("end").connectionId("t" + i)
                    .durationNanos(2 * HOUR * 1_000_000L).build(NETS));
        }
    }

    /** The hosts of the alerts the correlated-host window holds. */
    private List<Object> correlatedHostAlertsHeld() {
        List<Object> held = new ArrayList<>();
        for (String id : engine.runtime().getDeploymentService().getDeployments()) {
            for (EPStatement st : engine.runtime().getDeploymentService().getDeployment(id).getStatements()) {
                if (String.valueOf(st.getProperty(StatementProperty.EPL)).contains("create window CorrelatedHostAlerts")) {
                    st.iterator().forEachRemaining(e -> held.add(e.get("hostIp")));
                }
            }
        }
        return held;
    }

    @Test
    void correlatedHostWithACapOfZeroHoldsNothingAndCountsEveryAlert() {
        load(Map.of("correlated_host_alerts_max_rows", 0));
        sendTunnelsFromThreeHosts();
        assertThat(alerts).filteredOn(a -> a.detection().equals("http-tunnel")).hasSize(3);
        assertThat(engine.capHits().of("correlated_host_alerts")).isEqualTo(3);
        assertThat(correlatedHostAlertsHeld()).isEmpty();
    }

    @Test
    void activeHostsStopAtTheirCap() {
        load(Map.of());
        engine.limitActiveHosts(5);
        for (int i = 0; i < 8; i++) {
            engine.send(conn(T0, "10.3.0." + i, "203.0.113.5", 443).phase("start").build(NETS));
        }
        assertThat(engine.capHits().of("active_hosts")).isEqualTo(3);
    }

    @Test
    void routerLetsAlertsOutUnfoldedBeyondItsIncidentCap() {
        List<Alert> out = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        AlertRouter router = new AlertRouter(rule -> new Suppression(List.of("id"), 3_600_000L, Trigger.FIRST), out::add)
                .limitIncidents(2, (cap, max) -> hits.add(cap + "/" + max));
        for (int i = 0; i < 3; i++) {
            router.accept(alert("id" + i, T0));
        }
        router.accept(alert("id0", T0 + 1));
        router.accept(alert("id2", T0 + 2));
        assertThat(out).extracting(Alert::id).containsExactly("id0", "id1", "id2", "id2");
        assertThat(router.openIncidents()).isEqualTo(2);
        assertThat(hits).containsExactly("alert_incidents/2", "alert_incidents/2");
    }

    private static Alert alert(String id, long t) {
        return new Alert(id, "test", "r", AlertSeverity.LOW, "t", t, t, t, 1, "10.0.0.1", null, null, null, "r", List.of(), Map.of());
    }
}
