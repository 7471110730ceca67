package io.quietwatch.parse;

import java.time.ZoneId;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * PAN-OS time stamps: {@code 2026/11/26 10:00:00} as the firewall writes them in its own local time
 * (Receive Time, Generated Time), and the ISO 8601 form log forwarders and Panorama exports use
 * ({@code 2021-10-22T16:10:05.000000Z}, {@code 2023-10-04T18:54:25.443+08:00}). A stamp without an
 * offset is read in the input's zone.
 */
final class PanOsTime {
    /** The result for text that is not a readable stamp. */
    static final long NONE = SyslogMessage.NO_TIMESTAMP;

    private static final int STAMP_LENGTH = 19;
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int BAD_OFFSET = Integer.MAX_VALUE;

    private PanOsTime() {
    }

    /** Epoch millis of the stamp in {@code s[from, to)}, or {@link #NONE}. */
    static long read(String s, int from, int to, ZoneId zone, SyslogLocalTime local) {
        if (to - from < STAMP_LENGTH) {
            return NONE;
        }
        char dateSep = s.charAt(from + 4);
        char middle = s.charAt(from + 10);
        if (dateSep != '/' && dateSep != '-' || s.charAt(from + 7) != dateSep
                || middle != ' ' && middle != 'T' || s.charAt(from + 13) != ':' || s.charAt(from + 16) != ':') {
            return NONE;
        }
        int year = Digits.fixed(s, from, 4);
        int month = Digits.fixed(s, from + 5, 2);
        int day = Digits.fixed(s, from + 8, 2);
        int hour = Digits.fixed(s, from + 11, 2);
        int minute = Digits.fixed(s, from + 14, 2);
        int second = Digits.fixed(s, from + 17, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > SyslogLocalTime.daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            return NONE;
        }
        int p = from + STAMP_LENGTH;
        int millis = 0;
        if (p < to && s.charAt(p) == '.') {
            int start = ++p;
            while (p < to && isDigit(s.charAt(p))) {
                if (p - start < 3) {
                    millis = millis * 10 + s.charAt(p) - '0';
                }
                p++;
            }
            if (p == start) {
                return NONE;
            }
            for (int n = p - start; n < 3; n++) {
                millis *= 10;
            }
        }
        int offset = offset(s, p, to);
        if (offset == BAD_OFFSET) {
            return NONE;
        }
        if (offset == NO_OFFSET) {
            return local.inZone(year, month, day, hour, minute, second, millis, zone);
        }
        return SyslogLocalTime.withOffset(year, month, day, hour, minute, second, millis, offset);
    }

    /** Offset seconds of {@code Z}, {@code +hh:mm} or {@code +hhmm} filling {@code s[p, to)}. */
    private static int offset(String s, int p, int to) {
        if (p == to) {
            return NO_OFFSET;
        }
        char sign = s.charAt(p);
        if ((sign == 'Z' || sign == 'z') && p + 1 == to) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            return BAD_OFFSET;
        }
        int len = to - p - 1;
        int hours = len >= 2 ? Digits.fixed(s, p + 1, 2) : -1;
        int minutes;
        if (len == 5 && s.charAt(p + 3) == ':') {
            minutes = Digits.fixed(s, p + 4, 2);
        } else if (len == 4) {
            minutes = Digits.fixed(s, p + 3, 2);
        } else if (len == 2) {
            minutes = 0;
        } else {
            return BAD_OFFSET;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return BAD_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }
}
