package io.quietwatch.engine;

import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.metric.StatementMetric;
import com.espertech.esper.runtime.client.EPRuntime;

import java.util.HashMap;
import java.util.Map;

/**
 * Events in and CPU time per statement, read from Esper's statement metrics. Esper resets its figures
 * when it reports them, which only {@code advanceTime} triggers; the engine moves its clock with
 * {@code advanceTimeSpan}, so the figures add up from the statement's deployment.
 */
public final class RuleMetrics {
    static final RuleMetrics NONE = new RuleMetrics(Map.of());

    /**
     * One statement's totals.
     *
     * @param eventsIn events the statement processed
     * @param cpuNanos CPU time spent in it
     * @param matches  rows it output to its listeners (insert and remove stream): its matches
     */
    public record Totals(long eventsIn, long cpuNanos, long matches) {
    }

    private final Map<String, Totals> totals;

    private RuleMetrics(Map<String, Totals> totals) {
        this.totals = totals;
    }

    /** Turns on statement metrics (CPU and wall time, events in) for every statement. */
    static Configuration enable(Configuration c) {
        var m = c.getRuntime().getMetricsReporting();
        m.setEnableMetricsReporting(true);
        m.setThreading(false);
        m.setStatementInterval(86_400_000L);
        m.setRuntimeInterval(86_400_000L);
        return c;
    }

    /** The current figures of every statement (call on the engine thread). */
    static RuleMetrics read(EPRuntime runtime) {
        Map<String, Totals> out = new HashMap<>();
        runtime.getMetricsService().iterateStatementGroups(g -> g.iterateStatements(s -> {
            StatementMetric m = s.getMetric();
            out.put(key(m.getDeploymentId(), m.getStatementName()), new Totals(m.getNumInput(), m.getCpuTime(),
                    m.getNumOutputIStream() + m.getNumOutputRStream()));
        }));
        return new RuleMetrics(out);
    }

    /** The totals of one statement of one deployment (zero when it has none). */
    public Totals of(String deploymentId, String statementName) {
        return totals.getOrDefault(key(deploymentId, statementName), new Totals(0, 0, 0));
    }

    private static String key(String deploymentId, String statementName) {
        return deploymentId + "\u0000" + statementName;
    }
}
