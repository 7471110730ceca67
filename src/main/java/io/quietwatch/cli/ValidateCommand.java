package io.quietwatch.cli;

import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.list.ListStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code validate}: checks the configuration and every rule file the daemon would load, prints every
 * problem as {@code path:line:column: message}, and exits 2 if there is any.
 */
@Command(name = "validate", description = "Check config and rules; print every problem as path:line:column: message.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "Rules folder (default: rules_dir of the config).")
    Path rules;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader.Result r = config.load(err);
        int problems = r.problems().size();
        QuietWatchConfig c = r.ok() ? r.config() : QuietWatchConfig.defaults();
        Path rulesDir = rules != null ? rules : Home.get().resolve(c.rulesDir());
        String display = rules != null ? rules.toString() : c.rulesDir();
        int files;
        List<String> listProblems = new ListStore(Home.get().resolve(c.listsDir()), c.listsDir()).validate();
        listProblems.forEach(err::println);
        problems += listProblems.size();
        try (RuleEngine engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, a -> { })) {
            RuleEngine.LoadProblems p = engine.load(rulesDir, display, r.ok() ? c.ruleVariables() : java.util.Map.of());
            p.rules().forEach(err::println);
            p.variables().forEach(v -> err.println(r.problemAt("/rule_variables/" + variableName(v), v)));
            problems += p.rules().size() + p.variables().size();
            files = engine.rules().size();
        }
        err.flush();
        if (problems > 0) {
            err.println(problems + (problems == 1 ? " problem" : " problems"));
            return Main.EXIT_INVALID;
        }
        spec.commandLine().getOut().println("OK: configuration, " + files + " rule files and the lists are valid");
        return 0;
    }

    /** "rule_variables.x: ..." gives x. */
    private static String variableName(String message) {
        int dot = message.indexOf('.');
        int colon = message.indexOf(':');
        return dot >= 0 && colon > dot ? message.substring(dot + 1, colon) : "";
    }
}
