package io.quietwatch.bench;

import io.quietwatch.cli.SyntheticTraffic;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.event.LogEvent;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParserRegistry;
import io.quietwatch.event.InternalNetworks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stages after the socket, one message at a time: parsing a realistic ASA + netfilter mix
 * (header and vendor message, format auto), and the rule engine with the shipped rules on the
 * parsed events (event time advancing 20 ms per event, i.e. 50 events per second of event time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
    private static final int LINES = 8192;
    private String[] lines;
    private LogEvent[] events;
    private LineParser parser;
    private RuleEngine engine;
    private long n;
    private long base;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticTraffic traffic = new SyntheticTraffic(LINES, 7);
        byte[] buf = new byte[traffic.maxLength()];
        base = System.currentTimeMillis() - 86_400_000L;
        parser = new LineParser(ParserRegistry.forFormat("auto"),
                new ParseContext(ZoneOffset.UTC, Clock.systemUTC(), InternalNetworks.defaults()));
        lines = new String[LINES];
        List<LogEvent> parsed = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            int len = traffic.message(i, base, buf);
            lines[i] = new String(buf, 0, len, StandardCharsets.US_ASCII);
            LogEvent e = parser.event(lines[i]);
            if (e == null) {
                throw new IllegalStateException("benchmark line does not parse: " + lines[i]);
            }
            parsed.add(e);
        }
        events = parsed.toArray(LogEvent[]::new);
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, a -> { });
        RuleEngine.LoadProblems problems = engine.load(Path.of("epl-rules"), "epl-rules", Map.of());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Header + vendor parse of one line, format auto. */
    @Benchmark
    public Object parseLine() {
        return parser.parse(lines[(int) (n++ % LINES)]);
    }

    /** One event through the shipped rules. */
    @Benchmark
    public void engineSend(Blackhole bh) {
        LogEvent e = events[(int) (n % LINES)];
        long t = base + n * 20;
        n++;
        engine.send(e.withTimestamp(t));
        bh.consume(engine.currentTime());
    }
}
