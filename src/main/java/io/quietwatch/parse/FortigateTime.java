package io.quietwatch.parse;

import java.time.ZoneId;

import static io.quietwatch.parse.FortigateKeys.DATE;
import static io.quietwatch.parse.FortigateKeys.EVENTTIME;
import static io.quietwatch.parse.FortigateKeys.TIME;
import static io.quietwatch.parse.FortigateKeys.TIMESTAMP;
import static io.quietwatch.parse.FortigateKeys.TZ;

/**
 * The time of a FortiOS log line. {@code eventtime} (5.x: {@code logtime}) wins when it is a
 * plausible epoch: FortiOS 5.x and 6.0 log seconds, 6.2 and later nanoseconds, and other senders
 * milli- or microseconds, so the unit is told by the digit count. Else {@code date=YYYY-MM-DD
 * time=HH:MM:SS} in the line's {@code tz} ({@code "+0200"}, {@code "-05:00"}, {@code "UTC-5:00"})
 * or, without one, in the input's zone; then the {@code timestamp=} epoch some FortiOS 7 builds put
 * first (after date and time, as some builds write local time there as if it were UTC); then the
 * syslog header; then the clock. Thread-safe: {@link SyslogLocalTime} caches atomically.
 */
final class FortigateTime {
    private static final long MIN_PLAUSIBLE = 946_684_800_000L;   // 2000-01-01T00:00:00Z
    private static final long MAX_PLAUSIBLE = 4_102_444_800_000L; // 2100-01-01T00:00:00Z
    private static final long NONE = Long.MIN_VALUE;
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int MAX_OFFSET = 18 * 3600;

    private final SyslogLocalTime local = new SyslogLocalTime();

    /**
     * Epoch millis of the line. An unreadable date or time is passed over, not an error: public
     * samples carry sanitiser damage there ({@code time=10: 13:03}) while the rest of the line is good.
     */
    long millis(FortigateFields f, SyslogMessage m, ParseContext context) {
        long t = epoch(f, EVENTTIME);
        if (t == NONE) {
            t = dateTime(f, context.defaultZone());
        }
        if (t == NONE) {
            t = epoch(f, TIMESTAMP);
        }
        if (t == NONE) {
            t = m.hasTimestamp() ? m.timestamp() : context.clock().millis();
        }
        return t;
    }

    /** An epoch in s, ms, µs or ns by its digit count, as millis, or NONE when absent or implausible. */
    private static long epoch(FortigateFields f, int id) {
        if (!f.present(id)) {
            return NONE;
        }
        String s = f.line();
        int from = f.from(id);
        int digits = f.to(id) - from;
        if (digits < 9 || digits > 19) {
            return NONE;
        }
        int dropped = digits <= 11 ? 0 : digits <= 14 ? 0 : digits <= 17 ? 3 : 6;
        long v = 0;
        for (int i = from; i < from + digits; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            if (i < from + digits - dropped) {
                v = v * 10 + (c - '0');
            }
        }
        long millis = digits <= 11 ? v * 1000 : v;
        return millis >= MIN_PLAUSIBLE && millis < MAX_PLAUSIBLE ? millis : NONE;
    }

    private long dateTime(FortigateFields f, ZoneId zone) {
        if (!f.has(DATE)) {
            return NONE;
        }
        String s = f.line();
        int d = f.from(DATE);
        if (f.to(DATE) - d != 10 || s.charAt(d + 4) != '-' || s.charAt(d + 7) != '-') {
            return NONE;
        }
        int year = Digits.fixed(s, d, 4);
        int month = Digits.fixed(s, d + 5, 2);
        int day = Digits.fixed(s, d + 8, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > SyslogLocalTime.daysInMonth(year, month)) {
            return NONE;
        }
        int t = f.from(TIME);
        int len = t < 0 ? 0 : f.to(TIME) - t;
        if (len != 8 || s.charAt(t + 2) != ':' || s.charAt(t + 5) != ':') {
            return NONE;
        }
        int hour = Digits.fixed(s, t, 2);
        int minute = Digits.fixed(s, t + 3, 2);
        int second = Digits.fixed(s, t + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NONE;
        }
        int offset = offsetSeconds(f);
        if (offset != NO_OFFSET) {
            return SyslogLocalTime.withOffset(year, month, day, hour, minute, second, 0, offset);
        }
        return local.inZone(year, month, day, hour, minute, second, 0, zone);
    }

    /**
     * The {@code tz} value as seconds east of UTC: {@code [UTC|GMT][+|-]H[H][[:]MM]}, or a bare
     * {@code UTC}/{@code GMT}/{@code Z}; NO_OFFSET when absent or not of that form.
     */
    static int offsetSeconds(FortigateFields f) {
        if (!f.has(TZ)) {
            return NO_OFFSET;
        }
        String s = f.line();
        int i = f.from(TZ);
        int end = f.to(TZ);
        if (end - i >= 3 && (s.regionMatches(true, i, "UTC", 0, 3) || s.regionMatches(true, i, "GMT", 0, 3))) {
            i += 3;
        } else if (end - i == 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            return 0;
        }
        if (i == end) {
            return 0;
        }
        char sign = s.charAt(i++);
        if (sign != '+' && sign != '-') {
            return NO_OFFSET;
        }
        int start = i;
        while (i < end && i - start < 2 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        int hours = Digits.fixed(s, start, i - start);
        int minutes = 0;
        if (i < end && s.charAt(i) == ':') {
            i++;
        }
        if (i < end) {
            minutes = end - i == 2 ? Digits.fixed(s, i, 2) : -1;
        }
        if (i == start || hours < 0 || minutes < 0 || minutes > 59) {
            return NO_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        return seconds > MAX_OFFSET ? NO_OFFSET : sign == '-' ? -seconds : seconds;
    }
}
