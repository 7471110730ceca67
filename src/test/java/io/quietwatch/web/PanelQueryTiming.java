package io.quietwatch.web;

import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the engine panels' queries cost on a day of traffic: replays a log file (e.g. loadgen's day-long
 * output) through all shipped rules, then times each panel's queries on the engine thread, as the
 * dashboard runs them. Arguments: {@code LOG_FILE [runs=20]}. Prints, per panel, the median and the slowest
 * run in milliseconds and the rows returned.
 */
public final class PanelQueryTiming {
    private PanelQueryTiming() {
    }

    /** One panel's work. */
    private interface Panel {
        Object read() throws EngineQueries.QueryException;
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (RuleEngine engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, a -> { }, new ListStore(null, "lists"))) {
            RuleEngine.LoadProblems problems = engine.load(Path.of("epl-rules"), "epl-rules", Map.of());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.toString());
            }
            LineParser parser = LineParser.forFormat("auto", ParseContext.defaults());
            long lines = 0;
            long t0 = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (parser.parse(line) instanceof ParseResult.Parsed p) {
                        engine.send(p.event());
                    }
                    lines++;
                }
            }
            System.out.printf("replayed %,d lines in %.1f s; engine time %s%n", lines, (System.nanoTime() - t0) / 1e9,
                    java.time.Instant.ofEpochMilli(engine.currentTime()));
            EngineQueries queries = new EngineQueries(engine, new EngineQueries.PipelineExecutor() {
                @Override
                public <T> CompletableFuture<T> submit(java.util.function.Supplier<T> task) {
                    return CompletableFuture.completedFuture(task.get());
                }
            }, 60_000);
            time("uncommon-ports", runs, () -> new UncommonPortsPanel(queries).ports().get("ports"));
            time("http-tunnels", runs, () -> new TunnelPanel(queries).tunnels(60));
            for (String table : List.of("HttpTunnelOpen", "HttpTunnelDaily", "HttpTunnelClosed", "UncommonPortUsage", "NatDeviceFamily",
                    "ScanTrendSeries")) {
                time("count " + table, 3, () -> queries.query("select count(*) as n from " + table, Map.of(), 1).rows());
            }
            time("nat-suspects", runs, () -> new NatPanel(queries, null).suspects().get("suspects"));
            time("scan-trend", runs, () -> new ScanTrendPanel(queries).observation().get("ranks"));
        }
    }

    private static void time(String name, int runs, Panel panel) throws EngineQueries.QueryException {
        List<Double> ms = new ArrayList<>();
        Object result = null;
        for (int i = 0; i < runs + 3; i++) {
            long t = System.nanoTime();
            result = panel.read();
            if (i >= 3) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(ms);
        int rows = result instanceof List<?> l ? l.size()
                : result instanceof Map<?, ?> m ? m.values().stream().mapToInt(v -> v instanceof List<?> l2 ? l2.size() : 0).sum() : -1;
        if (name.startsWith("count ")) {
            System.out.printf("%-30s %s%n", name, result);
            return;
        }
        System.out.printf("%-15s median %8.2f ms   slowest %8.2f ms   rows %d%n", name, ms.get(ms.size() / 2), ms.get(ms.size() - 1), rows);
    }
}
