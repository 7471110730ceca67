package io.quietwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.metric.StatementMetric;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPRuntime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events in and CPU time per statement, from the statement metrics Esper reports every
 * {@link #INTERVAL_MILLIS} of engine time. Esper's figures are per interval; this sums them per
 * deployment and statement, so a redeployed rule starts from zero. Read from any thread.
 */
public final class RuleMetrics {
    static final long INTERVAL_MILLIS = 1000;

    /**
     * One statement's totals.
     *
     * @param eventsIn events the statement processed
     * @param cpuNanos CPU time spent in it
     */
    public record Totals(long eventsIn, long cpuNanos) {
        Totals plus(StatementMetric m) {
            return new Totals(eventsIn + m.getNumInput(), cpuNanos + m.getCpuTime());
        }
    }

    private final Map<String, Totals> totals = new ConcurrentHashMap<>();

    /** Turns on statement metrics, reported on the engine thread as engine time passes. */
    static Configuration enable(Configuration c) {
        var m = c.getRuntime().getMetricsReporting();
        m.setEnableMetricsReporting(true);
        m.setThreading(false);
        m.setStatementInterval(INTERVAL_MILLIS);
        m.setRuntimeInterval(60_000);
        return c;
    }

    /** Deploys the statement that listens to the metrics. */
    void deploy(EPRuntime runtime, Configuration configuration) {
        try {
            EPCompiled compiled = EPCompilerProvider.getCompiler().compile(
                    "@Name('qw-statement-metrics') select * from " + StatementMetric.class.getName(), new CompilerArguments(configuration));
            runtime.getDeploymentService().deploy(compiled).getStatements()[0].addListener((in, old, st, rt) -> {
                for (var b : in) {
                    StatementMetric m = (StatementMetric) b.getUnderlying();
                    totals.merge(key(m.getDeploymentId(), m.getStatementName()), new Totals(0, 0).plus(m),
                            (a, ignored) -> a.plus(m));
                }
            });
        } catch (EPCompileException | EPDeployException e) {
            throw new IllegalStateException("the statement metrics listener does not deploy: " + e.getMessage(), e);
        }
    }

    /** The totals of one statement of one deployment (zero when none were reported yet). */
    public Totals of(String deploymentId, String statementName) {
        return totals.getOrDefault(key(deploymentId, statementName), new Totals(0, 0));
    }

    private static String key(String deploymentId, String statementName) {
        return deploymentId + "\u0000" + statementName;
    }
}
