package io.quietwatch.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns header date-time fields into epoch milliseconds: pure arithmetic for a numeric offset or a
 * fixed zone, {@link ZoneRules} for zones with daylight saving time, and RFC 3164 year inference.
 *
 * <p>Thread-safe: the two caches are immutable holders in volatile fields, replaced whole on a miss,
 * so one instance can be shared by all the threads of a parser.
 */
final class SyslogLocalTime {
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int NOT_FIXED = Integer.MIN_VALUE;
    private static final long HALF_YEAR = 182L * SECONDS_PER_DAY;

    /** Epoch second of the start of one local hour in one zone, when no transition falls in that hour. */
    private record HourEpoch(ZoneId zone, long hourKey, long epochSecond) {
    }

    /** The offset of one zone between two transitions, to place "now" on the local calendar. */
    private record NowOffset(ZoneId zone, long fromSecond, long untilSecond, int offsetSeconds) {
    }

    private volatile HourEpoch lastHour = new HourEpoch(ZoneOffset.UTC, -1, 0);
    private volatile NowOffset lastNow = new NowOffset(ZoneOffset.UTC, Long.MIN_VALUE, Long.MAX_VALUE, 0);

    /** Epoch millis of a date-time with a numeric UTC offset; fields already validated. */
    static long withOffset(int year, int month, int day, int hour, int minute, int second, int millis,
                           int offsetSeconds) {
        long seconds = localSeconds(year, month, day, hour, minute, second) - offsetSeconds;
        return seconds * 1000 + millis;
    }

    /** Epoch millis of a local date-time in {@code zone}; fields already validated. */
    long inZone(int year, int month, int day, int hour, int minute, int second, int millis, ZoneId zone) {
        int fixed = fixedOffset(zone);
        if (fixed != NOT_FIXED) {
            return withOffset(year, month, day, hour, minute, second, millis, fixed);
        }
        long hourKey = (((long) year * 13 + month) * 32 + day) * 24 + hour;
        HourEpoch cached = lastHour;
        if (cached.hourKey != hourKey || !sameZone(cached.zone, zone)) {
            cached = hourEpoch(zone, LocalDateTime.of(year, month, day, hour, 0), hourKey);
            if (cached == null) {
                // a transition falls inside this hour (e.g. Lord Howe's 30-minute shift): no shortcut
                LocalDateTime exact = LocalDateTime.of(year, month, day, hour, minute, second);
                return ZonedDateTime.ofLocal(exact, zone, null).toEpochSecond() * 1000 + millis;
            }
            lastHour = cached;
        }
        return (cached.epochSecond + minute * 60L + second) * 1000 + millis;
    }

    /**
     * The year that puts a yearless RFC 3164 stamp closest to {@code nowMillis} on the local calendar
     * of {@code zone}, or -1 when the day exists in none of the neighbouring years (Feb 29).
     */
    int inferYear(int month, int day, int hour, int minute, int second, ZoneId zone, long nowMillis) {
        long nowSecond = Math.floorDiv(nowMillis, 1000);
        long nowLocal = nowSecond + offsetAt(zone, nowSecond);
        int thisYear = yearOfDay(Math.floorDiv(nowLocal, SECONDS_PER_DAY));
        if (day <= daysInMonth(thisYear, month)) {
            long distance = Math.abs(localSeconds(thisYear, month, day, hour, minute, second) - nowLocal);
            if (distance < HALF_YEAR) {
                return thisYear; // a neighbouring year is at least 365 - 182 days away
            }
        }
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int year = thisYear - 1; year <= thisYear + 1; year++) {
            if (day > daysInMonth(year, month)) {
                continue;
            }
            long distance = Math.abs(localSeconds(year, month, day, hour, minute, second) - nowLocal);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = year;
            }
        }
        return best;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static long localSeconds(int year, int month, int day, int hour, int minute, int second) {
        return epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int shifted = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * shifted + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** Calendar year of an epoch day (H. Hinnant's civil_from_days, year part only). */
    static int yearOfDay(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        return (int) (yearOfEra + era * 400 + (shiftedMonth >= 10 ? 1 : 0));
    }

    private static int fixedOffset(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds();
        }
        ZoneRules rules = zone.getRules();
        return rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : NOT_FIXED;
    }

    private int offsetAt(ZoneId zone, long epochSecond) {
        NowOffset cached = lastNow;
        if (epochSecond < cached.fromSecond || epochSecond >= cached.untilSecond || !sameZone(cached.zone, zone)) {
            cached = nowOffset(zone, epochSecond);
            lastNow = cached;
        }
        return cached.offsetSeconds;
    }

    /** Valid from now (the clock moves forward) until the zone's next transition. */
    private static NowOffset nowOffset(ZoneId zone, long epochSecond) {
        Instant now = Instant.ofEpochSecond(epochSecond);
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition next = rules.nextTransition(now);
        long until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        return new NowOffset(zone, epochSecond, until, rules.getOffset(now).getTotalSeconds());
    }

    /** The hour's start, or null when its first and last second do not share one offset. */
    private static HourEpoch hourEpoch(ZoneId zone, LocalDateTime start, long hourKey) {
        ZoneRules rules = zone.getRules();
        LocalDateTime end = start.plusSeconds(3599);
        if (rules.getTransition(start) != null || rules.getTransition(end) != null) {
            return null;
        }
        ZoneOffset offset = rules.getOffset(start);
        if (!offset.equals(rules.getOffset(end))) {
            return null;
        }
        return new HourEpoch(zone, hourKey, start.toEpochSecond(offset));
    }

    private static boolean sameZone(ZoneId cached, ZoneId zone) {
        return cached == zone || cached.getId().equals(zone.getId());
    }
}
