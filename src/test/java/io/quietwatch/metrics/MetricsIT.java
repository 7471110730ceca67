package io.quietwatch.metrics;

import io.quietwatch.alert.sink.file.FileSinkConfig;
import io.quietwatch.config.AdminConfig;
import io.quietwatch.config.DeadLetterConfig;
import io.quietwatch.config.EngineConfig;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.daemon.Daemon;
import io.quietwatch.testing.SyslogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real daemon on loopback: syslog over UDP and TCP, then {@code GET /metrics} over HTTP from the
 * admin endpoint. The counters moved by what was sent, per input; the planted two-hour session is
 * counted as an http-tunnel alert, a rule match and a delivery; no host address is in the text; the
 * token is needed unless {@code admin.metrics_open} is set.
 */
class MetricsIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;
    private Daemon daemon;

    private void start(boolean metricsOpen) throws Exception {
        QuietWatchConfig config = new QuietWatchConfig(
                List.of(new InputConfig("udp-in", "udp", "127.0.0.1", 0, "auto", "UTC", null, null, null),
                        new InputConfig("tcp-in", "tcp", "127.0.0.1", 0, "cisco-asa", "UTC", null, null, null)),
                null, Path.of("epl-rules").toAbsolutePath().toString(), null, null, new EngineConfig(300, 24),
                new DeadLetterConfig("var/deadletter.log", 100), List.of(new FileSinkConfig("file", "var/alerts.jsonl")),
                null, null, new AdminConfig(true, "127.0.0.1", 0, metricsOpen), Map.of(), 60, null);
        daemon = Daemon.start(config, home, Clock.systemUTC(), false);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private HttpResponse<String> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.adminPort() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        return Files.readString(home.resolve("var/admin.token")).strip();
    }

    /** The value of the sample {@code series} (name and labels as written), or fails naming it. */
    private static double value(String text, String series) {
        return text.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError("no sample " + series + " in:\n" + text));
    }

    @Test
    void countersMoveWithRealTrafficAndThePlantedTunnelIsCounted() throws Exception {
        start(false);
        InetSocketAddress udp = daemon.inputAddresses().get(0);
        InetSocketAddress tcp = daemon.inputAddresses().get(1);
        List<String> tunnel = SyslogLines.closedTunnel(Instant.now());
        SyslogLines.sendUdp(udp, List.of(tunnel.get(0), "garbage over udp from 10.66.66.66"));
        SyslogLines.sendOctetCounted(tcp, List.of(tunnel.get(1), "not an asa line either"));
        await().atMost(Duration.ofSeconds(20)).until(() -> daemon.stats().processed() == 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> (Long) daemon.stats().outbox().stats().get("file").get("delivered") == 1);

        assertThat(get("/metrics", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "wrong", null).statusCode()).isEqualTo(401);
        HttpResponse<String> r = get("/metrics", token(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(QuietWatchMetrics.TEXT);
        String text = r.body();

        assertThat(value(text, "quietwatch_input_received_total{input=\"udp-in\",protocol=\"udp\"}")).isEqualTo(2.0);
        assertThat(value(text, "quietwatch_input_received_total{input=\"tcp-in\",protocol=\"tcp\"}")).isEqualTo(2.0);
        assertThat(value(text, "quietwatch_parser_parsed_total{format=\"auto\",input=\"udp-in\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_parser_unparsed_total{format=\"auto\",input=\"udp-in\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_parser_parsed_total{format=\"cisco-asa\",input=\"tcp-in\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_parser_unparsed_total{format=\"cisco-asa\",input=\"tcp-in\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_input_dropped_total{input=\"udp-in\",protocol=\"udp\"}")).isZero();
        assertThat(value(text, "quietwatch_pipeline_processed_total")).isEqualTo(4.0);
        assertThat(value(text, "quietwatch_engine_events_total")).isEqualTo(2.0);
        assertThat(value(text, "quietwatch_deadletter_written_total")).isEqualTo(2.0);
        assertThat(value(text, "quietwatch_alerts_raised_total{detection=\"http-tunnel\",severity=\"low\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_alerts_sent_total")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_sink_delivered_total{sink=\"file\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_sink_delivery_seconds_count{outcome=\"delivered\",sink=\"file\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_outbox_pending{sink=\"file\"}")).isZero();
        assertThat(value(text, "quietwatch_rule_matches_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"}")).isEqualTo(1.0);
        assertThat(value(text, "quietwatch_rule_events_total{file=\"http-tunnel.epl\",rule=\"http-tunnel-closed\"}")).isPositive();
        assertThat(value(text, "quietwatch_engine_clock_lag_seconds")).isBetween(-5.0, 5.0);
        assertThat(value(text, "process_uptime_seconds")).isPositive();
        assertThat(text).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ");
        // tags name inputs, rules, sinks and detections; never a host, a sender or a destination
        assertThat(text).doesNotContain("10.1.2.3", "203.0.113.80", "198.51.100.1", "10.66.66.66", "127.0.0.1");

        HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.adminPort() + "/reload"))
                .header("Authorization", "Bearer " + token()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reload.statusCode()).isEqualTo(200);
        HttpResponse<String> om = get("/metrics", token(), "application/openmetrics-text;version=1.0.0,text/plain;q=0.5");
        assertThat(om.headers().firstValue("Content-Type")).hasValue(QuietWatchMetrics.OPENMETRICS);
        assertThat(om.body()).endsWith("# EOF\n");
        assertThat(value(om.body(), "quietwatch_rule_reloads_total{outcome=\"unchanged\"}")).isEqualTo(1.0);
    }

    @Test
    void metricsOpenLetsPrometheusScrapeWithoutTheTokenAndNothingElse() throws Exception {
        start(true);
        HttpResponse<String> r = get("/metrics", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("quietwatch_input_received_total{input=\"udp-in\",protocol=\"udp\"} 0.0");
        assertThat(get("/stats", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/status", null, null).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.adminPort() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
}
