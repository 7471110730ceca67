package io.quietwatch.bench;

import io.quietwatch.engine.EngineState;
import io.quietwatch.engine.RoutedAlerts;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.state.Snapshot;
import io.quietwatch.state.SnapshotFile;
import io.quietwatch.state.StateKeeper;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a state snapshot costs after a long replay: replays a log file through the shipped rules (as
 * {@code replay} does), then copies the state five times as the daemon does, one rule file's tables per step (the
 * part that holds up the engine thread, the longest step being the longest pause), writes it
 * (the part on the snapshot thread), and reads and restores it into a fresh engine (a start).
 * Arguments: {@code LOG_FILE [SNAPSHOT_FILE=var/bench-snapshot.json.gz]}.
 */
public final class SnapshotCost {
    private SnapshotCost() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        SnapshotFile file = new SnapshotFile(Path.of(args.length > 1 ? args[1] : "var/bench-snapshot.json.gz"));
        RoutedAlerts routed = new RoutedAlerts(a -> { }, 24 * 3_600_000L);
        try (RuleEngine engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, routed)) {
            routed.attach(engine);
            engine.load(Path.of("epl-rules"), "epl-rules", Map.of());
            LineParser parser = LineParser.forFormat("auto", new ParseContext(ZoneOffset.UTC, Clock.systemUTC(), InternalNetworks.defaults()));
            long lines = 0;
            long t0 = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; lines++) {
                    if (parser.parse(line) instanceof ParseResult.Parsed p) {
                        engine.send(p.event());
                    }
                }
            }
            System.out.printf("replayed %d lines in %.1f s, engine time %s%n", lines, (System.nanoTime() - t0) / 1e9,
                    java.time.Instant.ofEpochMilli(engine.currentTime()));
            // as the daemon copies: one rule file's tables per step, then the rest
            StateKeeper.Capture capture = StateKeeper.of(engine, routed.router(), Clock.systemUTC());
            Snapshot s = null;
            for (int i = 0; i < 5; i++) {
                long c0 = System.nanoTime();
                LongestStep steps = new LongestStep();
                s = capture.take(steps);
                long c1 = System.nanoTime();
                long bytes = file.write(s);
                long c2 = System.nanoTime();
                System.out.printf("snapshot %d: %d rows (%d table rows in %d tables, %d active hosts, %d incidents), copy %.0f ms "
                                + "(longest step %.0f ms), write %.0f ms, %d bytes%n", i + 1, s.rows(), s.engine().rowCount(),
                        s.engine().tables().size(), s.engine().activeHosts().size(), s.router().incidents().size(), (c1 - c0) / 1e6,
                        steps.longest / 1e6, (c2 - c1) / 1e6, bytes);
            }
            for (EngineState.Table t : s.engine().tables()) {
                System.out.printf("  %-24s %d rows%n", t.name(), t.rows().size());
            }
        }
        RoutedAlerts fresh = new RoutedAlerts(a -> { }, 24 * 3_600_000L);
        try (RuleEngine engine = new RuleEngine(RuleEngine.Mode.LIVE, Clock.systemUTC(), 0, fresh)) {
            fresh.attach(engine);
            engine.load(Path.of("epl-rules"), "epl-rules", Map.of());
            engine.start(System.currentTimeMillis());
            long r0 = System.nanoTime();
            Snapshot s = file.read().orElseThrow();
            long r1 = System.nanoTime();
            engine.restoreState(s.engine());
            fresh.router().restore(s.router());
            long r2 = System.nanoTime();
            System.out.printf("restore: read %.0f ms, into the engine and router %.0f ms%n", (r1 - r0) / 1e6, (r2 - r1) / 1e6);
        }
    }

    /** Runs each part of a capture here and then, keeping the longest part's time in nanoseconds. */
    private static final class LongestStep implements StateKeeper.EngineThread {
        long longest;

        @Override
        public <T> T call(Supplier<T> part) {
            long p0 = System.nanoTime();
            T result = part.get();
            longest = Math.max(longest, System.nanoTime() - p0);
            return result;
        }
    }
}
