package io.quietwatch.parse;

import java.time.ZoneId;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * The time stamps OpenVPN writes itself, in local time of the server (the input's
 * {@code default_timezone}) unless they are epochs:
 * <ul>
 *   <li>{@code 2026-11-26 10:00:00} (2.5 and later; log files add {@code  us=123456} at high verbosity);</li>
 *   <li>{@code Thu Nov 26 10:00:00 2026} ({@code ctime} form, up to 2.4; the day may be space-padded);</li>
 *   <li>epochs: {@code time_t} columns of the status file, and {@code 1764151200.123456 1} at the start
 *       of a line with {@code --machine-readable-output} (seconds, six fraction digits, hexadecimal flags). Epochs
 *       in milliseconds, microseconds or nanoseconds are told apart by their size.</li>
 * </ul>
 * Thread-safe: the only state is {@link SyslogLocalTime}'s cache.
 */
final class OpenVpnTime {
    /** No time stamp. */
    static final long NONE = Long.MIN_VALUE;

    private static final int ISO_LENGTH = 19;
    private static final int CTIME_LENGTH = 24;
    private static final String MICROS = " us=";

    private final SyslogLocalTime local = new SyslogLocalTime();

    /**
     * Length of the stamp that opens a log line at {@code from}, with the blank after it (and the
     * {@code us=} or flags word that belongs to it), or 0 when the line does not open with one.
     */
    static int leadingLength(String s, int from) {
        int n = s.length();
        if (n > from + ISO_LENGTH && isoShape(s, from) && s.charAt(from + ISO_LENGTH) == ' ') {
            int end = from + ISO_LENGTH;
            if (s.startsWith(MICROS, end)) {
                end = digitsEnd(s, end + MICROS.length(), n);
            }
            return end < n && s.charAt(end) == ' ' ? end + 1 - from : 0;
        }
        if (n > from + CTIME_LENGTH && ctimeShape(s, from) && s.charAt(from + CTIME_LENGTH) == ' ') {
            return CTIME_LENGTH + 1;
        }
        int seconds = digitsEnd(s, from, n);
        if (seconds - from >= 9 && seconds < n && s.charAt(seconds) == '.') {
            int fraction = digitsEnd(s, seconds + 1, n);
            int flags = fraction + 1;
            while (flags < n && Character.digit(s.charAt(flags), 16) >= 0) {
                flags++;
            }
            // "%" PRIi64 ".%06ld %x ": exactly six fraction digits, unlike Squid's ".123"
            if (fraction == seconds + 7 && fraction < n && s.charAt(fraction) == ' ' && flags > fraction + 1
                    && flags < n && s.charAt(flags) == ' ') {
                return flags + 1 - from;
            }
        }
        return 0;
    }

    /**
     * Epoch milliseconds of the stamp in {@code s[from, to)} (a leading stamp as measured by
     * {@link #leadingLength}, or one status-file column), or {@link #NONE}.
     */
    long millis(String s, int from, int to, ZoneId zone) {
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (to - from >= ISO_LENGTH && isoShape(s, from)) {
            return local(Digits.fixed(s, from, 4), Digits.fixed(s, from + 5, 2), Digits.fixed(s, from + 8, 2), s,
                    from + 11, zone);
        }
        if (to - from >= CTIME_LENGTH && ctimeShape(s, from)) {
            int day = s.charAt(from + 8) == ' ' ? Digits.fixed(s, from + 9, 1) : Digits.fixed(s, from + 8, 2);
            return local(Digits.fixed(s, from + 20, 4), month(s, from + 4), day, s, from + 11, zone);
        }
        return epoch(s, from, to);
    }

    /** An epoch of digits with an optional fraction (seconds only), up to the first blank. */
    static long epoch(String s, int from, int to) {
        int end = digitsEnd(s, from, to);
        if (end == from || end - from > 19) {
            return NONE;
        }
        long v = 0;
        for (int i = from; i < end; i++) {
            v = v * 10 + s.charAt(i) - '0';
        }
        if (v < 0) {
            return NONE; // nineteen digits past Long.MAX_VALUE
        }
        if (v < EpochUnits.SECONDS_BELOW) {
            long millis = v * 1000;
            if (end + 1 < to && s.charAt(end) == '.') {
                long scale = 100;
                for (int i = end + 1; i < to && scale > 0 && isDigit(s.charAt(i)); i++, scale /= 10) {
                    millis += (s.charAt(i) - '0') * scale;
                }
            }
            return millis;
        }
        return EpochUnits.millis(v);
    }

    private long local(int year, int month, int day, String s, int time, ZoneId zone) {
        int hour = Digits.fixed(s, time, 2);
        int minute = Digits.fixed(s, time + 3, 2);
        int second = Digits.fixed(s, time + 6, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > SyslogLocalTime.daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return NONE;
        }
        return local.inZone(year, month, day, hour, minute, Math.min(second, 59), 0, zone);
    }

    /** {@code yyyy-mm-dd hh:mm:ss} at {@code p} (shape only). */
    private static boolean isoShape(String s, int p) {
        return p + ISO_LENGTH <= s.length() && s.charAt(p + 4) == '-' && s.charAt(p + 7) == '-'
                && s.charAt(p + 10) == ' ' && s.charAt(p + 13) == ':' && s.charAt(p + 16) == ':'
                && isDigit(s.charAt(p)) && isDigit(s.charAt(p + 18));
    }

    /** {@code Www Mmm dd hh:mm:ss yyyy} at {@code p} (shape only). */
    private static boolean ctimeShape(String s, int p) {
        return p + CTIME_LENGTH <= s.length() && s.charAt(p + 3) == ' ' && s.charAt(p + 7) == ' '
                && s.charAt(p + 10) == ' ' && s.charAt(p + 13) == ':' && s.charAt(p + 16) == ':'
                && s.charAt(p + 19) == ' ' && Character.isLetter(s.charAt(p)) && month(s, p + 4) > 0
                && isDigit(s.charAt(p + 23));
    }

    /** 1-12 for an English month abbreviation at {@code p}, else 0. */
    private static int month(String s, int p) {
        String months = "JanFebMarAprMayJunJulAugSepOctNovDec";
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(true, p, months, m * 3, 3)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static int digitsEnd(String s, int from, int to) {
        int i = from;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
