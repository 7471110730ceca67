package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.engine.list.ListEntry;
import io.quietwatch.engine.list.ListStore;
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

/** The shipped p2p-user rule (D6) with the shipped lists: alerts, the p2p-users list and D1's exclusion. */
class P2pUserRuleTest {
    private static final long T0 = Instant.parse("2026-11-03T09:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;
    private static final InternalNetworks NETS = InternalNetworks.defaults();

    private final List<Alert> alerts = new ArrayList<>();
    private ListStore lists;
    private RuleEngine engine;

    private void start(Map<String, Object> variables) {
        lists = new ListStore(Path.of("conf/lists"), "conf/lists");
        assertThat(lists.loadAll()).isEmpty();
        // a replay never writes the admin's files back; keep it that way here
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add, lists);
        RuleEngine.LoadProblems p = engine.load(Path.of("epl-rules"), "epl-rules", variables);
        assertThat(p.rules()).isEmpty();
        assertThat(p.variables()).isEmpty();
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static LogEventBuilder flow(long t, String transport, String src, String dst, int port) {
        return LogEvent.builder().timestamp(t).category("network").transport(transport).outcome("allowed").phase("start")
                .sourceIp(src).sourcePort(40000).destinationIp(dst).destinationPort(port).observerHostname("fw1");
    }

    private void udp(long t, String src, String dst, int port) {
        engine.send(flow(t, "udp", src, dst, port).build(NETS));
    }

    /** {@code n} peers, one every 5 seconds, on random-looking high ports. */
    private long swarm(long t, String host, int n, int firstPeer) {
        for (int i = 0; i < n; i++) {
            udp(t, host, "198.51." + ((firstPeer + i) / 200) + "." + (1 + (firstPeer + i) % 200), 6881 + 97 * i % 50000);
            t += 5000;
        }
        return t;
    }

    private List<Alert> of(String detection) {
        return alerts.stream().filter(a -> a.detection().equals(detection)).toList();
    }

    private ListEntry listed(String host) {
        return lists.get("p2p-users") == null ? null
                : lists.get("p2p-users").entries().stream().filter(e -> e.value().equals(host)).findFirst().orElse(null);
    }

    @Test
    void aHostWithThirtyUdpPeersIsReportedOnceAndListedForAWeek() {
        start(Map.of());
        swarm(T0, "10.1.0.50", 60, 0);
        assertThat(of("p2p-user")).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("p2p-user");
            assertThat(a.severity()).isEqualTo(AlertSeverity.LOW);
            assertThat(a.hostIp()).isEqualTo("10.1.0.50");
            assertThat(a.destinationIp()).isNull();
            assertThat(a.title()).isEqualTo("P2P / VoIP client on 10.1.0.50: UDP to 30 peers (ports 6881, 6978, 7075, 7172, 7269, ...)");
            assertThat(a.reason()).startsWith("10.1.0.50 sent UDP to 30 different outside addresses on 30 different ports of 1024 or above within 10 minutes")
                    .endsWith("It is on the p2p-users list for 7 days, so uncommon-port does not report its ports meanwhile.");
            assertThat(a.firstSeen()).isEqualTo(T0);
            assertThat(a.lastSeen()).isEqualTo(T0 + 29 * 5000);
            assertThat(a.details()).containsEntry("trigger", "peers").containsEntry("peers", 30)
                    .containsEntry("listedUntil", T0 + 29 * 5000 + 7 * DAY);
            assertThat(a.evidence()).singleElement().extracting(LogEvent::destinationIp).isEqualTo("198.51.0.30");
        });
        ListEntry entry = listed("10.1.0.50");
        assertThat(entry).isNotNull();
        assertThat(entry.expiresAt()).isEqualTo(T0 + 29 * 5000 + 7 * DAY);
        assertThat(entry.comment()).isEqualTo("p2p-user: UDP to 30 peers within 10 minutes");
    }

    @Test
    void aHostStillAtItAfterTheWindowIsReportedAgainAsTheSameIncidentAndItsListingRenewed() {
        start(Map.of());
        long t = swarm(T0, "10.1.0.50", 30, 0);
        long firstExpiry = listed("10.1.0.50").expiresAt();
        swarm(t + 600_000, "10.1.0.50", 30, 100);
        assertThat(of("p2p-user")).hasSize(2);
        assertThat(of("p2p-user").get(1).id()).isEqualTo(of("p2p-user").get(0).id());
        assertThat(listed("10.1.0.50").expiresAt()).isGreaterThan(firstExpiry);
        // the next day is a new incident
        swarm(T0 + DAY, "10.1.0.50", 30, 200);
        assertThat(of("p2p-user")).hasSize(3);
        assertThat(of("p2p-user").get(2).id()).isNotEqualTo(of("p2p-user").get(0).id());
    }

    @Test
    void dnsQuicFewPeersSweepsAndDeniedTrafficAreNotP2p() {
        start(Map.of());
        long t = T0;
        for (int i = 0; i < 100; i++) {
            udp(t++, "10.1.0.60", "198.51.100." + (1 + i % 4), 53);
            udp(t++, "10.1.0.61", "203.0." + (i / 100) + "." + (1 + i), 443);
            udp(t++, "10.1.0.62", "192.0.2." + (1 + i % 10), 3478 + i % 4);
            udp(t++, "10.1.0.63", "203.0.1." + (1 + i), 5060);
            engine.send(flow(t++, "udp", "10.1.0.64", "203.0.2." + (1 + i), 20000 + i).outcome("denied").build(NETS));
            engine.send(flow(t++, "udp", "203.0.3." + (1 + i), "10.1.0.65", 20000 + i).build(NETS));
        }
        assertThat(of("p2p-user")).isEmpty();
        assertThat(lists.get("p2p-users")).isNull();
    }

    @Test
    void aKnownImEndpointIsReportedAtOnceByAddressOrProxyHost() {
        start(Map.of());
        engine.send(flow(T0, "tcp", "10.1.0.70", "149.154.167.51", 443).build(NETS));
        engine.send(flow(T0 + 1000, "tcp", "10.1.0.70", "149.154.167.51", 443).build(NETS));
        engine.send(LogEvent.builder().timestamp(T0 + 2000).category("web").outcome("allowed").sourceIp("10.1.0.71")
                .url("https://web.whatsapp.com/").httpMethod("GET").httpStatus(200).build(NETS));
        engine.send(LogEvent.builder().timestamp(T0 + 3000).category("web").outcome("allowed").sourceIp("10.1.0.72")
                .url("https://signal.org/download/").httpMethod("GET").httpStatus(200).build(NETS));
        assertThat(of("p2p-user")).hasSize(2);
        Alert byAddress = of("p2p-user").get(0);
        assertThat(byAddress.hostIp()).isEqualTo("10.1.0.70");
        assertThat(byAddress.destinationIp()).isEqualTo("149.154.167.51");
        assertThat(byAddress.destinationPort()).isEqualTo(443);
        assertThat(byAddress.title()).isEqualTo("IM / VoIP client on 10.1.0.70: contacted 149.154.167.51 port 443");
        assertThat(byAddress.details()).containsEntry("trigger", "endpoint");
        Alert byName = of("p2p-user").get(1);
        assertThat(byName.hostIp()).isEqualTo("10.1.0.71");
        assertThat(byName.title()).isEqualTo("IM / VoIP client on 10.1.0.71: contacted web.whatsapp.com");
        assertThat(listed("10.1.0.70").comment()).isEqualTo("p2p-user: contacted IM/VoIP endpoint 149.154.167.51");
        assertThat(listed("10.1.0.71")).isNotNull();
        assertThat(listed("10.1.0.72")).as("the web site signal.org is not the service").isNull();
    }

    @Test
    void excludedHostsAreNeitherReportedNorListed() {
        start(Map.of());
        lists.add("p2p-user-excluded-hosts", new ListEntry("10.1.0.80/30", 0, "VoIP gateway"));
        swarm(T0, "10.1.0.81", 60, 0);
        engine.send(flow(T0 + 400_000, "tcp", "10.1.0.82", "149.154.167.51", 443).build(NETS));
        swarm(T0 + 500_000, "10.1.0.90", 30, 0);
        assertThat(of("p2p-user")).extracting(Alert::hostIp).containsExactly("10.1.0.90");
        assertThat(listed("10.1.0.81")).isNull();
        assertThat(listed("10.1.0.82")).isNull();
    }

    @Test
    void aListedHostGetsNoUncommonPortAlertWhileAnotherHostDoes() {
        start(Map.of("uncommon_port_learning_seconds", 0));
        engine.send(flow(T0, "tcp", "10.1.0.70", "149.154.167.51", 443).build(NETS));
        engine.send(flow(T0 + 60_000, "tcp", "10.1.0.70", "203.0.113.66", 4444).build(NETS));
        engine.send(flow(T0 + 61_000, "tcp", "10.1.0.71", "203.0.113.67", 5555).build(NETS));
        assertThat(of("p2p-user")).extracting(Alert::hostIp).containsExactly("10.1.0.70");
        assertThat(of("uncommon-port")).extracting(Alert::hostIp).containsExactly("10.1.0.71");
    }

    @Test
    void thresholdsAreVariables() {
        start(Map.of("p2p_user_min_peers", 5, "p2p_user_window_seconds", 60, "p2p_user_list_seconds", 3600));
        long t = T0;
        for (int i = 0; i < 4; i++) {
            udp(t += 20_000, "10.1.0.50", "198.51.100." + i, 30000 + i);
        }
        // the first two peers have left the one-minute window
        udp(t += 20_000, "10.1.0.50", "198.51.100.9", 30009);
        assertThat(of("p2p-user")).isEmpty();
        udp(t += 1000, "10.1.0.50", "198.51.100.10", 30010);
        udp(t += 1000, "10.1.0.50", "198.51.100.11", 30011);
        assertThat(of("p2p-user")).singleElement().satisfies(a -> assertThat(a.reason())
                .contains("within 1 minute (").endsWith("It is on the p2p-users list for 1 hour, so uncommon-port does not report its ports meanwhile."));
        assertThat(listed("10.1.0.50").expiresAt()).isEqualTo(t + 3_600_000);
    }
}
