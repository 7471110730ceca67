package io.quietwatch.bench;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.outbox.Outbox;
import io.quietwatch.alert.outbox.Routes;
import io.quietwatch.config.OutboxConfig;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alerts through the outbox: appended, written and fsync'd, and handed to a sink that takes them at
 * once. One operation = one alert with one evidence event, as the shipped rules raise them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutboxBenchmark {
    private static final int BATCH = 10_000;
    private Path dir;
    private Outbox outbox;
    private final AtomicLong delivered = new AtomicLong();
    private Alert[] alerts;
    private long sent;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("qw-outbox-bench");
        AlertSink sink = new AlertSink() {
            @Override
            public String name() {
                return "null";
            }

            @Override
            public void start() {
            }

            @Override
            public Delivery deliver(Alert alert) {
                delivered.incrementAndGet();
                return Delivery.delivered(0);
            }

            @Override
            public void close() {
            }
        };
        outbox = new Outbox(dir, OutboxConfig.defaults(), List.of(sink), new Routes(List.of(), List.of("null")), Clock.systemUTC());
        outbox.start();
        alerts = new Alert[1024];
        for (int i = 0; i < alerts.length; i++) {
            LogEvent e = LogEvent.builder().timestamp(1_764_000_000_000L + i).observerVendor("Cisco").observerProduct("ASA")
                    .category("network").phase("end").outcome("allowed").transport("tcp").sourceIp("10.0.0." + (i % 250))
                    .sourcePort(50000 + i).destinationIp("203.0.113.7").destinationPort(443).durationNanos(7_200_000_000_000L)
                    .networkBytes(123456L).connectionId(Integer.toString(i))
                    .original("<166>Nov 26 2026 10:00:00 fw1 : %ASA-6-302014: Teardown TCP connection " + i
                            + " for outside:203.0.113.7/443 to inside:10.0.0.5/51234 duration 2:00:00 bytes 123456 TCP FINs")
                    .build(InternalNetworks.defaults());
            alerts[i] = new Alert(String.format("%032x", i), "http-tunnel", "http-tunnel-closed", AlertSeverity.LOW,
                    "HTTP tunnel candidate: 10.0.0.5 -> 203.0.113.7:443 for 2h 0m", e.timestamp(), e.timestamp() - 7_200_000,
                    e.timestamp(), 1, e.hostIp(), null, "203.0.113.7", 443, "A TCP session stayed open for 2h 0m.",
                    List.of(e), Map.of("durationSeconds", 7200L));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        outbox.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Appends 10,000 alerts and waits until the sink has them all. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendAndDeliver() throws InterruptedException {
        for (int i = 0; i < BATCH; i++) {
            outbox.accept(alerts[(int) (sent++ % alerts.length)]);
        }
        while (delivered.get() < sent) {
            Thread.sleep(1);
        }
        return delivered.get();
    }
}
