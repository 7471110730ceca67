package io.quietwatch.engine.scantrend;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunction;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactory;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactoryContext;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionForge;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionMode;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionModeManaged;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionValidationContext;
import com.espertech.esper.common.client.hook.forgeinject.InjectionStrategyClassNewInstance;
import com.espertech.esper.common.client.type.EPTypeClass;
import com.espertech.esper.common.internal.epl.expression.core.ExprValidationException;
import io.quietwatch.event.LogEvent;

/**
 * The EPL aggregation function {@code scanTrendTally(event)}: counts {@code LogEvent}s into an
 * {@link HourTally} (packets, distinct sources and the main destination per transport and port, with
 * a cap on the ports tracked). Its value is the tally itself, read when the hour is closed; used as a
 * table column, {@code create table T (hour long primary key, tally scanTrendTally(LogEvent))}.
 * Entering is all it does: it is meant for tables fed by {@code into table}, where nothing leaves.
 */
public final class ScanTrendTallyForge implements AggregationFunctionForge {
    /** The name rules call it by. */
    public static final String NAME = "scanTrendTally";

    @Override
    public void validate(AggregationFunctionValidationContext ctx) throws ExprValidationException {
        var types = ctx.getParameterTypes();
        if (types.length != 1 || !(types[0] instanceof EPTypeClass c) || !LogEvent.class.isAssignableFrom(c.getType())) {
            throw new ExprValidationException(NAME + " takes one parameter, the LogEvent to count (e.g. " + NAME + "(e))");
        }
    }

    @Override
    public EPTypeClass getValueType() {
        return new EPTypeClass(HourTally.class);
    }

    @Override
    public AggregationFunctionMode getAggregationFunctionMode() {
        return new AggregationFunctionModeManaged()
                .setInjectionStrategyAggregationFunctionFactory(new InjectionStrategyClassNewInstance(Factory.class));
    }

    /** Creates one aggregator per group (per table row). */
    public static final class Factory implements AggregationFunctionFactory {
        @Override
        public AggregationFunction newAggregator(AggregationFunctionFactoryContext ctx) {
            return new Function();
        }
    }

    /** Feeds the tally; {@link #clear()} starts a fresh one, so a tally already handed out stays as it was. */
    static final class Function implements AggregationFunction {
        private HourTally tally = new HourTally();

        @Override
        public void enter(Object value) {
            if (value instanceof LogEvent e) {
                tally.add(e);
            }
        }

        @Override
        public void leave(Object value) {
            // into-table rows only grow; a removed event cannot be taken out of a sketch
        }

        @Override
        public Object getValue() {
            return tally;
        }

        @Override
        public void clear() {
            tally = new HourTally();
        }
    }
}
