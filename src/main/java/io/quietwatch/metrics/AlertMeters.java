package io.quietwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertRouter;

/**
 * Counts the alerts the rules raise and those the router holds back, by detection and severity, as
 * they happen (alerts are rare next to events, so a counter lookup each costs nothing that matters).
 */
final class AlertMeters implements AlertRouter.Observer {
    private final MeterRegistry registry;

    AlertMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void raised(Alert a) {
        count("quietwatch.alerts.raised", "Alerts the rules raised, before deduplication", a);
    }

    @Override
    public void held(Alert a) {
        count("quietwatch.alerts.suppressed", "Alerts the router counted into an open incident instead of sending", a);
    }

    private void count(String name, String description, Alert a) {
        Counter.builder(name).description(description)
                .tag("detection", a.detection() == null ? "" : a.detection())
                .tag("severity", a.severity().word())
                .register(registry).increment();
    }
}
