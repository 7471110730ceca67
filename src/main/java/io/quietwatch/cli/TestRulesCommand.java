package io.quietwatch.cli;

import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.QuietWatchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code test-rules [DIR]}: runs the rule fixtures and prints pass/fail per case, with a diff when it fails. */
@Command(name = "test-rules", description = "Run the rule fixtures (epl-rules/tests/) and report pass/fail per case.")
final class TestRulesCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "Rules folder (default: rules_dir of the config).")
    Path rules;
    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Fixtures folder (default: <rules>/tests).")
    Path tests;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConfigLoader.Result r = config.load(spec.commandLine().getErr());
        QuietWatchConfig c = r.ok() ? r.config() : QuietWatchConfig.defaults();
        Path rulesDir = rules != null ? rules : Home.get().resolve(c.rulesDir());
        Path testsDir = tests != null ? tests : rulesDir.resolve("tests");
        RuleFixtures fixtures = new RuleFixtures(rulesDir, rules != null ? rules.toString() : c.rulesDir());
        List<Path> cases = RuleFixtures.cases(testsDir);
        if (cases.isEmpty()) {
            spec.commandLine().getErr().println("no rule fixtures (*.log with *.expected) under " + testsDir);
            return Main.EXIT_INVALID;
        }
        int failed = 0;
        for (Path log : cases) {
            RuleFixtures.CaseResult result = fixtures.run(log);
            out.println((result.passed() ? "PASS " : "FAIL ") + result.name());
            if (!result.passed()) {
                failed++;
                result.report().forEach(line -> out.println("    " + line));
            }
            out.flush();
        }
        out.println(cases.size() - failed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
