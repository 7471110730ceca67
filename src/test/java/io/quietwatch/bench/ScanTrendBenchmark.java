package io.quietwatch.bench;

import io.quietwatch.cli.SyntheticTraffic;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.scantrend.DistinctCounter;
import io.quietwatch.engine.scantrend.HourTally;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParserRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the scan-trend rule costs: the shipped rules on the load generator's mix (30 % of it denied
 * inbound packets, 50 events per second of event time, so an hour closes every 180,000 events) with
 * and without epl-rules/scan-trend.epl; and the tally's own work per event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScanTrendBenchmark {
    private static final int LINES = 8192;

    static LogEvent[] mix(long base) {
        SyntheticTraffic traffic = new SyntheticTraffic(LINES, 7);
        byte[] buf = new byte[traffic.maxLength()];
        LineParser parser = new LineParser(ParserRegistry.forFormat("auto"),
                new ParseContext(ZoneOffset.UTC, Clock.systemUTC(), InternalNetworks.defaults()));
        LogEvent[] events = new LogEvent[LINES];
        for (int i = 0; i < LINES; i++) {
            int len = traffic.message(i, base, buf);
            events[i] = parser.event(new String(buf, 0, len, StandardCharsets.US_ASCII));
        }
        return events;
    }

    /** The shipped rules, with or without scan-trend.epl. */
    @State(Scope.Thread)
    public static class Engine {
        @Param({"without", "with"})
        public String scanTrend;
        LogEvent[] events;
        RuleEngine engine;
        Path rules;
        long base;
        long n;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            base = System.currentTimeMillis() - 86_400_000L;
            events = mix(base);
            rules = Files.createTempDirectory("scan-trend-bench");
            try (Stream<Path> files = Files.list(Path.of("epl-rules"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".epl")).toList()) {
                    if (scanTrend.equals("with") || !f.getFileName().toString().equals("scan-trend.epl")) {
                        Files.copy(f, rules.resolve(f.getFileName()));
                    }
                }
            }
            engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, a -> { });
            RuleEngine.LoadProblems problems = engine.load(rules, "rules", Map.of());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.toString());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            engine.close();
            try (Stream<Path> files = Files.list(rules)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(rules);
        }
    }

    /** An hour tally and a distinct counter fed with the mix. */
    @State(Scope.Thread)
    public static class Tally {
        LogEvent[] events;
        HourTally tally = new HourTally();
        DistinctCounter counter = new DistinctCounter();
        long n;

        @Setup(Level.Trial)
        public void setUp() {
            events = mix(System.currentTimeMillis());
        }
    }

    /** One event of the mix through the shipped rules. */
    @Benchmark
    public void engineSend(Engine s, Blackhole bh) {
        LogEvent e = s.events[(int) (s.n % LINES)];
        long t = s.base + s.n * 20;
        s.n++;
        s.engine.send(e.withTimestamp(t));
        bh.consume(s.engine.currentTime());
    }

    /** One event of the mix into an hour tally (every event, denied or not: the tally's own cost). */
    @Benchmark
    public void tallyAdd(Tally s) {
        s.tally.add(s.events[(int) (s.n++ % LINES)]);
    }

    /** One source address into a distinct counter (sketch mode after the first 128). */
    @Benchmark
    public long distinctAdd(Tally s) {
        s.counter.add(s.events[(int) (s.n++ % LINES)].sourceIp());
        return s.n;
    }
}
