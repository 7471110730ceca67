package io.quietwatch.cli;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertJson;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.engine.BatchFeeder;
import io.quietwatch.engine.EventTracer;
import io.quietwatch.engine.RoutedAlerts;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.LogEvent;
import io.quietwatch.parse.LineParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code replay}: runs the rules over log files in event time and prints each alert as one JSON line
 * — the "does my rule work?" loop. The clock follows the lines' time stamps, so a day of logs replays
 * in seconds and gives the alerts living through that day would give. {@code --explain} and
 * {@code --trace} add human lines starting with {@code #} (see {@link ReplayExplainer}).
 */
@Command(name = "replay", description = "Run the rules over log files in event time; print alerts as JSON lines.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Mixin
    LineInput input;
    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "Rules folder (default: rules_dir of the config).")
    Path rules;
    @Option(names = "--all", description = "Print every alert the rules raise, without the router's folding of repeats.")
    boolean all;
    @Option(names = {"-q", "--quiet"}, description = "No summary on standard error.")
    boolean quiet;
    @Option(names = "--explain", description = "After each alert's JSON line, '#' lines with its detection, severity, title and evidence events (original line and key fields).")
    boolean explain;
    @Option(names = "--trace", paramLabel = "EVENT_FILTER",
            description = "For each event the EPL filter over LogEvent selects (e.g. \"hostIp = '10.1.2.3'\"), '#' lines naming the statements it reached and whether they produced output.")
    String trace;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader.Result r = config.load(err);
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        QuietWatchConfig c = r.config();
        Writer out = spec.commandLine().getOut();
        long[] alerts = new long[1];
        Consumer<Alert> print = a -> {
            alerts[0]++;
            try {
                out.write(AlertJson.toJson(a));
                out.write('\n');
                if (explain) {
                    writeLines(out, ReplayExplainer.explain(a));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        RoutedAlerts routed = new RoutedAlerts(print, c.engine().dedupeHours() * 3_600_000L);
        Path rulesDir = rules != null ? rules : Home.get().resolve(c.rulesDir());
        String display = rules != null ? rules.toString() : c.rulesDir();
        long lines = 0;
        long parsed = 0;
        long loadStart = System.nanoTime();
        long start = loadStart;
        ListStore lists = new ListStore(Home.get().resolve(c.listsDir()), c.listsDir());
        List<String> listProblems = lists.loadAll();
        if (!listProblems.isEmpty()) {
            listProblems.forEach(err::println);
            return Main.EXIT_INVALID;
        }
        try (RuleEngine engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, all ? print : routed, lists)) {
            routed.attach(engine);
            RuleEngine.LoadProblems problems = engine.load(rulesDir, display, c.ruleVariables());
            if (!problems.isEmpty()) {
                problems.rules().forEach(err::println);
                problems.variables().forEach(err::println);
                return Main.EXIT_INVALID;
            }
            Consumer<LogEvent> sink = engine::send;
            if (trace != null) {
                try {
                    sink = EventTracer.create(engine, trace, t -> writeLines(out, ReplayExplainer.trace(t)))::send;
                } catch (EventTracer.FilterException e) {
                    err.println("--trace: " + e.line() + ":" + e.column() + ": " + e.getMessage());
                    return Main.EXIT_INVALID;
                }
            }
            LineParser parser = input.parser(c);
            long[] counts = new long[1];
            start = System.nanoTime();
            // this thread reads; the feeder's workers parse, and its own thread runs the rules in input order
            try (BatchFeeder feeder = new BatchFeeder(parser::event, sink, BatchFeeder.defaultParsers(),
                    "quietwatch-replay-engine")) {
                input.forEachLine(line -> {
                    counts[0]++;
                    feeder.add(line);
                });
                feeder.close();
                parsed = feeder.parsed();
            }
            lines = counts[0];
        } finally {
            out.flush();
        }
        double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        if (!quiet) {
            err.printf("replayed %d lines (%d parsed, %d unparsed) in %.2f s, %.0f lines/s (rules loaded in %.1f s); %d alerts%n",
                    lines, parsed, lines - parsed, secs, lines / secs, (start - loadStart) / 1e9, alerts[0]);
        }
        return 0;
    }

    private static void writeLines(Writer out, List<String> lines) {
        try {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
