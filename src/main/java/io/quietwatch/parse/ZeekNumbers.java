package io.quietwatch.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * Zeek's time and interval numbers: {@code ts} as epoch seconds with a fraction (TSV {@code %.6f},
 * JSON's default), or as whole epoch milliseconds ({@code JSON::TS_MILLIS}), microseconds or nanoseconds,
 * told apart by magnitude; {@code duration} as seconds with a fraction. Plain decimals are read by hand;
 * the exponent form some JSON writers use for small doubles ({@code 3.1e-06}) goes through
 * {@link BigDecimal}. Never throws: unreadable text gives {@link #NONE}.
 */
final class ZeekNumbers {
    /** The result for text that is not such a number. */
    static final long NONE = Long.MIN_VALUE;

    private static final long MAX_DURATION_SECONDS = 9_000_000_000L;
    private static final int LARGEST_SCALE = 40;
    private static final long LARGEST_BEFORE_DIGIT = Long.MAX_VALUE / 10 - 1;

    private ZeekNumbers() {
    }

    /** Epoch milliseconds of an epoch number in {@code s[from, to)}, or {@link #NONE}. */
    static long epochMillis(String s, int from, int to) {
        long whole = 0;
        int i = from;
        while (i < to && isDigit(s.charAt(i))) {
            if (whole > LARGEST_BEFORE_DIGIT) {
                return NONE;
            }
            whole = whole * 10 + (s.charAt(i++) - '0');
        }
        if (i == from) {
            return NONE;
        }
        int fraction = 0;
        if (i < to && s.charAt(i) == '.') {
            int start = ++i;
            int scale = 100;
            while (i < to && isDigit(s.charAt(i))) {
                fraction += (s.charAt(i++) - '0') * scale;
                scale /= 10;
            }
            if (i == start) {
                return NONE;
            }
        }
        if (i < to) {
            return isExponent(s.charAt(i)) ? exponentEpoch(s, from, to) : NONE;
        }
        return whole < EpochUnits.SECONDS_BELOW ? whole * 1000 + fraction : EpochUnits.millis(whole);
    }

    /** Nanoseconds of a number of seconds in {@code s[from, to)}, or {@link #NONE}. */
    static long nanos(String s, int from, int to) {
        long whole = 0;
        int i = from;
        while (i < to && isDigit(s.charAt(i))) {
            whole = whole * 10 + (s.charAt(i++) - '0');
            if (whole >= MAX_DURATION_SECONDS) {
                return NONE;
            }
        }
        if (i == from) {
            return NONE;
        }
        long fraction = 0;
        if (i < to && s.charAt(i) == '.') {
            int start = ++i;
            long scale = 100_000_000L;
            while (i < to && isDigit(s.charAt(i))) {
                fraction += (s.charAt(i++) - '0') * scale;
                scale /= 10;
            }
            if (i == start) {
                return NONE;
            }
        }
        if (i < to) {
            return isExponent(s.charAt(i)) ? exponentNanos(s, from, to) : NONE;
        }
        return whole * 1_000_000_000L + fraction;
    }

    private static long exponentEpoch(String s, int from, int to) {
        BigDecimal value = decimal(s, from, to);
        if (value == null || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return NONE;
        }
        int shift;
        if (value.compareTo(BigDecimal.valueOf(EpochUnits.SECONDS_BELOW)) < 0) {
            shift = 3;
        } else if (value.compareTo(BigDecimal.valueOf(EpochUnits.MILLIS_BELOW)) < 0) {
            shift = 0;
        } else if (value.compareTo(BigDecimal.valueOf(EpochUnits.MICROS_BELOW)) < 0) {
            shift = -3;
        } else {
            shift = -6;
        }
        return whole(value.movePointRight(shift));
    }

    private static long exponentNanos(String s, int from, int to) {
        BigDecimal value = decimal(s, from, to);
        if (value == null || value.compareTo(BigDecimal.valueOf(MAX_DURATION_SECONDS)) >= 0) {
            return NONE;
        }
        return whole(value.movePointRight(9));
    }

    private static BigDecimal decimal(String s, int from, int to) {
        if (to - from > 40) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(s.substring(from, to));
            // a far exponent (1e-999999999) would make setScale build a power of ten with that many digits
            if (value.signum() < 0 || Math.abs(value.scale()) > LARGEST_SCALE) {
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long whole(BigDecimal value) {
        try {
            return value.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            return NONE;
        }
    }

    private static boolean isExponent(char c) {
        return c == 'e' || c == 'E';
    }
}
