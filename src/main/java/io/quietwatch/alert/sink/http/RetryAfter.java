package io.quietwatch.alert.sink.http;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Reads a {@code Retry-After} header (RFC 9110 section 10.2.3): either a number of seconds or an
 * HTTP-date. Recipients must accept all three date forms of section 5.6.7: IMF-fixdate, the
 * obsolete RFC 850 form and ANSI C's asctime form.
 */
public final class RetryAfter {
    /** Longer requests are shortened to this: the outbox should not park an alert for days. */
    public static final long MAX_MILLIS = Duration.ofHours(24).toMillis();

    private static final DateTimeFormatter IMF = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
            .toFormatter(Locale.US).withZone(ZoneOffset.UTC);

    private RetryAfter() {
    }

    /**
     * The delay the header asks for, in milliseconds: 0 when absent, unreadable or in the past,
     * at most {@link #MAX_MILLIS}.
     */
    public static long millis(String header, Instant now) {
        if (header == null) {
            return 0;
        }
        String v = header.strip();
        if (v.isEmpty()) {
            return 0;
        }
        if (allDigits(v)) {
            if (v.length() > 9) {
                return MAX_MILLIS;
            }
            return Math.min(MAX_MILLIS, Long.parseLong(v) * 1000L);
        }
        Instant at = date(v);
        if (at == null) {
            return 0;
        }
        long ms = Duration.between(now, at).toMillis();
        return Math.max(0, Math.min(MAX_MILLIS, ms));
    }

    private static Instant date(String v) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF, RFC_850, ASCTIME}) {
            try {
                return ZonedDateTime.parse(v, f).toInstant();
            } catch (DateTimeException e) {
                // try the next form
            }
        }
        return null;
    }

    private static boolean allDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
