package io.quietwatch.engine.peers;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionForge;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionMode;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionModeMultiParam;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionValidationContext;
import com.espertech.esper.common.client.hook.forgeinject.InjectionStrategyClassNewInstance;
import com.espertech.esper.common.client.type.EPType;
import com.espertech.esper.common.client.type.EPTypeClass;
import com.espertech.esper.common.internal.epl.expression.core.ExprValidationException;

/**
 * The EPL aggregation function
 * {@code peerBurst(peer, port, time, endpoint, windowMillis, minPeers, minPorts [, evidence])}: per group
 * (e.g. {@code group by hostIp}) a {@link PeerWindow}; its value is the {@link PeerBurst} the current
 * event completed (carrying {@code evidence}, any value, e.g. the event), or null. Use it without a data
 * window, in a statement whose other columns are the group keys, and let
 * {@code @Hint('reclaim_group_aged=...')} drop the groups of hosts that went quiet.
 */
public final class PeerBurstForge implements AggregationFunctionForge {
    static final String NAME = "peerBurst";
    private static final String[] PARAMETERS = {"peer", "port", "time", "endpoint", "windowMillis", "minPeers", "minPorts",
        "evidence"};

    private String functionName = NAME;

    @Override
    public void setFunctionName(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public void validate(AggregationFunctionValidationContext ctx) throws ExprValidationException {
        EPType[] types = ctx.getParameterTypes();
        if (types.length < PARAMETERS.length - 1 || types.length > PARAMETERS.length) {
            throw new ExprValidationException(functionName + " takes " + (PARAMETERS.length - 1) + " or "
                    + PARAMETERS.length + " parameters (" + String.join(", ", PARAMETERS) + "), got " + types.length);
        }
        require(types[0], CharSequence.class, 0);
        require(types[1], Number.class, 1);
        require(types[2], Number.class, 2);
        require(types[3], Boolean.class, 3);
        for (int i = 4; i < PARAMETERS.length - 1; i++) {
            require(types[i], Number.class, i);
        }
    }

    private void require(EPType type, Class<?> expected, int index) throws ExprValidationException {
        if (type instanceof EPTypeClass c && expected.isAssignableFrom(boxed(c.getType()))) {
            return;
        }
        throw new ExprValidationException(functionName + " parameter " + (index + 1) + " (" + PARAMETERS[index]
                + ") must be " + (expected == CharSequence.class ? "a string" : expected == Boolean.class ? "a boolean" : "a number")
                + ", got " + type);
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == boolean.class ? Boolean.class : c == int.class ? Integer.class : c == long.class ? Long.class
                : c == double.class ? Double.class : c == float.class ? Float.class : c == short.class ? Short.class
                : c == byte.class ? Byte.class : Character.class;
    }

    @Override
    public EPTypeClass getValueType() {
        return new EPTypeClass(PeerBurst.class);
    }

    @Override
    public AggregationFunctionMode getAggregationFunctionMode() {
        return new AggregationFunctionModeMultiParam()
                .setInjectionStrategyAggregationFunctionFactory(new InjectionStrategyClassNewInstance(PeerBurstFactory.class));
    }
}
