package io.quietwatch.parse;

import java.time.Clock;
import java.time.ZoneId;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * Hand-written reader of the two header time stamp shapes, holding the fields of the last stamp read:
 * RFC 3164 {@code Mmm dd [yyyy ]hh:mm:ss[.fff]} and RFC 3339 {@code yyyy-mm-ddThh:mm:ss[.ffffff][Z|+hh:mm]}.
 * One instance per line (it is mutable); the read methods never throw and return -1 when the text is not
 * shaped like a stamp. A stamp that is well shaped but names an impossible time (Feb 30, hour 25) reads,
 * with {@link #valid} false.
 */
final class SyslogStamp {
    static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int NO_YEAR = -1;

    int year = NO_YEAR;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int millis;
    int offsetSeconds = NO_OFFSET;
    boolean valid;

    /** Reads an RFC 3164 or an RFC 3339 stamp at {@code p}; returns the index after it, or -1. */
    int read(String s, int p) {
        if (p >= s.length()) {
            return -1;
        }
        char c = s.charAt(p);
        return c >= '0' && c <= '9' ? readIso(s, p) : readBsd(s, p);
    }

    /**
     * RFC 3164 {@code Mmm dd hh:mm:ss}: the day may be space padded ({@code Nov  6}) or not; Cisco ASA
     * puts a year after the day ({@code Nov 26 2026 10:00:00}); many devices add a fraction.
     */
    int readBsd(String s, int p) {
        int n = s.length();
        if (p + 14 > n || (month = month(s.charAt(p), s.charAt(p + 1), s.charAt(p + 2))) == 0
                || s.charAt(p + 3) != ' ') {
            return -1;
        }
        int i = p + 4;
        if (s.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        day = 0;
        while (i < n && i - start < 2 && isDigit(s.charAt(i))) {
            day = day * 10 + s.charAt(i++) - '0';
        }
        if (i == start || i >= n || s.charAt(i) != ' ') {
            return -1;
        }
        i++;
        year = i + 4 < n && s.charAt(i + 4) == ' ' ? Digits.fixed(s, i, 4) : -1;
        if (year >= 0) {
            i += 5;
        } else {
            year = NO_YEAR;
        }
        int end = readTime(s, i);
        if (end < 0 || end < n && s.charAt(end) != ' ' && s.charAt(end) != ':') {
            return -1;
        }
        int lastDay = year == NO_YEAR ? (month == 2 ? 29 : SyslogLocalTime.daysInMonth(2000, month))
                : SyslogLocalTime.daysInMonth(year, month);
        valid = valid && day >= 1 && day <= lastDay;
        return end;
    }

    /** RFC 3339 as RFC 5424 and rsyslog write it; an offset is optional here (then the zone decides). */
    int readIso(String s, int p) {
        int n = s.length();
        if (p + 19 > n || s.charAt(p + 4) != '-' || s.charAt(p + 7) != '-'
                || (s.charAt(p + 10) | 0x20) != 't') {
            return -1;
        }
        year = Digits.fixed(s, p, 4);
        month = Digits.fixed(s, p + 5, 2);
        day = Digits.fixed(s, p + 8, 2);
        int i = year < 0 || month < 0 || day < 0 ? -1 : readTime(s, p + 11);
        if (i < 0) {
            return -1;
        }
        offsetSeconds = NO_OFFSET;
        if (i < n) {
            char c = s.charAt(i);
            if ((c | 0x20) == 'z') {
                offsetSeconds = 0;
                i++;
            } else if (c == '+' || c == '-') {
                i = readOffset(s, i);
            }
        }
        if (i < 0 || i < n && s.charAt(i) != ' ' && s.charAt(i) != ':') {
            return -1;
        }
        valid = valid && month >= 1 && month <= 12 && day >= 1 && day <= SyslogLocalTime.daysInMonth(year, month);
        return i;
    }

    /** Epoch millis of the stamp read, or {@link SyslogMessage#NO_TIMESTAMP} when it is not valid. */
    long epochMillis(ZoneId zone, SyslogLocalTime time, Clock clock) {
        if (!valid) {
            return SyslogMessage.NO_TIMESTAMP;
        }
        if (offsetSeconds != NO_OFFSET) {
            return SyslogLocalTime.withOffset(year, month, day, hour, minute, second, millis, offsetSeconds);
        }
        int y = year;
        if (y == NO_YEAR) {
            y = time.inferYear(month, day, hour, minute, second, zone, clock.millis());
            if (y < 0) {
                return SyslogMessage.NO_TIMESTAMP;
            }
        }
        return time.inZone(y, month, day, hour, minute, second, millis, zone);
    }

    /** {@code hh:mm:ss[.f...]}; sets {@link #valid} from the ranges. A leap second reads as :59. */
    private int readTime(String s, int p) {
        if (p + 8 > s.length() || s.charAt(p + 2) != ':' || s.charAt(p + 5) != ':') {
            return -1;
        }
        hour = Digits.fixed(s, p, 2);
        minute = Digits.fixed(s, p + 3, 2);
        second = Digits.fixed(s, p + 6, 2);
        if (hour < 0 || minute < 0 || second < 0) {
            return -1;
        }
        valid = hour <= 23 && minute <= 59 && second <= 60;
        second = Math.min(second, 59);
        millis = 0;
        int i = p + 8;
        if (i < s.length() && s.charAt(i) == '.') {
            int start = ++i;
            int scale = 100;
            while (i < s.length() && isDigit(s.charAt(i))) {
                millis += (s.charAt(i++) - '0') * scale;
                scale /= 10;
            }
            if (i == start) {
                return -1;
            }
        }
        return i;
    }

    /** {@code +hh:mm} (RFC 3339) or {@code +hhmm}. */
    private int readOffset(String s, int p) {
        int hours = Digits.fixed(s, p + 1, 2);
        int i = p + 3;
        if (i < s.length() && s.charAt(i) == ':') {
            i++;
        }
        int minutes = Digits.fixed(s, i, 2);
        if (hours < 0 || minutes < 0) {
            return -1;
        }
        valid = valid && hours <= 23 && minutes <= 59;
        int seconds = hours * 3600 + minutes * 60;
        offsetSeconds = s.charAt(p) == '-' ? -seconds : seconds;
        return i + 2;
    }

    /** 1-12 for an English month abbreviation in any case, else 0. */
    static int month(char a, char b, char c) {
        if ((a | b | c) > 0x7F) {
            return 0;
        }
        int key = (a | 0x20) << 16 | (b | 0x20) << 8 | (c | 0x20);
        return switch (key) {
            case 'j' << 16 | 'a' << 8 | 'n' -> 1;
            case 'f' << 16 | 'e' << 8 | 'b' -> 2;
            case 'm' << 16 | 'a' << 8 | 'r' -> 3;
            case 'a' << 16 | 'p' << 8 | 'r' -> 4;
            case 'm' << 16 | 'a' << 8 | 'y' -> 5;
            case 'j' << 16 | 'u' << 8 | 'n' -> 6;
            case 'j' << 16 | 'u' << 8 | 'l' -> 7;
            case 'a' << 16 | 'u' << 8 | 'g' -> 8;
            case 's' << 16 | 'e' << 8 | 'p' -> 9;
            case 'o' << 16 | 'c' << 8 | 't' -> 10;
            case 'n' << 16 | 'o' << 8 | 'v' -> 11;
            case 'd' << 16 | 'e' << 8 | 'c' -> 12;
            default -> 0;
        };
    }
}
