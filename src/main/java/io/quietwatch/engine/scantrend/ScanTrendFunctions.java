package io.quietwatch.engine.scantrend;

import com.espertech.esper.common.client.configuration.Configuration;

import java.util.Locale;

/**
 * What the scan-trend detection adds to EPL: the aggregation {@code scanTrendTally(event)} (see
 * {@link ScanTrendTallyForge}), the class {@link ScanTrendRows} for the hour-close join, and two
 * number formats for alert texts, {@code scanTrendCount(1240)} = {@code "1,240"} and
 * {@code scanTrendTimes(9.04)} = {@code "9x"}.
 */
public final class ScanTrendFunctions {
    private ScanTrendFunctions() {
    }

    /** Registers the functions with the compiler configuration. */
    public static void register(Configuration c) {
        var compiler = c.getCompiler();
        compiler.addPlugInAggregationFunctionForge(ScanTrendTallyForge.NAME, ScanTrendTallyForge.class.getName());
        compiler.addPlugInSingleRowFunction("scanTrendCount", ScanTrendFunctions.class.getName(), "count");
        compiler.addPlugInSingleRowFunction("scanTrendTimes", ScanTrendFunctions.class.getName(), "times");
        c.getCommon().addImport(ScanTrendRows.class);
        c.getCommon().addImport(HourTally.class);
    }

    /** A count with thousands separators: {@code 1240} gives {@code "1,240"}; null gives {@code "0"}. */
    public static String count(Long n) {
        return String.format(Locale.ROOT, "%,d", n == null ? 0 : n);
    }

    /**
     * A ratio as people say it: whole numbers from 10 on ({@code "12x"}), one decimal below
     * ({@code "2.4x"}, {@code "9x"} for 9.04).
     */
    public static String times(Double ratio) {
        if (ratio == null || ratio.isNaN() || ratio.isInfinite()) {
            return "?x";
        }
        if (ratio >= 9.95) {
            return String.format(Locale.ROOT, "%,dx", Math.round(ratio));
        }
        String s = String.format(Locale.ROOT, "%.1f", ratio);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "x";
    }
}
