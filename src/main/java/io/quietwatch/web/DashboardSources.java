package io.quietwatch.web;

import io.quietwatch.metrics.QuietWatchMetrics;
import io.quietwatch.store.AlertStore;

import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What the dashboard reads from the running daemon.
 *
 * @param queries on-demand queries of the engine's tables
 * @param alerts  the alert store, or null when the daemon keeps none
 * @param stats   the counters at a wall-clock time ({@code Daemon.stats().snapshot})
 * @param status  the counters with the rules and sinks ({@code Daemon.status})
 * @param metrics the metrics for {@code /metrics} in the format a request's {@code Accept} header asks for
 *                ({@code QuietWatchMetrics.scrape(accept)}), or null when there are none
 */
public record DashboardSources(EngineQueries queries, AlertStore alerts, LongFunction<Map<String, Object>> stats,
                               LongFunction<Map<String, Object>> status,
                               Function<String, QuietWatchMetrics.Page> metrics) {
}
