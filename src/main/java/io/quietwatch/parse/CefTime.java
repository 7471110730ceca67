package io.quietwatch.parse;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the time stamps CEF and LEEF values carry, without regular expressions: epoch numbers (seconds,
 * milliseconds, microseconds or nanoseconds, told apart by magnitude), the ArcSight form
 * {@code MMM dd [yyyy] HH:mm:ss[.SSS] [zone]}, Java's {@code Date.toString()} form
 * {@code EEE MMM dd HH:mm:ss zzz yyyy}, and ISO 8601 with {@code T} or a blank between date and time.
 * A zone is {@code Z}, a numeric offset ({@code +0100}, {@code GMT+01:00}), a region or upper-case id
 * the JDK knows ({@code UTC}, {@code CET}, {@code Europe/Berlin}), or a common abbreviation at its
 * literal offset ({@code PDT}, {@code CEST}, {@code JST}), as Java-based senders write them. A stamp without a zone
 * is in the zone the caller gives. Thread-safe.
 */
final class CefTime {
    /** Returned when the text is not a readable stamp. */
    static final long NONE = SyslogMessage.NO_TIMESTAMP;

    private static final Map<String, ZoneOffset> ABBREVIATIONS = abbreviations();

    private final SyslogLocalTime local = new SyslogLocalTime();

    /** Epoch millis of the stamp in {@code s[from, to)}, or {@link #NONE}. */
    long read(String s, int from, int to, ZoneId zone, Clock clock) {
        if (from >= to) {
            return NONE;
        }
        if (to < s.length() && s.charAt(to) != ' ') {
            // the stamp readers stop at a blank or the end; a LEEF value may end at a tab, pipe or caret
            return read(s.substring(from, to), 0, to - from, zone, clock);
        }
        char first = s.charAt(from);
        if (first >= '0' && first <= '9') {
            long epoch = epoch(s, from, to);
            return epoch != NONE ? epoch : iso(s, from, to, zone, clock);
        }
        return named(s, from, to, zone, clock);
    }

