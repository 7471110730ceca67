package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rules of epl-rules/ on the external clock: send events, advance time, look at alerts. */
class ShippedRulesTest {
    private static final InternalNetworks NETS = InternalNetworks.defaults();
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final List<Alert> alerts = new ArrayList<>();
    private RuleEngine engine;

    @BeforeEach
    void load() {
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add);
        RuleEngine.LoadProblems problems = engine.load(Path.of("epl-rules"), "epl-rules", Map.of());
        assertThat(problems.rules()).isEmpty();
        assertThat(problems.variables()).isEmpty();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static LogEventBuilder conn(long t, String src, int sport, String dst, int dport) {
        return LogEvent.builder().timestamp(t).category("network").transport("tcp").outcome("allowed")
                .sourceIp(src).sourcePort(sport).destinationIp(dst).destinationPort(dport).observerHostname("fw1");
    }

    private List<Alert> of(String detection) {
        return alerts.stream().filter(a -> a.detection().equals(detection)).toList();
    }

    @Test
    void closedSessionOfTwoHoursOnHttpsIsOneLowAlert() {
        engine.send(conn(T0, "10.0.0.5", 51000, "198.51.100.7", 443).phase("end").connectionId("77")
                .durationNanos(2 * HOUR * 1_000_000L + 5_000_000_000L).build(NETS));
        assertThat(of("http-tunnel")).singleElement().satisfies(a -> {
            assertThat(a.hostIp()).isEqualTo("10.0.0.5");
            assertThat(a.destinationIp()).isEqualTo("198.51.100.7");
            assertThat(a.destinationPort()).isEqualTo(443);
            assertThat(a.severity()).isEqualTo(AlertSeverity.LOW);
            assertThat(a.rule()).isEqualTo("http-tunnel-closed");
            assertThat(a.firstSeen()).isEqualTo(T0 - 2 * HOUR - 5000);
            assertThat(a.title()).contains("2h 0m");
            assertThat(a.evidence()).hasSize(1);
        });
    }

    @Test
    void shortSessionsAndOtherPortsRaiseNothing() {
        engine.send(conn(T0, "10.0.0.5", 51000, "198.51.100.7", 443).phase("end").connectionId("1")
                .durationNanos(59 * 60 * 1_000_000_000L).build(NETS));
        engine.send(conn(T0, "10.0.0.5", 51001, "198.51.100.7", 22).phase("end").connectionId("2")
                .durationNanos(5 * HOUR * 1_000_000L).build(NETS));
        // inbound long session to an internal web server is not a tunnel out
        engine.send(conn(T0, "198.51.100.7", 51002, "10.0.0.80", 443).phase("end").connectionId("3")
                .durationNanos(5 * HOUR * 1_000_000L).build(NETS));
        assertThat(of("http-tunnel")).isEmpty();
    }

    @Test
    void severityStepsWithDuration() {
        long[] hours = {3, 4, 8, 12};
        for (int i = 0; i < hours.length; i++) {
            engine.send(conn(T0, "10.0.0." + (i + 1), 51000, "198.51.100.7", 80).phase("end").connectionId("c" + i)
                    .durationNanos(hours[i] * HOUR * 1_000_000L).build(NETS));
        }
        assertThat(of("http-tunnel")).extracting(Alert::severity)
                .containsExactly(AlertSeverity.LOW, AlertSeverity.MEDIUM, AlertSeverity.HIGH, AlertSeverity.CRITICAL);
    }

    @Test
    void openSessionIsReportedEveryHourUntilItCloses() {
        engine.send(conn(T0, "10.0.0.5", 51000, "198.51.100.7", 443).phase("start").connectionId("42").build(NETS));
        engine.advanceTo(T0 + HOUR - 1);
        assertThat(of("http-tunnel")).isEmpty();
        engine.advanceTo(T0 + 4 * HOUR + 1);
        List<Alert> open = of("http-tunnel");
        assertThat(open).extracting(Alert::rule).containsOnly("http-tunnel-open");
        assertThat(open).extracting(a -> a.details().get("durationSeconds"))
                .containsExactly(3600L, 7200L, 10800L, 14400L);
        assertThat(open.get(3).severity()).isEqualTo(AlertSeverity.MEDIUM);
        assertThat(open).extracting(Alert::id).containsOnly(open.get(0).id());
        // the end stops the re-arming; its alert belongs to the same incident
        engine.send(conn(T0 + 4 * HOUR + 600_000, "10.0.0.5", 51000, "198.51.100.7", 443).phase("end")
                .connectionId("42").durationNanos((4 * HOUR + 600_000) * 1_000_000L).build(NETS));
        engine.advanceTo(T0 + 10 * HOUR);
        List<Alert> all = of("http-tunnel");
        assertThat(all).hasSize(5);
        assertThat(all.get(4).rule()).isEqualTo("http-tunnel-closed");
        assertThat(all.get(4).id()).isEqualTo(open.get(0).id());
    }

    @Test
    void openSessionOfAnotherFirewallWithTheSameIdIsNotClosed() {
        engine.send(conn(T0, "10.0.0.5", 51000, "198.51.100.7", 443).phase("start").connectionId("42").build(NETS));
        engine.send(conn(T0 + 60_000, "10.0.0.6", 51000, "198.51.100.8", 443).phase("end").connectionId("42")
                .observerHostname("fw2").durationNanos(60_000_000_000L).build(NETS));
        engine.advanceTo(T0 + HOUR + 1);
        assertThat(of("http-tunnel")).singleElement().extracting(Alert::hostIp).isEqualTo("10.0.0.5");
    }

