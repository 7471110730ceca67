package io.quietwatch.engine.nat;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunction;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactory;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactoryContext;

/** Runtime side of {@code ipIdSequences}: one {@link IpIdSequencesAggregation} per group. */
public final class IpIdSequencesFactory implements AggregationFunctionFactory {
    @Override
    public AggregationFunction newAggregator(AggregationFunctionFactoryContext context) {
        return new IpIdSequencesAggregation();
    }
}
