package io.quietwatch.daemon;

import io.quietwatch.alert.Alert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Counts the alerts each rule raises (before deduplication) on their way to the next consumer. */
final class RuleAlertCounts implements Consumer<Alert> {
    private final Consumer<Alert> next;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    RuleAlertCounts(Consumer<Alert> next) {
        this.next = next;
    }

    @Override
    public void accept(Alert alert) {
        counts.computeIfAbsent(alert.rule(), r -> new LongAdder()).increment();
        next.accept(alert);
    }

    /** Alerts raised by {@code rule} so far. */
    long of(String rule) {
        LongAdder a = counts.get(rule);
        return a == null ? 0 : a.sum();
    }
}
