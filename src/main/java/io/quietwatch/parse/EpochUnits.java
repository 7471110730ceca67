package io.quietwatch.parse;

/**
 * The unit of a whole epoch number told by its size, as devices write seconds, milliseconds,
 * microseconds or nanoseconds without saying which: below 10^11 seconds (up to the year 5138), below
 * 10^14 milliseconds, below 10^17 microseconds, else nanoseconds.
 */
final class EpochUnits {
    static final long SECONDS_BELOW = 100_000_000_000L;
    static final long MILLIS_BELOW = 100_000_000_000_000L;
    static final long MICROS_BELOW = 100_000_000_000_000_000L;

    private EpochUnits() {
    }

    /** Epoch milliseconds of the non-negative epoch number {@code n} in the unit its size tells. */
    static long millis(long n) {
        if (n < SECONDS_BELOW) {
            return n * 1000;
        }
        if (n < MILLIS_BELOW) {
            return n;
        }
        return n < MICROS_BELOW ? n / 1000 : n / 1_000_000;
    }
}
