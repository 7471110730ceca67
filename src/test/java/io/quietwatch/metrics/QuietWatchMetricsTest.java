package io.quietwatch.metrics;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.Suppression;
import io.quietwatch.alert.Trigger;
import io.quietwatch.alert.outbox.Outbox;
import io.quietwatch.alert.outbox.Routes;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.OutboxConfig;
import io.quietwatch.daemon.DaemonStats;
import io.quietwatch.daemon.DeadLetterLog;
import io.quietwatch.daemon.Pipeline;
import io.quietwatch.engine.CapHits;
import io.quietwatch.engine.RuleMetrics;
import io.quietwatch.engine.RuleReload;
import io.quietwatch.engine.RuleStatus;
import io.quietwatch.ingest.InputCounters;
import io.quietwatch.ingest.InputEndpoint;
import io.quietwatch.ingest.MessageQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry over a {@link DaemonStats} whose counters hold known values: each value appears exactly
 * in the scrape, with its tags, and the alert, sink, rule and reload meters count what was done to them.
 */
class QuietWatchMetricsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00.500Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final QuietWatchMetrics metrics = new QuietWatchMetrics();
    private Outbox outbox;
    private DeadLetterLog deadLetters;
    private AlertRouter router;
    private DaemonStats stats;

    /** Delivers, retries or rejects every alert, as told; a fake peer inside the test. */
    private record ScriptedSink(String name, AlertSink.Delivery answer) implements AlertSink {
        @Override
        public void start() {
        }

        @Override
        public Delivery deliver(Alert alert) {
            return answer;
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void bind() throws Exception {
        InputEndpoint udp = new InputEndpoint(new InputConfig("udp-in", "udp", "127.0.0.1", 0, "auto", "UTC",
                null, null, null, null, null, null));
        InputEndpoint tcp = new InputEndpoint(new InputConfig("tcp-in", "tcp", "127.0.0.1", 0, "cisco-asa", "UTC",
                null, null, null, null, null, null));
        InputCounters u = udp.counters();
        u.received.add(12);
        u.bytes.add(3456);
        u.parsed.add(9);
        u.unparsed.add(3);
        u.dropped.add(2);
        u.oversize.add(1);
        InputCounters t = tcp.counters();
        t.received.add(5);
        t.parsed.add(5);
        t.framingErrors.add(4);
        t.refusedConnections.add(6);
        t.tlsFailures.add(7);
        t.rejectedSenders.add(8);
        t.backpressurePauses.add(10);
        t.connections.set(3);

        List<AlertSink> sinks = List.of(metrics.timed(new ScriptedSink("file", AlertSink.Delivery.delivered(0))),
                metrics.timed(new ScriptedSink("jira", AlertSink.Delivery.rejected(400, "bad project"))),
                metrics.timed(new ScriptedSink("hive", AlertSink.Delivery.retry(503, "down", 0))));
        outbox = new Outbox(dir.resolve("outbox"), new OutboxConfig(null, 1, 1, 1, 1), sinks,
                new Routes(List.of(), sinks.stream().map(AlertSink::name).toList()), CLOCK);
        outbox.start();
        router = new AlertRouter(rule -> new Suppression(List.of("hostIp"), 600_000, Trigger.FIRST), outbox);
        router.observe(metrics.alerts());
        deadLetters = new DeadLetterLog(dir.resolve("deadletter.log"), 2, CLOCK);
        for (int i = 0; i < 3; i++) {
            deadLetters.offer("udp-in", "10.9.8.7", "no parser recognises this line", "garbage " + i);
        }
        Pipeline pipeline = new Pipeline(new MessageQueue(10, 1 << 20), Map.of(), null, deadLetters, CLOCK);
        stats = new DaemonStats(CLOCK.millis(), List.of(udp, tcp), pipeline, router, outbox, deadLetters,
                () -> 7, () -> 1400, () -> CLOCK.millis() - 90_000, new CapHits());
        metrics.bind(stats, CLOCK);
    }

    @AfterEach
    void close() {
        outbox.close();
        deadLetters.close();
        metrics.close();
    }

    private static Alert alert(String detection, String host, AlertSeverity severity) {
        long t = CLOCK.millis();
        return new Alert(detection + "-" + host, detection, detection + "-rule", severity, "t", t, t, t, 1, host, null, null,
                null, "r", List.of(), Map.of());
    }

    @Test
    void inputAndPipelineCountersAppearWithTheirExactValuesAndTags() {
        String text = metrics.scrape();
        assertThat(text.lines()).contains(
                "quietwatch_input_received_total{input=\"udp-in\",protocol=\"udp\"} 12.0",
                "quietwatch_input_received_total{input=\"tcp-in\",protocol=\"tcp\"} 5.0",
                "quietwatch_input_bytes_total{input=\"udp-in\",protocol=\"udp\"} 3456.0",
                "quietwatch_input_dropped_total{input=\"udp-in\",protocol=\"udp\"} 2.0",
                "quietwatch_input_oversize_total{input=\"udp-in\",protocol=\"udp\"} 1.0",
                "quietwatch_input_framing_errors_total{input=\"tcp-in\",protocol=\"tcp\"} 4.0",
                "quietwatch_input_refused_connections_total{input=\"tcp-in\",protocol=\"tcp\"} 6.0",
                "quietwatch_input_tls_failures_total{input=\"tcp-in\",protocol=\"tcp\"} 7.0",
                "quietwatch_input_rejected_senders_total{input=\"tcp-in\",protocol=\"tcp\"} 8.0",
                "quietwatch_input_backpressure_pauses_total{input=\"tcp-in\",protocol=\"tcp\"} 10.0",
                "quietwatch_input_connections{input=\"tcp-in\",protocol=\"tcp\"} 3.0",
                "quietwatch_parser_parsed_total{format=\"auto\",input=\"udp-in\"} 9.0",
                "quietwatch_parser_unparsed_total{format=\"auto\",input=\"udp-in\"} 3.0",
                "quietwatch_parser_parsed_total{format=\"cisco-asa\",input=\"tcp-in\"} 5.0",
                "quietwatch_engine_events_total 14.0",
                "quietwatch_queue_depth 7.0",
                "quietwatch_queue_bytes 1400.0",
                "quietwatch_deadletter_written_total 2.0",
                "quietwatch_deadletter_suppressed_total 1.0",
                "quietwatch_engine_clock_lag_seconds 90.0",
                "quietwatch_pipeline_processed_total 0.0");
        assertThat(text).contains("# HELP quietwatch_input_dropped_total Messages dropped because the pipeline queue was full");
        assertThat(text).doesNotContain("10.9.8.7");
    }

    @Test
    void alertsAreCountedByDetectionAndSeverityAndEachSinkByOutcome() {
        router.accept(alert("http-tunnel", "10.1.2.3", AlertSeverity.LOW));
        router.accept(alert("http-tunnel", "10.1.2.3", AlertSeverity.LOW));
        router.accept(alert("http-tunnel", "10.1.2.4", AlertSeverity.LOW));
        router.accept(alert("nat-device", "10.1.2.5", AlertSeverity.HIGH));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                outbox.stats().values().stream().allMatch(m -> (Long) m.get("pending") == 0));

        String text = metrics.scrape();
        assertThat(text.lines()).contains(
                "quietwatch_alerts_raised_total{detection=\"http-tunnel\",severity=\"low\"} 3.0",
                "quietwatch_alerts_raised_total{detection=\"nat-device\",severity=\"high\"} 1.0",
                "quietwatch_alerts_suppressed_total{detection=\"http-tunnel\",severity=\"low\"} 1.0",
                "quietwatch_alerts_sent_total 3.0",
                "quietwatch_outbox_appended_total 3.0",
                "quietwatch_outbox_pending{sink=\"file\"} 0.0",
                "quietwatch_sink_delivered_total{sink=\"file\"} 3.0",
                "quietwatch_sink_dead_total{sink=\"file\"} 0.0",
                "quietwatch_sink_delivered_total{sink=\"jira\"} 0.0",
                "quietwatch_sink_dead_total{sink=\"jira\"} 3.0",
                "quietwatch_sink_failed_total{sink=\"hive\"} 3.0",
                "quietwatch_sink_dead_total{sink=\"hive\"} 3.0",
                "quietwatch_sink_healthy{sink=\"file\"} 1.0",
                "quietwatch_sink_healthy{sink=\"hive\"} 0.0",
                "quietwatch_sink_delivery_seconds_count{outcome=\"delivered\",sink=\"file\"} 3",
                "quietwatch_sink_delivery_seconds_count{outcome=\"rejected\",sink=\"jira\"} 3",
                "quietwatch_sink_delivery_seconds_count{outcome=\"retry_later\",sink=\"hive\"} 3",
                "quietwatch_sink_delivery_seconds_count{outcome=\"delivered\",sink=\"hive\"} 0");
        assertThat(text).contains("quietwatch_sink_delivery_seconds_bucket{outcome=\"delivered\",sink=\"file\",le=\"30.0\"} 3");
        assertThat(text).doesNotContain("10.1.2.3").doesNotContain("10.1.2.5");
    }

    @Test
    void ruleMetersFollowTheRunningStatementsAndReloadsAreCountedByOutcome() {
        AtomicReference<List<RuleStatus.StatementTotals>> running = new AtomicReference<>(List.of(
                new RuleStatus.StatementTotals("http-tunnel.epl", "http-tunnel-closed", new RuleMetrics.Totals(50, 2_000_000_000L, 3)),
                new RuleStatus.StatementTotals("scan-trend.epl", "scan-trend-hourly", new RuleMetrics.Totals(40, 500_000_000L, 0))));
        metrics.bindRules(() -> {
            List<RuleStatus.StatementTotals> now = running.get();
            if (now == null) {
                throw new IllegalStateException("the pipeline did not answer");
            }
            return now;
        });
        String text = metrics.scrape();
        assertThat(text.lines()).contains(
                "quietwatch_rule_events_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"} 50.0",
                "quietwatch_rule_matches_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"} 3.0",
                "quietwatch_rule_cpu_seconds_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"} 2.0",
                "quietwatch_rule_events_total{file=\"scan-trend.epl\",rule=\"scan-trend-hourly\"} 40.0",
                "quietwatch_rule_reloads_total{outcome=\"applied\"} 0.0");

        // a reload removed scan-trend.epl and the other statement counted on
        running.set(List.of(new RuleStatus.StatementTotals("http-tunnel.epl", "http-tunnel-closed",
                new RuleMetrics.Totals(80, 2_000_000_000L, 4))));
        metrics.reloaded(RuleReload.Result.APPLIED);
        metrics.reloaded(RuleReload.Result.REJECTED);
        metrics.reloaded(RuleReload.Result.REJECTED);
        text = metrics.scrape();
        assertThat(text.lines()).contains(
                "quietwatch_rule_events_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"} 80.0",
                "quietwatch_rule_matches_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"} 4.0",
                "quietwatch_rule_reloads_total{outcome=\"applied\"} 1.0",
                "quietwatch_rule_reloads_total{outcome=\"rejected\"} 2.0");
        assertThat(text).doesNotContain("scan-trend-hourly");

        // the engine does not answer: the scrape still comes, with the last figures
        running.set(null);
        assertThat(metrics.scrape().lines()).contains("quietwatch_queue_depth 7.0",
                "quietwatch_rule_events_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"} 80.0");
    }

    @Test
    void jvmAndProcessMetersAreThereAndOpenMetricsIsGivenWhenAsked() {
        String text = metrics.scrape();
        assertThat(text).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ",
                "process_cpu_usage ", "process_uptime_seconds ", "system_cpu_count ");
        assertThat(text).doesNotContain("# EOF");

        QuietWatchMetrics.Page om = metrics.scrape("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(om.contentType()).isEqualTo(QuietWatchMetrics.OPENMETRICS).startsWith("application/openmetrics-text");
        assertThat(om.body()).endsWith("# EOF\n").contains("quietwatch_input_received_total{input=\"udp-in\",protocol=\"udp\"} 12.0");

        QuietWatchMetrics.Page plain = metrics.scrape("text/plain");
        assertThat(plain.contentType()).isEqualTo(QuietWatchMetrics.TEXT).startsWith("text/plain; version=0.0.4");
    }
}
