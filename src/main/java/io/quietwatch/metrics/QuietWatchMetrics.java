package io.quietwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.daemon.DaemonStats;
import io.quietwatch.engine.RuleReload;
import io.quietwatch.engine.RuleStatus;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The daemon's metrics for Prometheus ({@code GET /metrics}): one Micrometer registry with the JVM and
 * process meters and QuietWatch's own, from the inputs to the sinks. Most meters read, at scrape time,
 * counters the daemon keeps anyway, so receiving and parsing pay nothing for them; alerts and sink
 * deliveries, which are rare, are counted and timed as they happen. Tags are names an admin chose
 * (input, sink, rule, detection) or small fixed sets (severity, outcome), never a host or an address.
 */
public final class QuietWatchMetrics implements AutoCloseable {
    /** Prometheus text format 0.0.4, what {@link #scrape()} writes. */
    public static final String TEXT = PrometheusTextFormatWriter.CONTENT_TYPE;
    /** OpenMetrics 1.0 text, written when the scraper's {@code Accept} asks for it. */
    public static final String OPENMETRICS = OpenMetricsTextFormatWriter.CONTENT_TYPE;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AlertMeters alerts;
    private final Map<RuleReload.Result, Counter> reloads = new EnumMap<>(RuleReload.Result.class);
    private volatile RuleMeters rules;
    private volatile SinkMeters sinks;

    /**
     * One scrape's answer.
     *
     * @param contentType the {@code Content-Type} to send it with
     * @param body        the metrics text
     */
    public record Page(String contentType, String body) {
    }

    /** A registry with the JVM (memory, GC, threads, classes) and process (CPU, uptime) meters. */
    public QuietWatchMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        alerts = new AlertMeters(registry);
        for (RuleReload.Result r : RuleReload.Result.values()) {
            reloads.put(r, Counter.builder("quietwatch.rule.reloads")
                    .description("Rule reloads by outcome: applied, unchanged (nothing to do) or rejected (the old rules stay)")
                    .tag("outcome", r.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /** Binds the daemon's counters: inputs, parsing, queue, engine, router totals, outbox and sinks. */
    public void bind(DaemonStats stats, Clock clock) {
        InputMeters.bind(registry, stats.inputs());
        PipelineMeters.bind(registry, stats, clock);
        sinks = SinkMeters.bind(registry, stats.outbox());
    }

    /**
     * Per-statement meters (events in, CPU time, matches) from {@code source}, read once per scrape.
     *
     * @param source the running statements' figures; may throw or block briefly (it asks the engine thread)
     */
    public void bindRules(Supplier<List<RuleStatus.StatementTotals>> source) {
        rules = new RuleMeters(registry, source);
    }

    /** Counts the router's raised and held-back alerts by detection and severity. */
    public AlertRouter.Observer alerts() {
        return alerts;
    }

    /** {@code sink} with each delivery attempt timed, by outcome. */
    public AlertSink timed(AlertSink sink) {
        return new TimedSink(sink, registry);
    }

    /** Counts one rule reload. */
    public void reloaded(RuleReload.Result result) {
        reloads.get(result).increment();
    }

    /** The metrics in Prometheus text format. */
    public String scrape() {
        return scrape(null).body();
    }

    /**
     * The metrics in the format the scraper's {@code Accept} header asks for: OpenMetrics when it names
     * {@code application/openmetrics-text}, else Prometheus text (never protobuf: this is a text endpoint).
     */
    public Page scrape(String accept) {
        RuleMeters r = rules;
        if (r != null) {
            r.refresh();
        }
        SinkMeters s = sinks;
        if (s != null) {
            s.refresh();
        }
        String type = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPENMETRICS : TEXT;
        return new Page(type, registry.scrape(type));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
