package io.quietwatch.engine.nat;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunction;

/**
 * The state of {@code ipIdSequences} for one group (one address). Values leaving a data window are not
 * taken out of the sequences (they end by idle time instead); when every value has left, the state is
 * cleared.
 */
final class IpIdSequencesAggregation implements AggregationFunction {
    private final IpIdSequences sequences = new IpIdSequences();
    private IpIdSequences.Settings settings = IpIdSequences.Settings.DEFAULTS;
    private long held;

    @Override
    public void enter(Object value) {
        if (!(value instanceof Object[] args) || !(args[0] instanceof Number id) || !(args[1] instanceof Number time)) {
            return;
        }
        held++;
        if (args.length >= 6) {
            settings = settings(args[3], args[4], args[5]);
        }
        sequences.add(id.intValue(), time.longValue(), args.length >= 3 ? args[2] : null, settings);
    }

    /** The settings the arguments name, each clamped into its valid range. */
    private IpIdSequences.Settings settings(Object gap, Object idleSeconds, Object minLength) {
        if (!(gap instanceof Number g) || !(idleSeconds instanceof Number idle) || !(minLength instanceof Number min)) {
            return settings;
        }
        int maxGap = (int) Math.max(1, Math.min(4096, g.longValue()));
        long idleMillis = Math.max(1, Math.min(Long.MAX_VALUE / 1000, idle.longValue())) * 1000;
        int minLen = (int) Math.max(2, Math.min(Integer.MAX_VALUE, min.longValue()));
        if (maxGap == settings.maxGap() && idleMillis == settings.idleMillis() && minLen == settings.minLength()) {
            return settings;
        }
        return new IpIdSequences.Settings(maxGap, idleMillis, minLen);
    }

    @Override
    public void leave(Object value) {
        if (value instanceof Object[] args && args[0] instanceof Number && args[1] instanceof Number && --held <= 0) {
            held = 0;
            sequences.clear();
        }
    }

    @Override
    public Object getValue() {
        return sequences.estimate(settings);
    }

    @Override
    public void clear() {
        held = 0;
        sequences.clear();
    }
}
