package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertJson;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.engine.RoutedAlerts;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.ingest.LogFileReader;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.parse.ParserRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rule fixtures under {@code epl-rules/tests/}: one folder per detection, in it one or more cases,
 * each an input log {@code <case>.log} and the alerts it must raise, {@code <case>.expected} (one JSON
 * object per line, each a subset of the alert it matches, in order; an empty file means "no alert").
 * A folder may hold a {@code config.yaml} (rule_variables, internal_networks, the first input's
 * default_timezone; default zone UTC) and a {@code lists/} folder with list files for its cases.
 * Each case is replayed through the rules and the same alert router as the daemon.
 */
public final class RuleFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one case. */
    public record CaseResult(String name, boolean passed, List<String> report) {
    }

    private final Path rulesDir;
    private final String displayRules;

    public RuleFixtures(Path rulesDir, String displayRules) {
        this.rulesDir = rulesDir;
        this.displayRules = displayRules;
    }

    /** Every case under {@code testsDir}, sorted by folder and name. */
    public static List<Path> cases(Path testsDir) throws IOException {
        if (!Files.isDirectory(testsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(testsDir, 2)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** Runs one case: {@code log} and the {@code .expected} file beside it. */
    public CaseResult run(Path log) throws IOException {
        Path folder = log.getParent();
        String name = folder.getFileName() + "/" + log.getFileName().toString().replaceFirst("\\.log$", "");
        Path expectedFile = folder.resolve(log.getFileName().toString().replaceFirst("\\.log$", ".expected"));
        List<String> report = new ArrayList<>();
        if (!Files.exists(expectedFile)) {
            return new CaseResult(name, false, List.of("no " + expectedFile.getFileName() + " beside the log"));
        }
        List<JsonNode> expected = new ArrayList<>();
        for (String line : Files.readAllLines(expectedFile)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                expected.add(JSON.readTree(line));
            }
        }
        QuietWatchConfig config = QuietWatchConfig.defaults();
        Path configFile = folder.resolve("config.yaml");
        if (Files.exists(configFile)) {
            ConfigLoader.Result r = new ConfigLoader(ParserRegistry.names()).load(configFile, configFile.toString());
            if (!r.ok()) {
                r.problems().forEach(p -> report.add(p.toString()));
                return new CaseResult(name, false, report);
            }
            config = r.config();
        }
        List<JsonNode> actual = replay(log, folder, config, report);
        if (actual == null) {
            return new CaseResult(name, false, report);
        }
        boolean ok = compare(expected, actual, report);
        return new CaseResult(name, ok, report);
    }

    private List<JsonNode> replay(Path log, Path folder, QuietWatchConfig config, List<String> report) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        RoutedAlerts routed = new RoutedAlerts(a -> collect(a, out), config.engine().dedupeHours() * 3_600_000L);
        ListStore lists = new ListStore(Files.isDirectory(folder.resolve("lists")) ? folder.resolve("lists") : null, "lists");
        List<String> listProblems = lists.loadAll();
        if (!listProblems.isEmpty()) {
            report.addAll(listProblems);
            return null;
        }
        try (RuleEngine engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, routed, lists)) {
            routed.attach(engine);
            RuleEngine.LoadProblems problems = engine.load(rulesDir, displayRules, config.ruleVariables());
            if (!problems.isEmpty()) {
                problems.rules().forEach(p -> report.add(p.toString()));
                report.addAll(problems.variables());
                return null;
            }
            String tz = config.inputs().isEmpty() ? null : config.inputs().get(0).defaultTimezone();
            ZoneId zone = tz == null ? ZoneId.of("UTC") : ZoneId.of(tz);
            LineParser parser = new LineParser(ParserRegistry.forFormat("auto"),
                    new ParseContext(zone, Clock.systemUTC(), InternalNetworks.of(config.internalNetworks())));
            try (LogFileReader in = new LogFileReader(Files.newInputStream(log))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank() && parser.parse(line) instanceof ParseResult.Parsed p) {
                        engine.send(p.event());
                    }
                }
            }
        }
        return out;
    }

    private static void collect(Alert a, List<JsonNode> out) {
        try {
            out.add(JSON.readTree(AlertJson.toJson(a)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in order; each expected object must be a subset of the actual alert at its position. */
    static boolean compare(List<JsonNode> expected, List<JsonNode> actual, List<String> report) {
        boolean ok = expected.size() == actual.size();
        if (!ok) {
            report.add("expected " + expected.size() + " alert(s), got " + actual.size());
        }
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            JsonNode want = i < expected.size() ? expected.get(i) : null;
            JsonNode got = i < actual.size() ? actual.get(i) : null;
            if (want != null && got != null && subset(want, got)) {
                continue;
            }
            ok = false;
            report.add("alert " + (i + 1) + ":");
            report.add("  - expected " + (want == null ? "(none)" : want.toString()));
            report.add("  + actual   " + (got == null ? "(none)" : summary(got, want)));
        }
        return ok;
    }

    static boolean subset(JsonNode want, JsonNode got) {
        if (want.isObject()) {
            if (!got.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = want.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!got.has(f.getKey()) || !subset(f.getValue(), got.get(f.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            if (!got.isArray() || got.size() < want.size()) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                if (!subset(want.get(i), got.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isNumber() && got.isNumber()) {
            return want.decimalValue().compareTo(got.decimalValue()) == 0;
        }
        return want.asText().equals(got.asText()) && want.isNull() == got.isNull();
    }

    /** The actual alert without evidence (and only the expected keys plus the main ones, when given). */
    private static String summary(JsonNode got, JsonNode want) {
        var copy = got.deepCopy();
        if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove("evidence");
            o.remove("id");
            if (want != null) {
                List<String> keep = new ArrayList<>(List.of("detection", "rule", "severity", "host", "destination", "@timestamp"));
                want.fieldNames().forEachRemaining(keep::add);
                o.retain(keep);
            }
        }
        return copy.toString();
    }
}