    @Test
    void uncommonPortAlertsOnlyAfterLearningAndOnlyOncePerHostAndPort() {
        // learning week: hosts browse and one uses 6667 on day 1
        for (int d = 0; d < 8; d++) {
            for (int h = 1; h <= 60; h++) {
                engine.send(conn(T0 + d * DAY + h * 1000, "10.0.1." + h, 50000, "198.51.100.9", 443).phase("start").build(NETS));
            }
        }
        engine.send(conn(T0 + HOUR, "10.0.1.7", 50001, "203.0.113.5", 6667).phase("start").build(NETS));
        assertThat(of("uncommon-port")).isEmpty();
        // after the learning period: a new port for host .20
        long t = T0 + 8 * DAY + HOUR;
        engine.send(conn(t, "10.0.1.20", 50002, "203.0.113.66", 4444).phase("start").build(NETS));
        engine.send(conn(t + 1000, "10.0.1.20", 50003, "203.0.113.66", 4444).phase("end").durationNanos(1L).build(NETS));
        assertThat(of("uncommon-port")).singleElement().satisfies(a -> {
            assertThat(a.hostIp()).isEqualTo("10.0.1.20");
            assertThat(a.destinationPort()).isEqualTo(4444);
            assertThat(a.destinationIp()).isEqualTo("203.0.113.66");
            assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(a.details()).containsEntry("hostsOnPort", 1L).containsEntry("internalHosts", 60L);
        });
        // a common port, a denied connection and an inbound connection raise nothing
        engine.send(conn(t + 2000, "10.0.1.21", 50004, "203.0.113.66", 443).phase("start").build(NETS));
        engine.send(conn(t + 3000, "10.0.1.22", 50005, "203.0.113.66", 5555).outcome("denied").build(NETS));
        engine.send(conn(t + 4000, "203.0.113.66", 50006, "10.0.1.23", 5556).phase("start").build(NETS));
        assertThat(of("uncommon-port")).hasSize(1);
    }

    @Test
    void portUsedByManyHostsIsNotUncommon() {
        for (int d = 0; d < 8; d++) {
            for (int h = 1; h <= 60; h++) {
                engine.send(conn(T0 + d * DAY + h * 1000, "10.0.1." + h, 50000, "198.51.100.9", 443).phase("start").build(NETS));
            }
        }
        long t = T0 + 8 * DAY + HOUR;
        // first user of port 9000 alerts; the second is still within 2 % of 60 hosts? 2/60 > 2 %: no alert
        engine.send(conn(t, "10.0.1.1", 50000, "203.0.113.70", 9000).phase("start").build(NETS));
        engine.send(conn(t + 1000, "10.0.1.2", 50000, "203.0.113.70", 9000).phase("start").build(NETS));
        assertThat(of("uncommon-port")).extracting(Alert::hostIp).containsExactly("10.0.1.1");
    }

    @Test
    void portUnusedForTheMemoryPeriodIsNewAgain() {
        engine.send(conn(T0, "10.0.1.1", 50000, "198.51.100.9", 443).phase("start").build(NETS));
        long t = T0 + 8 * DAY;
        engine.send(conn(t, "10.0.1.1", 50000, "203.0.113.70", 7000).phase("start").build(NETS));
        engine.send(conn(t + DAY, "10.0.1.1", 50000, "203.0.113.70", 7000).phase("start").build(NETS));
        engine.send(conn(t + 9 * DAY, "10.0.1.1", 50000, "203.0.113.70", 7000).phase("start").build(NETS));
        assertThat(of("uncommon-port")).hasSize(2);
    }

    @Test
    void variablesFromTheConfigChangeThresholds() {
        List<Alert> out = new ArrayList<>();
        try (RuleEngine e = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, out::add)) {
            RuleEngine.LoadProblems p = e.load(Path.of("epl-rules"), "epl-rules",
                    Map.of("http_tunnel_min_seconds", 600, "http_tunnel_ports", List.of(8080)));
            assertThat(p.isEmpty()).isTrue();
            e.send(conn(T0, "10.0.0.5", 51000, "198.51.100.7", 8080).phase("end").connectionId("1")
                    .durationNanos(700 * 1_000_000_000L).build(NETS));
            e.send(conn(T0, "10.0.0.5", 51000, "198.51.100.7", 443).phase("end").connectionId("2")
                    .durationNanos(7000 * 1_000_000_000L).build(NETS));
        }
        assertThat(out).extracting(Alert::destinationPort).containsExactly(8080);
    }

    @Test
    void badVariableValuesAreReportedByName() {
        try (RuleEngine e = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, a -> { })) {
            RuleEngine.LoadProblems p = e.load(Path.of("epl-rules"), "epl-rules",
                    Map.of("http_tunnel_min_seconds", "an hour", "no_such_variable", 1));
            assertThat(p.variables()).containsExactlyInAnyOrder(
                    "rule_variables.http_tunnel_min_seconds: expected a whole number for type long, got 'an hour'",
                    "rule_variables.no_such_variable: no rule declares a variable named 'no_such_variable'");
        }
    }
}
