package io.quietwatch.alert;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRouterTest {
    private static final long MIN = 60_000;
    private final List<Alert> out = new ArrayList<>();

    private static Alert alert(String id, String host, AlertSeverity severity, long t) {
        return new Alert(id, "d", "rule", severity, "t", t, t, t, 1, host, null, null, null, "r", List.of(), Map.of());
    }

    private AlertRouter router(Trigger trigger, String... key) {
        return new AlertRouter(rule -> new Suppression(List.of(key), 10 * MIN, trigger), out::add);
    }

    @Test
    void firstLetsTheFirstOutAndCountsRepeatsButNotAHigherSeverity() {
        AlertRouter r = router(Trigger.FIRST, "hostIp");
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 0));
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, MIN));
        r.accept(alert("b", "10.0.0.2", AlertSeverity.LOW, 2 * MIN));
        r.accept(alert("a", "10.0.0.1", AlertSeverity.HIGH, 3 * MIN));
        r.accept(alert("a", "10.0.0.1", AlertSeverity.MEDIUM, 4 * MIN));
        assertThat(out).extracting(Alert::id, Alert::severity, Alert::count, Alert::revision).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", AlertSeverity.LOW, 1L, 0),
                org.assertj.core.groups.Tuple.tuple("b", AlertSeverity.LOW, 1L, 0),
                org.assertj.core.groups.Tuple.tuple("a", AlertSeverity.HIGH, 3L, 1));
        assertThat(out.get(2).firstSeen()).isZero();
        assertThat(out.get(2).lastSeen()).isEqualTo(3 * MIN);
        assertThat(out.get(2).deliveryKey()).isEqualTo("a-r1");
        assertThat(r.held()).isEqualTo(2);
        // after the window a repeat goes out again, as the next revision
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 11 * MIN));
        assertThat(out).last().extracting(Alert::revision, Alert::count).containsExactly(2, 1L);
    }

    @Test
    void everyLetsAllOut() {
        AlertRouter r = router(Trigger.EVERY, "hostIp");
        for (int i = 0; i < 3; i++) {
            r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, i * MIN));
        }
        assertThat(out).extracting(Alert::count).containsExactly(1L, 2L, 3L);
        assertThat(out).extracting(Alert::revision).containsExactly(0, 1, 2);
    }

    @Test
    void periodicSendsTheFirstThenOneSummaryPerWindowWithRepeats() {
        AlertRouter r = router(Trigger.PERIODIC, "hostIp");
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 0));
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, MIN));
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 2 * MIN));
        r.tick(9 * MIN);
        assertThat(out).hasSize(1);
        r.tick(10 * MIN);
        assertThat(out).extracting(Alert::count).containsExactly(1L, 3L);
        assertThat(out.get(1).lastSeen()).isEqualTo(2 * MIN);
        // a window with no repeat sends no summary
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 20 * MIN));
        r.tick(40 * MIN);
        assertThat(out).hasSize(3);
    }

    @Test
    void summarySendsOnlyAtTheEndOfTheWindow() {
        AlertRouter r = router(Trigger.SUMMARY, "destinationIp");
        r.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 0));
        r.accept(alert("a", "10.0.0.2", AlertSeverity.CRITICAL, MIN));
        assertThat(out).isEmpty();
        r.tick(10 * MIN);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(2);
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
        });
        assertThat(r.openIncidents()).isZero();
    }

    @Test
    void theKeyDecidesWhatIsOneIncident() {
        AlertRouter byHost = router(Trigger.FIRST, "hostIp");
        byHost.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 0));
        byHost.accept(alert("b", "10.0.0.1", AlertSeverity.LOW, 1));
        AlertRouter byId = router(Trigger.FIRST, "id");
        byId.accept(alert("a", "10.0.0.1", AlertSeverity.LOW, 0));
        byId.accept(alert("b", "10.0.0.1", AlertSeverity.LOW, 1));
        assertThat(out).extracting(Alert::id).containsExactly("a", "a", "b");
    }
}
