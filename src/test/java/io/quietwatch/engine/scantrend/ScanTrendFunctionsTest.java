package io.quietwatch.engine.scantrend;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunction;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionValidationContext;
import com.espertech.esper.common.client.type.EPType;
import com.espertech.esper.common.client.type.EPTypeClass;
import com.espertech.esper.common.internal.epl.expression.core.ExprNode;
import com.espertech.esper.common.internal.epl.expression.core.ExprValidationException;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;

import static io.quietwatch.engine.scantrend.HourTallyTest.deny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanTrendFunctionsTest {
    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"0, 0", "999, 999", "1240, '1,240'", "1000000, '1,000,000'", "NULL, 0"})
    void countsHaveThousandsSeparators(Long n, String text) {
        assertThat(ScanTrendFunctions.count(n)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"9.04, 9x", "8.96, 9x", "2.44, 2.4x", "1.0, 1x", "9.96, 10x", "12.6, 13x",
            "1523.2, '1,523x'", "NaN, ?x", "NULL, ?x"})
    void ratiosAreSaidAsPeopleSayThem(Double ratio, String text) {
        assertThat(ScanTrendFunctions.times(ratio)).isEqualTo(text);
    }

    private static AggregationFunctionValidationContext params(Class<?>... types) {
        EPType[] t = new EPType[types.length];
        for (int i = 0; i < types.length; i++) {
            t[i] = new EPTypeClass(types[i]);
        }
        return new AggregationFunctionValidationContext(t, new boolean[types.length], new Object[types.length], false, false,
                new ExprNode[0], new LinkedHashMap<>());
    }

    @Test
    void theTallyTakesOneLogEvent() throws ExprValidationException {
        ScanTrendTallyForge forge = new ScanTrendTallyForge();
        forge.validate(params(LogEvent.class));
        assertThatThrownBy(() -> forge.validate(params(String.class))).hasMessageContaining("scanTrendTally takes one parameter");
        assertThatThrownBy(() -> forge.validate(params(LogEvent.class, Integer.class))).isInstanceOf(ExprValidationException.class);
        assertThat(forge.getValueType().getType()).isEqualTo(HourTally.class);
    }

    @Test
    void clearingStartsAFreshTallyAndLeavesTheOldOneIntact() {
        AggregationFunction f = new ScanTrendTallyForge.Factory().newAggregator(null);
        f.enter(deny(1, "198.51.100.1", "tcp", 23));
        f.enter("not an event");
        HourTally before = (HourTally) f.getValue();
        f.clear();
        f.enter(deny(2, "198.51.100.1", "tcp", 23));
        f.leave(deny(2, "198.51.100.1", "tcp", 23));
        assertThat(before.packets()).isEqualTo(1);
        assertThat(((HourTally) f.getValue()).packets()).isEqualTo(1);
        assertThat(f.getValue()).isNotSameAs(before);
    }
}
