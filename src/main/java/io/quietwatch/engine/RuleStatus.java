package io.quietwatch.engine;

import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPStatement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The rules part of {@code status}: each rule file with the version running and the version on disk
 * (short SHA-256 of the text), and each of its statements with events in, CPU time and alerts raised.
 */
public final class RuleStatus {
    private RuleStatus() {
    }

    /**
     * Builds the list; call on the engine thread.
     *
     * @param alerts alerts raised so far, by rule (statement name)
     */
    public static List<Map<String, Object>> of(RuleEngine engine, Path dir, String displayDir, ToLongFunction<String> alerts) {
        Map<String, String> onDisk = diskHashes(dir, displayDir);
        RuleMetrics metrics = engine.metrics();
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleFile f : engine.rules()) {
            String running = RuleHashes.of(f.text());
            String disk = onDisk.remove(f.displayPath());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.displayPath());
            m.put("module", f.moduleName());
            m.put("running_hash", running);
            m.put("disk_hash", disk);
            m.put("state", disk == null ? "deleted on disk" : disk.equals(running) ? "up to date" : "changed on disk");
            EPDeployment d = engine.ruleDeployments().get(f.displayPath());
            List<Map<String, Object>> statements = new ArrayList<>();
            for (EPStatement st : d == null ? new EPStatement[0] : d.getStatements()) {
                RuleMetrics.Totals t = metrics.of(d.getDeploymentId(), st.getName());
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", st.getName());
                s.put("events_in", t.eventsIn());
                s.put("cpu_millis", t.cpuNanos() / 1_000_000.0);
                s.put("matches", t.matches());
                s.put("alerts", alerts.applyAsLong(st.getName()));
                statements.add(s);
            }
            m.put("statements", statements);
            out.add(m);
        }
        onDisk.forEach((file, hash) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("running_hash", null);
            m.put("disk_hash", hash);
            m.put("state", "not running");
            m.put("statements", List.of());
            out.add(m);
        });
        return out;
    }

    /**
     * One running statement's figures, for metrics.
     *
     * @param file      the rule file's name ({@code http-tunnel.epl})
     * @param statement the statement's name (an alert's {@code rule})
     * @param totals    its events in, CPU time and matches since it was deployed
     */
    public record StatementTotals(String file, String statement, RuleMetrics.Totals totals) {
    }

    /** The figures of every statement of every running rule file; call on the engine thread. */
    public static List<StatementTotals> totals(RuleEngine engine) {
        RuleMetrics metrics = engine.metrics();
        List<StatementTotals> out = new ArrayList<>();
        for (RuleFile f : engine.rules()) {
            EPDeployment d = engine.ruleDeployments().get(f.displayPath());
            String file = Path.of(f.displayPath()).getFileName().toString();
            for (EPStatement st : d == null ? new EPStatement[0] : d.getStatements()) {
                out.add(new StatementTotals(file, st.getName(), metrics.of(d.getDeploymentId(), st.getName())));
            }
        }
        return out;
    }

    private static Map<String, String> diskHashes(Path dir, String displayDir) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".epl")).sorted().toList()) {
                try {
                    out.put(displayDir + "/" + p.getFileName(), RuleHashes.of(Files.readAllBytes(p)));
                } catch (IOException e) {
                    out.put(displayDir + "/" + p.getFileName(), "unreadable");
                }
            }
        } catch (IOException e) {
            // the folder is gone: every running file shows as deleted on disk
        }
        return out;
    }
}
