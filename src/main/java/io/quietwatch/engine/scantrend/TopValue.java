package io.quietwatch.engine.scantrend;

/**
 * The most frequent value of a stream in constant memory: the Space-Saving algorithm (Metwally,
 * Agrawal, El Abbadi 2005) with {@value #SLOTS} counters. A value's counter over-counts it by at most
 * its error term, so {@code count - error} is a lower bound of how often it really occurred: enough to
 * say "more than half of the packets went to this one address" without keeping every address.
 * Exact while there are at most {@value #SLOTS} distinct values. Not thread-safe.
 */
public final class TopValue {
    static final int SLOTS = 4;
    private final String[] values = new String[SLOTS];
    private final boolean[] flags = new boolean[SLOTS];
    private final long[] counts = new long[SLOTS];
    private final long[] errors = new long[SLOTS];

    /**
     * Counts one occurrence of {@code value} (null is ignored).
     *
     * @param flag a property of the value kept with it (here: whether the address is internal)
     */
    public void add(String value, boolean flag) {
        if (value == null) {
            return;
        }
        int min = 0;
        for (int i = 0; i < SLOTS; i++) {
            String v = values[i];
            if (v == null) {
                values[i] = value;
                flags[i] = flag;
                counts[i] = 1;
                return;
            }
            if (v.equals(value)) {
                counts[i]++;
                return;
            }
            if (counts[i] < counts[min]) {
                min = i;
            }
        }
        errors[min] = counts[min];
        counts[min]++;
        values[min] = value;
        flags[min] = flag;
    }

    /** The value with the highest guaranteed count, or null if nothing was added. */
    public String value() {
        int b = best();
        return b < 0 ? null : values[b];
    }

    /** How often {@link #value()} occurred at least. */
    public long lowerBound() {
        int b = best();
        return b < 0 ? 0 : counts[b] - errors[b];
    }

    /** The flag stored with {@link #value()}. */
    public boolean flag() {
        int b = best();
        return b >= 0 && flags[b];
    }

    private int best() {
        int b = -1;
        for (int i = 0; i < SLOTS && values[i] != null; i++) {
            if (b < 0 || counts[i] - errors[i] > counts[b] - errors[b]) {
                b = i;
            }
        }
        return b;
    }
}
