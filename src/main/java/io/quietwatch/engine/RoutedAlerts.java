package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertRouter;

import java.util.function.Consumer;

/**
 * Connects a rule engine to an {@link AlertRouter}: give this to the engine as its alert consumer,
 * then {@link #attach(RuleEngine)} the engine, so the router knows each rule's suppression and closes
 * its windows as engine time moves. Used the same way by the daemon, {@code replay} and {@code test-rules}.
 */
public final class RoutedAlerts implements Consumer<Alert> {
    private final AlertRouter router;
    private final long windowMillis;
    private RuleEngine engine;

    /**
     * @param out          where the alerts the router lets out go
     * @param windowMillis the suppression window of rules that name none
     */
    public RoutedAlerts(Consumer<Alert> out, long windowMillis) {
        this.windowMillis = windowMillis;
        this.router = new AlertRouter(rule -> engine.suppressions(this.windowMillis).apply(rule), out);
    }

    /** Binds the engine whose alerts this consumer receives. */
    public RoutedAlerts attach(RuleEngine e) {
        this.engine = e;
        e.onTimeAdvance(router::tick);
        return this;
    }

    @Override
    public void accept(Alert alert) {
        router.accept(alert);
    }

    /** The router (for its counters). */
    public AlertRouter router() {
        return router;
    }
}