    /** The zone named by {@code s[from, to)} (a zone word or offset), or null. */
    static ZoneId zone(String s, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return null;
        }
        char c = s.charAt(from);
        if (n == 1 && (c == 'Z' || c == 'z')) {
            return ZoneOffset.UTC;
        }
        if (c == '+' || c == '-') {
            return offset(s, from, to);
        }
        if (n >= 3 && (s.startsWith("GMT", from) || s.startsWith("UTC", from))) {
            if (n == 3) {
                return ZoneOffset.UTC;
            }
            char sign = s.charAt(from + 3);
            return sign == '+' || sign == '-' ? offset(s, from + 3, to) : SyslogZones.lookup(s, from, to);
        }
        ZoneId known = SyslogZones.lookup(s, from, to);
        if (known != null || n > 4) {
            return known;
        }
        return ABBREVIATIONS.get(s.substring(from, to));
    }

    /**
     * Abbreviations the JDK has no zone id for, at their literal offsets ({@code PDT} is -07:00 all
     * year): what Java's {@code SimpleDateFormat} writes for {@code z}. Ids the JDK knows
     * ({@code EST}, {@code CET}, {@code UTC}) are looked up as zones first.
     */
    private static Map<String, ZoneOffset> abbreviations() {
        Map<String, ZoneOffset> m = new HashMap<>();
        String[] names = {"UT", "BST", "IST", "CEST", "EEST", "WEST", "MSK", "PST", "PDT", "MDT", "CST", "CDT",
            "EDT", "AKST", "AKDT", "HDT", "AST", "ADT", "NST", "NDT", "JST", "KST", "HKT", "SGT", "AWST", "ACST",
            "ACDT", "AEST", "AEDT", "NZST", "NZDT"};
        int[] minutes = {0, 60, 330, 120, 180, 60, 180, -480, -420, -360, -360, -300,
            -240, -540, -480, -540, -240, -180, -210, -150, 540, 540, 480, 480, 480, 570,
            630, 600, 660, 720, 780};
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], ZoneOffset.ofTotalSeconds(minutes[i] * 60));
        }
        return Map.copyOf(m);
    }

    private static long epoch(String s, int from, int to) {
        int dot = to;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' && dot == to) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return NONE;
            }
        }
        if (dot == to && to - from == 19) {
            // nanoseconds past 2001 overflow the 18 digits a long holds safely: drop the last three
            long micros = CefFields.number(s, from, to - 3);
            return micros < 0 ? NONE : micros / 1000;
        }
        long value = CefFields.number(s, from, dot);
        if (value < 0) {
            return NONE;
        }
        if (dot < to) {
            // seconds with a fraction, as some senders write
            long millis = dot + 1 < to ? CefFields.number(s, dot + 1, Math.min(to, dot + 4)) : 0;
            int digits = Math.min(to, dot + 4) - dot - 1;
            for (int d = digits; d < 3; d++) {
                millis *= 10;
            }
            return value < EpochUnits.SECONDS_BELOW && millis >= 0 ? value * 1000 + millis : NONE;
        }
        return EpochUnits.millis(value);
    }

    private long iso(String s, int from, int to, ZoneId zone, Clock clock) {
        if (to - from < 19) {
            return NONE;
        }
        String text = s;
        int p = from;
        if (s.charAt(from + 10) == ' ') {
            text = s.substring(from, to).replace(' ', 'T');
            p = 0;
            to -= from;
        }
        SyslogStamp stamp = new SyslogStamp();
        int end = stamp.readIso(text, p);
        if (end < 0 || end > to) {
            return NONE;
        }
        return finish(stamp, text, end, to, zone, clock);
    }

    private long named(String s, int from, int to, ZoneId zone, Clock clock) {
        int p = from;
        // Date.toString(): "Mon Oct 02 16:21:40 UTC 2017"
        if (to - p > 4 && s.charAt(p + 3) == ' ' && Character.isLetter(s.charAt(p + 4))) {
            p += 4;
        }
        SyslogStamp stamp = new SyslogStamp();
        int end = stamp.readBsd(s, p);
        if (end < 0 || end > to) {
            return NONE;
        }
        return finish(stamp, s, end, to, zone, clock);
    }

    /** After the time: an optional zone, then an optional year (Date.toString() puts it last). */
    private long finish(SyslogStamp stamp, String s, int p, int to, ZoneId zone, Clock clock) {
        if (!stamp.valid) {
            return NONE;
        }
        ZoneId named = null;
        p = CefPairs.skipBlanks(s, p, to);
        if (p < to) {
            int wordEnd = p;
            while (wordEnd < to && s.charAt(wordEnd) != ' ') {
                wordEnd++;
            }
            int yearEnd = CefPairs.trimEnd(s, CefPairs.skipBlanks(s, wordEnd, to), to);
            int yearStart = CefPairs.skipBlanks(s, wordEnd, to);
            if (yearEnd - yearStart == 4 && stamp.year < 0) {
                stamp.year = (int) CefFields.number(s, yearStart, yearEnd);
            }
            named = zone(s, p, wordEnd);
        }
        if (stamp.offsetSeconds != SyslogStamp.NO_OFFSET) {
            named = null;
        }
        return stamp.epochMillis(named != null ? named : zone, local, clock);
    }

    private static ZoneOffset offset(String s, int from, int to) {
        int sign = s.charAt(from) == '-' ? -1 : 1;
        int i = from + 1;
        int hours = 0;
        int digits = 0;
        while (i < to && digits < 2 && Character.isDigit(s.charAt(i))) {
            hours = hours * 10 + s.charAt(i++) - '0';
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        if (i < to && s.charAt(i) == ':') {
            i++;
        }
        long minutes = i == to ? 0 : CefFields.number(s, i, to);
        if (minutes < 0 || minutes > 59 || hours > 18 || to - i > 2) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + (int) minutes * 60));
    }
}
