package io.quietwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quietwatch.engine.RuleMetrics;
import io.quietwatch.engine.RuleStatus;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Per-statement meters (events in, CPU time, matches), tagged with the rule file and the statement.
 * Esper's figures can only be read on the engine thread, so they are fetched once per scrape; meters
 * of statements that a reload added appear, and those of removed statements go. A statement's figures
 * start again from zero when its file is redeployed, which Prometheus reads as a counter reset.
 */
final class RuleMeters {
    private static final Logger LOG = LogManager.getLogger(RuleMeters.class);

    private record Key(String file, String statement) {
    }

    private final MeterRegistry registry;
    private final Supplier<List<RuleStatus.StatementTotals>> source;
    private final Map<Key, RuleMetrics.Totals> latest = new ConcurrentHashMap<>();
    private final Map<Key, List<Meter>> meters = new HashMap<>();

    RuleMeters(MeterRegistry registry, Supplier<List<RuleStatus.StatementTotals>> source) {
        this.registry = registry;
        this.source = source;
    }

    /** Fetches the figures; on failure the last ones stay and the scrape goes on. */
    synchronized void refresh() {
        List<RuleStatus.StatementTotals> now;
        try {
            now = source.get();
        } catch (RuntimeException e) {
            LOG.warn("Metrics: the rules' figures are not available: {}", e.toString());
            return;
        }
        Map<Key, RuleMetrics.Totals> fresh = new HashMap<>();
        for (RuleStatus.StatementTotals s : now) {
            fresh.put(new Key(s.file(), s.statement()), s.totals());
        }
        latest.putAll(fresh);
        latest.keySet().retainAll(fresh.keySet());
        for (Key k : fresh.keySet()) {
            meters.computeIfAbsent(k, this::register);
        }
        meters.entrySet().removeIf(e -> {
            if (fresh.containsKey(e.getKey())) {
                return false;
            }
            e.getValue().forEach(registry::remove);
            return true;
        });
    }

    private List<Meter> register(Key k) {
        Tags tags = Tags.of("file", k.file(), "rule", k.statement());
        return List.of(
                counter("quietwatch.rule.events", null, "Events the statement processed", tags, k, RuleMetrics.Totals::eventsIn),
                counter("quietwatch.rule.matches", null, "Rows the statement output (its matches)", tags, k, RuleMetrics.Totals::matches),
                counter("quietwatch.rule.cpu", "seconds", "CPU time spent in the statement", tags, k, t -> t.cpuNanos() / 1e9));
    }

    private Meter counter(String name, String unit, String description, Tags tags, Key k, ToDoubleFunction<RuleMetrics.Totals> f) {
        return FunctionCounter.builder(name, latest, m -> {
            RuleMetrics.Totals t = m.get(k);
            return t == null ? 0 : f.applyAsDouble(t);
        }).baseUnit(unit).description(description).tags(tags).register(registry);
    }
}
