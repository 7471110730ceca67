package io.quietwatch.daemon;

import io.quietwatch.engine.ReloadPlan;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.RuleReload;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reloads the rules folder, one reload at a time, for the file watcher, {@code POST /reload} and
 * SIGHUP: compiles on the caller's thread, swaps on the pipeline thread (between two batches of
 * events), and remembers the last result for {@code status}.
 */
public final class RuleReloader {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(RuleReloader.class);

    private final RuleEngine engine;
    private final Pipeline pipeline;
    private final Path dir;
    private final String displayDir;
    private final Map<String, Object> variables;
    private final Clock clock;
    private volatile Report last;

    /**
     * One reload's result.
     *
     * @param at      when it finished, epoch millis
     * @param trigger what asked for it ({@code file change}, {@code admin}, {@code SIGHUP})
     * @param outcome what it did
     */
    public record Report(long at, String trigger, RuleReload.Outcome outcome) {
        /** True when the new rules run (or nothing had changed). */
        public boolean applied() {
            return outcome.result() != RuleReload.Result.REJECTED;
        }

        /** As JSON-ready maps. */
        public Map<String, Object> toMap() {
            ReloadPlan plan = outcome.plan();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", Instant.ofEpochMilli(at).toString());
            m.put("trigger", trigger);
            m.put("outcome", outcome.result().name().toLowerCase(java.util.Locale.ROOT));
            m.put("added", plan == null ? List.of() : plan.added());
            m.put("changed", plan == null ? List.of() : plan.changed());
            m.put("removed", plan == null ? List.of() : plan.removed());
            m.put("redeployed", plan == null ? List.of() : plan.deploy());
            m.put("errors", outcome.errors());
            return m;
        }
    }

    public RuleReloader(RuleEngine engine, Pipeline pipeline, Path dir, String displayDir, Map<String, Object> variables,
                        Clock clock) {
        this.engine = engine;
        this.pipeline = pipeline;
        this.dir = dir;
        this.displayDir = displayDir;
        this.variables = variables;
        this.clock = clock;
    }

    /** Compiles what changed and swaps it in; waits for the swap. */
    public synchronized Report reload(String trigger) {
        RuleReload.Outcome outcome;
        try {
            RuleReload.Prepared prepared = engine.prepareReload(dir, displayDir, variables);
            outcome = pipeline.submit(() -> engine.applyReload(prepared)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            LOG.error("Rule reload ({}) failed", trigger, e.getCause());
            outcome = failed("the reload failed: " + e.getCause());
        } catch (TimeoutException e) {
            outcome = failed("the pipeline did not take the reload within 30 seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = failed("interrupted");
        } catch (RuntimeException e) {
            LOG.error("Rule reload ({}) failed", trigger, e);
            outcome = failed("the reload failed: " + e);
        }
        Report r = new Report(clock.millis(), trigger, outcome);
        last = r;
        return r;
    }

    private static RuleReload.Outcome failed(String why) {
        return new RuleReload.Outcome(RuleReload.Result.REJECTED, null, List.of(why));
    }

    /** The last reload, or null before the first. */
    public Report last() {
        return last;
    }
}
