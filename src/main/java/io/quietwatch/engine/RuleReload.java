package io.quietwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPDeploymentDependencyProvided;
import com.espertech.esper.runtime.client.EPDeploymentService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hot reload of the rules folder in two steps: {@link RuleEngine#prepareReload} reads the folder,
 * works out a {@link ReloadPlan} and compiles the files it names against the modules that keep running
 * (on any thread); {@link RuleEngine#applyReload} swaps them in on the engine thread. Any problem — a file
 * that does not parse or compile, a cycle of {@code uses}, a {@code rule_variables} value that no longer
 * fits — rejects the whole reload and the running rules stay as they were.
 */
public final class RuleReload {
    private static final Logger LOG = LogManager.getLogger(RuleReload.class);

    private RuleReload() {
    }

    /** How a reload ended. */
    public enum Result { APPLIED, UNCHANGED, REJECTED }

    /**
     * What a reload did.
     *
     * @param result     applied, nothing to do, or rejected
     * @param plan       the files added, changed, removed and redeployed (also when rejected: what would have been)
     * @param errors     why it was rejected, each {@code path:line:column: message} where a file is to blame
     */
    public record Outcome(Result result, ReloadPlan plan, List<String> errors) {
    }

    /** A reload compiled and ready to swap in; see {@link RuleEngine#prepareReload}. */
    public static final class Prepared {
        private final List<RuleFile> basedOn;
        private final ReloadPlan plan;
        private final List<RuleFile> deploy;
        private final List<RuleFile> running;
        private final Map<String, Object> values;
        private final List<String> errors;

        private Prepared(List<RuleFile> basedOn, ReloadPlan plan, List<RuleFile> deploy, List<RuleFile> running,
                         Map<String, Object> values, List<String> errors) {
            this.basedOn = basedOn;
            this.plan = plan;
            this.deploy = deploy;
            this.running = running;
            this.values = values;
            this.errors = errors;
        }

        /** The problems found; a reload with any is rejected. */
        public List<String> errors() {
            return errors;
        }

        /** What would change. */
        public ReloadPlan plan() {
            return plan;
        }
    }

    static Prepared prepare(RuleEngine engine, RuleCompiler compiler, Path dir, String displayDir, Map<String, Object> variables) {
        RuleCompiler.Scan scan = compiler.scan(dir, displayDir);
        List<RuleProblem> problems = new ArrayList<>(scan.problems());
        List<RuleFile> basedOn = engine.rules();
        Map<String, RuleFile> runningByFile = new HashMap<>();
        basedOn.forEach(f -> runningByFile.put(f.displayPath(), f));
        ReloadPlan plan = ReloadPlan.of(
                basedOn.stream().map(f -> new ReloadPlan.Version(f.displayPath(), RuleHashes.of(f.text()))).toList(),
                consumers(engine.runtime().getDeploymentService(), engine.ruleDeployments()),
                scan.ordered().stream().map(p -> new ReloadPlan.Version(p.display(), RuleHashes.of(p.text()))).toList());

        List<EPCompiled> path = new ArrayList<>();
        path.add(engine.systemModule().compiled());
        Map<String, String> declared = new HashMap<>(engine.systemVariables());
        for (RuleFile f : basedOn) {
            if (!plan.undeploy().contains(f.displayPath())) {
                path.add(f.compiled());
                declared.putAll(f.variables());
            }
        }
        Map<String, RuleFile> compiled = new HashMap<>();
        for (RuleCompiler.Parsed p : scan.ordered()) {
            if (plan.deploy().contains(p.display())) {
                RuleFile f = compiler.compile(p, path, problems);
                if (f != null) {
                    compiled.put(f.displayPath(), f);
                    path.add(f.compiled());
                    declared.putAll(f.variables());
                }
            }
        }
        List<String> errors = new ArrayList<>();
        problems.forEach(p -> errors.add(p.toString()));
        Map<String, Object> values = RuleVariables.convert(declared, variables == null ? Map.of() : variables, errors);
        List<RuleFile> deploy = plan.deploy().stream().map(compiled::get).filter(f -> f != null).toList();
        List<RuleFile> running = scan.ordered().stream()
                .map(p -> compiled.getOrDefault(p.display(), runningByFile.get(p.display())))
                .filter(f -> f != null).toList();
        return new Prepared(basedOn, plan, deploy, running, values, List.copyOf(errors));
    }

    /** For each running file, the running files that consume something it provides. */
    private static Map<String, Set<String>> consumers(EPDeploymentService service, Map<String, EPDeployment> deployed) {
        Map<String, String> fileOf = new HashMap<>();
        deployed.forEach((file, d) -> fileOf.put(d.getDeploymentId(), file));
        Map<String, Set<String>> out = new HashMap<>();
        deployed.forEach((file, d) -> {
            EPDeploymentDependencyProvided provided = service.getDeploymentDependenciesProvided(d.getDeploymentId());
            Set<String> users = new HashSet<>();
            if (provided != null) {
                for (EPDeploymentDependencyProvided.Item item : provided.getDependencies()) {
                    item.getDeploymentIds().stream().map(fileOf::get).filter(f -> f != null).forEach(users::add);
                }
            }
            out.put(file, users);
        });
        return out;
    }

    static Outcome apply(RuleEngine engine, Prepared p) {
        if (!p.errors.isEmpty()) {
            return new Outcome(Result.REJECTED, p.plan, p.errors);
        }
        if (engine.rules() != p.basedOn) {
            return new Outcome(Result.REJECTED, p.plan, List.of("the running rules changed while this reload was compiled; reload again"));
        }
        if (p.plan.isEmpty()) {
            return new Outcome(Result.UNCHANGED, p.plan, List.of());
        }
        try {
            engine.swap(p.plan.undeploy(), p.deploy, p.running, p.values);
        } catch (EPDeployException | com.espertech.esper.runtime.client.EPUndeployException e) {
            return new Outcome(Result.REJECTED, p.plan, List.of("deploying failed, the previous versions run again: " + e.getMessage()));
        }
        LOG.info("Rules reloaded: added {}, changed {}, removed {}, redeployed {}", p.plan.added(), p.plan.changed(),
                p.plan.removed(), p.plan.deploy());
        return new Outcome(Result.APPLIED, p.plan, List.of());
    }
}
