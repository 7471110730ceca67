package io.quietwatch.engine.peers;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunction;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactory;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactoryContext;

/** Makes one {@link PeerBurstFunction} per group; instantiated by the Esper runtime. */
public final class PeerBurstFactory implements AggregationFunctionFactory {
    @Override
    public AggregationFunction newAggregator(AggregationFunctionFactoryContext ctx) {
        return new PeerBurstFunction();
    }
}
