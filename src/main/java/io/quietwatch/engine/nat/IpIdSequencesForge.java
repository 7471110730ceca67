package io.quietwatch.engine.nat;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionForge;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionMode;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionModeMultiParam;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionValidationContext;
import com.espertech.esper.common.client.hook.forgeinject.InjectionStrategyClassNewInstance;
import com.espertech.esper.common.client.type.EPType;
import com.espertech.esper.common.client.type.EPTypeClass;
import com.espertech.esper.common.client.type.EPTypeNull;
import com.espertech.esper.common.client.type.EPTypePremade;
import com.espertech.esper.common.internal.epl.expression.core.ExprValidationException;

/**
 * Compile-time side of the EPL aggregation {@value #NAME}:
 * {@code ipIdSequences(ipId, timestamp [, destination [, maxGap, idleSeconds, minLength]])}, the
 * estimated number of hosts behind an address from its IPv4 ID sequences (see {@link IpIdSequences}).
 * Without the last three arguments the defaults of {@link IpIdSequences.Settings#DEFAULTS} apply.
 * In a table: {@code ids ipIdSequences(int, long, string, int, long, int)}.
 */
public final class IpIdSequencesForge implements AggregationFunctionForge {
    /** The function's name in EPL. */
    public static final String NAME = "ipIdSequences";
    private static final String USAGE = NAME + "(ipId, timestamp [, destination [, maxGap, idleSeconds, minLength]])";

    @Override
    public void validate(AggregationFunctionValidationContext context) throws ExprValidationException {
        EPType[] types = context.getParameterTypes();
        int n = types.length;
        if (n != 2 && n != 3 && n != 6) {
            throw new ExprValidationException(USAGE + " takes 2, 3 or 6 arguments, got " + n);
        }
        requireNumber(types[0], "ipId");
        requireNumber(types[1], "timestamp");
        if (n == 6) {
            requireNumber(types[3], "maxGap");
            requireNumber(types[4], "idleSeconds");
            requireNumber(types[5], "minLength");
        }
    }

    private static void requireNumber(EPType type, String what) throws ExprValidationException {
        if (type == EPTypeNull.INSTANCE) {
            return;
        }
        Class<?> c = type instanceof EPTypeClass k ? k.getType() : null;
        boolean numeric = c != null && (Number.class.isAssignableFrom(c)
                || c == int.class || c == long.class || c == short.class || c == byte.class);
        if (!numeric) {
            throw new ExprValidationException(USAGE + ": " + what + " must be a whole number, got " + type.getTypeName());
        }
    }

    @Override
    public EPTypeClass getValueType() {
        return EPTypePremade.INTEGERBOXED.getEPType();
    }

    @Override
    public AggregationFunctionMode getAggregationFunctionMode() {
        // the managed mode takes one value (plus a filter); several arguments need the multi-parameter mode
        return new AggregationFunctionModeMultiParam()
                .setInjectionStrategyAggregationFunctionFactory(new InjectionStrategyClassNewInstance(IpIdSequencesFactory.class));
    }
}
