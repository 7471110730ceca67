package io.quietwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.EventType;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.common.internal.context.util.EPStatementHandle;
import com.espertech.esper.common.internal.context.util.EPStatementHandleCallbackFilter;
import com.espertech.esper.common.internal.epl.enummethod.cache.ExpressionResultCacheService;
import com.espertech.esper.common.internal.epl.expression.core.ExprEvaluatorContext;
import com.espertech.esper.common.internal.filtersvc.FilterHandle;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPDeploymentService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPStatement;
import com.espertech.esper.runtime.client.UpdateListener;
import com.espertech.esper.runtime.internal.kernel.service.EPEventServiceExprEvaluatorContext;
import com.espertech.esper.runtime.internal.kernel.service.EPRuntimeSPI;
import com.espertech.esper.runtime.internal.kernel.service.EPServicesContext;
import io.quietwatch.event.LogEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows selected events through the deployed rules ({@code replay --trace}). The selection is an EPL
 * filter over {@code LogEvent}, compiled by Esper as {@code select * from LogEvent(<filter>)}, so its
 * syntax is the rules' own.
 *
 * <p>For each event sent through {@link #send(LogEvent)}, before the engine processes it, Esper's filter
 * service is asked which filters accept it (the same evaluation the runtime does, without processing).
 * When the trace statement's filter is among them, the other statements whose filters accepted the event
 * are recorded as <em>reached</em>; then the event is processed with a listener on every statement, and
 * every statement that produced output meanwhile is recorded — including statements fed by another
 * statement's {@code insert into}, a table or an alert, which the event reached only indirectly. Timers
 * due at the event's time stamp fire before recording starts, so their output is not counted.
 *
 * <p>The filter service is internal Esper API (9.0.0). Statements that receive events other than
 * through a filter — named-window consumers, subqueries' and patterns' later stages — show only when
 * they produce output. Every statement gets a listener, so a traced replay is slower than a plain one.
 */
public final class EventTracer {
    private static final String TRACE_NAME = "qw-trace";
    private static final String PREFIX = "@Name('" + TRACE_NAME + "') select * from LogEvent(";

    /**
     * One statement a traced event reached.
     *
     * @param module        the module (rule file) name
     * @param name          the statement's {@code @Name}, or null when it has none
     * @param epl           the statement text, for statements without a name
     * @param matchedFilter whether the event itself passed the statement's filter
     * @param output        whether the statement produced output while the event was processed
     * @param detection     the statement's {@code @Detection} id (its output is an alert), or null
     */
    public record Hit(String module, String name, String epl, boolean matchedFilter, boolean output, String detection) {
    }

    /** A traced event and the statements it reached, in the order Esper reported them. */
    public record Trace(LogEvent event, List<Hit> hits) {
    }

    /** A filter that does not compile; line and column are counted in the filter text (1-based). */
    public static final class FilterException extends Exception {
        private final int line;
        private final int column;

        FilterException(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private final RuleEngine engine;
    private final EPCompiled filter;
    private final Consumer<Trace> out;
    private final Set<EPStatement> outputs = new LinkedHashSet<>();
    private EPServicesContext services;
    private ExprEvaluatorContext context;
    private EventType logEventType;
    private EPStatement traceStatement;
    private boolean recording;

    private EventTracer(RuleEngine engine, EPCompiled filter, Consumer<Trace> out) {
        this.engine = engine;
        this.filter = filter;
        this.out = out;
    }

    /**
     * Compiles {@code filterExpression} against the engine's configuration and loaded system module.
     *
     * @throws FilterException when it does not compile, with its position in the filter text
     */
    public static EventTracer create(RuleEngine engine, String filterExpression, Consumer<Trace> out) throws FilterException {
        String epl = PREFIX + filterExpression + ")";
        CompilerArguments args = new CompilerArguments(RuleEngine.configuration());
        args.getPath().add(engine.runtime().getRuntimePath());
        try {
            return new EventTracer(engine, EPCompilerProvider.getCompiler().compile(epl, args), out);
        } catch (EPCompileException e) {
            String message = e.getItems() == null || e.getItems().isEmpty() ? e.getMessage() : RuleCompiler.messageOf(e.getItems().get(0));
            ModuleItem item = new ModuleItem(epl, false, 1, 0, epl.length(), 1, 1, 1);
            int[] at = CompilePositions.locate(epl, item, message);
            int column = at[0] == 1 ? Math.max(1, at[1] - PREFIX.length()) : at[1];
            // the position Esper gives is in the wrapped statement; the caller shows the filter's own
            throw new FilterException(at[0], column, message.replaceFirst(" at line \\d+ column \\d+", ""));
        }
    }

    /** Sends one event to the engine, tracing it when the filter selects it. */
    public void send(LogEvent event) {
        if (traceStatement == null) {
            attach(event.timestamp());
        }
        // timers due at this time stamp fire now, so their output is not taken for this event's
        engine.advanceTo(event.timestamp());
        EventBean bean = services.getEventBeanTypedEventFactory().adapterForTypedBean(event, logEventType);
        List<FilterHandle> matches = new ArrayList<>();
        services.getFilterService().evaluate(bean, matches, context);
        Map<EPStatement, Boolean> reached = new LinkedHashMap<>();
        boolean traced = false;
        for (FilterHandle h : matches) {
            EPStatement st = statementOf(h);
            if (st == traceStatement) {
                traced = true;
            } else if (st != null) {
                reached.put(st, Boolean.TRUE);
            }
        }
        if (!traced) {
            engine.send(event);
            return;
        }
        outputs.clear();
        recording = true;
        try {
            engine.send(event);
        } finally {
            recording = false;
        }
        outputs.forEach(st -> reached.putIfAbsent(st, Boolean.FALSE));
        List<Hit> hits = new ArrayList<>();
        reached.forEach((st, viaFilter) -> hits.add(hit(st, viaFilter, outputs.contains(st))));
        out.accept(new Trace(event, hits));
    }

    /** Deploys the rules and the trace statement, and puts a recording listener on every statement. */
    private void attach(long time) {
        engine.start(time);
        EPRuntime runtime = engine.runtime();
        EPDeploymentService deployments = runtime.getDeploymentService();
        UpdateListener recorder = (in, old, st, rt) -> {
            if (recording) {
                outputs.add(st);
            }
        };
        for (String id : deployments.getDeployments()) {
            for (EPStatement st : deployments.getDeployment(id).getStatements()) {
                st.addListener(recorder);
            }
        }
        try {
            EPDeployment trace = deployments.deploy(filter);
            traceStatement = trace.getStatements()[0];
        } catch (EPDeployException e) {
            throw new IllegalStateException("the trace filter compiled but could not be deployed: " + e.getMessage(), e);
        }
        services = ((EPRuntimeSPI) runtime).getServicesContext();
        logEventType = runtime.getEventTypeService().getBusEventType(RuleEngine.EVENT_TYPE);
        context = new EPEventServiceExprEvaluatorContext(services.getRuntimeURI(), services.getEventBeanService(),
                services.getExceptionHandlingService(), new ExpressionResultCacheService(1), services.getSchedulingService(),
                services.getClasspathImportServiceRuntime().getTimeZone(), services.getTimeAbacus(),
                services.getVariableManagementService());
    }

    private EPStatement statementOf(FilterHandle h) {
        if (!(h instanceof EPStatementHandleCallbackFilter f)) {
            return null;
        }
        EPStatementHandle sh = f.getAgentInstanceHandle().getStatementHandle();
        return engine.runtime().getDeploymentService().getStatement(sh.getDeploymentId(), sh.getStatementName());
    }

    private Hit hit(EPStatement st, boolean matchedFilter, boolean output) {
        String module = engine.runtime().getDeploymentService().getDeployment(st.getDeploymentId()).getModuleName();
        String name = null;
        String detection = null;
        for (java.lang.annotation.Annotation a : st.getAnnotations()) {
            if (a instanceof com.espertech.esper.common.client.annotation.Name n) {
                name = n.value();
            } else if (a instanceof Detection d) {
                detection = d.value();
            }
        }
        Object epl = st.getProperty(com.espertech.esper.common.client.util.StatementProperty.EPL);
        return new Hit(module, name, epl == null ? st.getName() : epl.toString(), matchedFilter, output, detection);
    }
}
