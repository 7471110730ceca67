package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.engine.list.ListEntry;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** epl-rules/nat-device.epl on the external clock: what the fixtures cannot show (variables, incidents, expiry). */
class NatDeviceRuleTest {
    private static final InternalNetworks NETS = InternalNetworks.defaults();
    private static final long T0 = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    private final List<Alert> alerts = new ArrayList<>();
    private final ListStore lists = new ListStore(null, "lists");
    private RuleEngine engine;

    private void start(Map<String, Object> variables) {
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add, lists);
        RuleEngine.LoadProblems problems = engine.load(Path.of("epl-rules"), "epl-rules", variables);
        assertThat(problems.isEmpty()).as(problems.toString()).isTrue();
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private void packet(long t, String host, int ttl, int id, int n) {
        engine.send(LogEvent.builder().timestamp(t).category("network").transport("tcp").outcome("allowed").phase("start")
                .sourceIp(host).sourcePort(40000 + n).destinationIp("198.51.100." + (1 + n % 7)).destinationPort(443)
                .ipTtl(ttl).ipId(id).build(NETS));
    }

    /** Linux (ID 0) and Windows (sequential IDs) packets from one address for {@code minutes} minutes. */
    private void twoFamilies(long from, String host, int minutes) {
        for (int i = 0; i < minutes * 2; i++) {
            long t = from + i * 30_000L;
            packet(t, host, 63, 0, i);
            packet(t + 10_000, host, 127, 1000 + 3 * i, i + 3);
        }
    }

    private List<Alert> natAlerts() {
        return alerts.stream().filter(a -> a.detection().equals("nat-device")).toList();
    }

    private long rows(String table) {
        var query = engine.compileQuery("select count(*) as n from " + table);
        return ((Number) engine.runtime().getFireAndForgetService().executeQuery(query).getArray()[0].get("n")).longValue();
    }

    @Test
    void twoFamiliesGiveOneMediumAlertPerIncident() {
        start(Map.of());
        twoFamilies(T0, "10.0.5.50", 30);
        engine.advanceTo(T0 + 31 * MINUTE);
        assertThat(natAlerts()).singleElement().satisfies(a -> {
            assertThat(a.hostIp()).isEqualTo("10.0.5.50");
            assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(a.destinationIp()).isNull();
            assertThat(a.details()).containsEntry("estimatedHosts", 2).containsEntry("ttlFamilies", "64, 128");
            assertThat(a.evidence()).extracting(LogEvent::ipTtl).contains(63, 127);
            assertThat(a.reason()).contains("2 different initial TTLs (64, 128)");
        });
    }

    @Test
    void aNatDeviceStillThereAfterTheIncidentPeriodIsReportedAgainUnderANewId() {
        start(Map.of("nat_device_incident_seconds", 3600));
        twoFamilies(T0, "10.0.5.50", 150);
        List<Alert> found = natAlerts();
        assertThat(found).hasSizeGreaterThanOrEqualTo(2);
        assertThat(found).extracting(Alert::id).doesNotHaveDuplicates();
        assertThat(found.get(1).timestamp() - found.get(0).timestamp()).isGreaterThanOrEqualTo(3_600_000L);
    }

    @Test
    void variablesChangeTheThresholds() {
        start(Map.of("nat_device_min_families", 3));
        twoFamilies(T0, "10.0.5.50", 20);
        engine.advanceTo(T0 + 25 * MINUTE);
        assertThat(natAlerts()).isEmpty();
    }

    @Test
    void anAddressAddedToTheExclusionListIsNotReported() {
        start(Map.of());
        lists.add("nat-device-excluded-hosts", new ListEntry("10.0.5.0/28", 0, "lab routers"));
        twoFamilies(T0, "10.0.5.9", 20);
        twoFamilies(T0, "10.0.5.50", 20);
        engine.advanceTo(T0 + 25 * MINUTE);
        assertThat(natAlerts()).extracting(Alert::hostIp).containsExactly("10.0.5.50");
    }

    @Test
    void stateExpiresWithTheWindow() {
        start(Map.of());
        twoFamilies(T0, "10.0.5.50", 5);
        for (int h = 1; h <= 40; h++) {
            packet(T0 + 6 * MINUTE + h * 1000L, "10.0.6." + h, 63, 0, h);
        }
        engine.advanceTo(T0 + 10 * MINUTE);
        assertThat(rows("NatDeviceFamily")).isEqualTo(42);
        assertThat(rows("NatDeviceHostHops")).isEqualTo(41);
        engine.advanceTo(T0 + 80 * MINUTE);
        assertThat(rows("NatDeviceFamily")).isZero();
        assertThat(rows("NatDeviceHostHops")).isZero();
    }
}
