package io.quietwatch.parse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads LEEF's {@code devTime}. Without {@code devTimeFormat} (IBM: an epoch of 10 or 13 digits, or
 * {@code MMM dd yyyy HH:mm:ss}), and for the {@code MMM dd ...} and ISO patterns, {@link CefTime}'s
 * hand-written readers do it. Any other pattern is a Java {@code SimpleDateFormat} pattern, compiled
 * once into a {@link DateTimeFormatter} (English month names) and kept for the next line; those
 * readers are still tried when the pattern does not match the value (Zscaler's documented sample
 * pairs {@code MMM dd yyyy HH:mm:ss z} with a {@code Date.toString()} value). Thread-safe.
 */
final class LeefTime {
    private static final int MAX_PATTERNS = 64;
    private static final int MAX_PATTERN_LENGTH = 64;

    private final CefTime fast;
    private final ConcurrentHashMap<String, Optional<DateTimeFormatter>> patterns = new ConcurrentHashMap<>();

    LeefTime(CefTime fast) {
        this.fast = fast;
    }

    /** Epoch millis of {@code s[from, to)} read with {@code pattern} (may be null), or {@link CefTime#NONE}. */
    long read(String s, int from, int to, String pattern, ZoneId zone, Clock clock) {
        if (pattern == null || fastShape(pattern)) {
            return fast.read(s, from, to, zone, clock);
        }
        long t = formatted(s.substring(from, to), pattern, zone);
        return t != CefTime.NONE ? t : fast.read(s, from, to, zone, clock);
    }

    /** Patterns the fast readers read the same way: month name first or ISO order, 24-hour clock. */
    private static boolean fastShape(String pattern) {
        boolean shaped = pattern.startsWith("MMM") || pattern.startsWith("EEE MMM") || pattern.startsWith("yyyy-MM-dd");
        return shaped && pattern.indexOf('a') < 0 && pattern.indexOf('h') < 0 && pattern.indexOf('K') < 0;
    }

    private long formatted(String value, String pattern, ZoneId zone) {
        DateTimeFormatter f = formatter(pattern);
        if (f == null) {
            return CefTime.NONE;
        }
        try {
            TemporalAccessor t = f.parse(value.trim());
            if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Instant.from(t).toEpochMilli();
            }
            LocalDate date = t.query(TemporalQueries.localDate());
            if (date == null) {
                return CefTime.NONE;
            }
            LocalTime time = t.query(TemporalQueries.localTime());
            ZoneId named = t.query(TemporalQueries.zone());
            return ZonedDateTime.of(date, time != null ? time : LocalTime.MIDNIGHT, named != null ? named : zone)
                    .toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            // a value that does not match its pattern, or a pattern java.time reads differently
            return CefTime.NONE;
        }
    }

    private DateTimeFormatter formatter(String pattern) {
        Optional<DateTimeFormatter> known = patterns.get(pattern);
        if (known != null) {
            return known.orElse(null);
        }
        Optional<DateTimeFormatter> compiled = compile(pattern);
        if (patterns.size() < MAX_PATTERNS) {
            patterns.putIfAbsent(pattern, compiled);
        }
        return compiled.orElse(null);
    }

    private static Optional<DateTimeFormatter> compile(String pattern) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
                    .appendPattern(pattern).toFormatter(Locale.ENGLISH));
        } catch (RuntimeException e) {
            // an invalid pattern; java.time also throws ClassCastException for some letter runs ("ggggg")
            return Optional.empty();
        }
    }
}
