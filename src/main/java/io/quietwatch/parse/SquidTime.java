package io.quietwatch.parse;

import java.time.ZoneId;

/**
 * The time stamps of proxy access logs, read by hand into epoch milliseconds: Squid's native epoch
 * ({@code %ts.%03tu}, seconds with a fraction; also whole epochs in milliseconds, microseconds or
 * nanoseconds) and the bracketed httpd time of the common and combined formats
 * ({@code 26/Nov/2026:10:00:00 +0100}, or {@code 2026-11-26 10:00:00} from a custom {@code %{...}tl}).
 * A stamp without a zone is local time in the zone given. Every method returns {@link #INVALID} for
 * text that is not such a stamp.
 */
final class SquidTime {
    static final long INVALID = Long.MIN_VALUE;
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int INVALID_OFFSET = Integer.MIN_VALUE + 1;

    private SquidTime() {
    }

    /** The epoch in {@code s[from, to)}: {@code 1732615200.123}, or 13, 16 or 19 digits without a fraction. */
    static long epochMillis(String s, int from, int to) {
        int dot = s.indexOf('.', from);
        if (dot < 0 || dot >= to) {
            long whole = SquidText.number(s, from, to);
            return switch (to - from) {
                case 9, 10 -> whole * 1000;
                case 12, 13 -> whole;
                case 15, 16 -> whole / 1000;
                case 18, 19 -> whole / 1_000_000;
                default -> INVALID;
            };
        }
        long seconds = SquidText.number(s, from, dot);
        int fraction = to - dot - 1;
        if (seconds < 0 || dot - from > 10 || fraction < 1 || fraction > 9) {
            return INVALID;
        }
        long digits = SquidText.number(s, dot + 1, to);
        if (digits < 0) {
            return INVALID;
        }
        long millis = fraction >= 3 ? digits / pow10(fraction - 3) : digits * pow10(3 - fraction);
        return seconds * 1000 + millis;
    }

    /** The httpd time inside the brackets, {@code s[from, to)}; zone-less stamps are in {@code zone}. */
    static long httpdMillis(String s, int from, int to, ZoneId zone, SyslogLocalTime local) {
        int[] f = new int[7];
        int p = Character.isDigit(charAt(s, from + 2)) ? iso(s, from, to, f) : clf(s, from, to, f);
        if (p < 0 || !valid(f)) {
            return INVALID;
        }
        while (p < to && s.charAt(p) == ' ') {
            p++;
        }
        int offset = p == to ? NO_OFFSET : offset(s, p, to);
        if (offset == INVALID_OFFSET) {
            return INVALID;
        }
        if (offset == NO_OFFSET) {
            return local.inZone(f[0], f[1], f[2], f[3], f[4], f[5], f[6], zone);
        }
        return SyslogLocalTime.withOffset(f[0], f[1], f[2], f[3], f[4], f[5], f[6], offset);
    }

    /** {@code dd/Mon/yyyy:hh:mm:ss[.fff]}; returns the index after it, or -1. */
    private static int clf(String s, int from, int to, int[] f) {
        int p = from;
        int dayEnd = s.indexOf('/', p);
        if (dayEnd < 0 || dayEnd - p < 1 || dayEnd - p > 2 || dayEnd + 10 > to || s.charAt(dayEnd + 4) != '/') {
            return -1;
        }
        f[2] = (int) SquidText.number(s, p, dayEnd);
        f[1] = SyslogStamp.month(s.charAt(dayEnd + 1), s.charAt(dayEnd + 2), s.charAt(dayEnd + 3));
        f[0] = (int) SquidText.number(s, dayEnd + 5, dayEnd + 9);
        if (s.charAt(dayEnd + 9) != ':') {
            return -1;
        }
        return clock(s, dayEnd + 10, to, f);
    }

    /** {@code yyyy-mm-dd[ T]hh:mm:ss[.fff]}; returns the index after it, or -1. */
    private static int iso(String s, int from, int to, int[] f) {
        if (from + 11 > to || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
                || s.charAt(from + 10) != ' ' && s.charAt(from + 10) != 'T') {
            return -1;
        }
        f[0] = (int) SquidText.number(s, from, from + 4);
        f[1] = (int) SquidText.number(s, from + 5, from + 7);
        f[2] = (int) SquidText.number(s, from + 8, from + 10);
        return clock(s, from + 11, to, f);
    }

    /** {@code h[h]:mm:ss[.fff]} into f[3..6]; returns the index after it, or -1. */
    private static int clock(String s, int p, int to, int[] f) {
        int hourEnd = p + 1 < to && s.charAt(p + 1) == ':' ? p + 1 : p + 2;
        if (hourEnd + 6 > to || s.charAt(hourEnd) != ':' || s.charAt(hourEnd + 3) != ':') {
            return -1;
        }
        f[3] = (int) SquidText.number(s, p, hourEnd);
        f[4] = (int) SquidText.number(s, hourEnd + 1, hourEnd + 3);
        f[5] = (int) SquidText.number(s, hourEnd + 4, hourEnd + 6);
        int end = hourEnd + 6;
        f[6] = 0;
        if (end < to && (s.charAt(end) == '.' || s.charAt(end) == ',')) {
            int start = ++end;
            while (end < to && Character.isDigit(s.charAt(end))) {
                end++;
            }
            int digits = Math.min(end - start, 3);
            f[6] = digits == 0 ? 0 : (int) (SquidText.number(s, start, start + digits) * pow10(3 - digits));
        }
        return end;
    }

    private static boolean valid(int[] f) {
        return f[0] >= 1970 && f[0] <= 9999 && f[1] >= 1 && f[1] <= 12 && f[2] >= 1
                && f[2] <= SyslogLocalTime.daysInMonth(f[0], f[1]) && f[3] >= 0 && f[3] <= 23
                && f[4] >= 0 && f[4] <= 59 && f[5] >= 0 && f[5] <= 60;
    }

    /** {@code +0100}, {@code -05:30} or {@code Z} to seconds east of UTC. */
    private static int offset(String s, int p, int to) {
        char sign = s.charAt(p);
        if ((sign == 'Z' || sign == 'z') && p + 1 == to) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            return INVALID_OFFSET;
        }
        int colon = p + 3 < to && s.charAt(p + 3) == ':' ? 1 : 0;
        if (to - p != 5 + colon) {
            return INVALID_OFFSET;
        }
        long hours = SquidText.number(s, p + 1, p + 3);
        long minutes = SquidText.number(s, p + 3 + colon, to);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return INVALID_OFFSET;
        }
        int seconds = (int) (hours * 3600 + minutes * 60);
        return sign == '-' ? -seconds : seconds;
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : ' ';
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
