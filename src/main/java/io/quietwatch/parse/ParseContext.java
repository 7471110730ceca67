package io.quietwatch.parse;

import io.quietwatch.event.InternalNetworks;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What a parser needs besides the line: the input's time zone for stamps that carry none, the
 * clock that decides the year of RFC 3164 stamps, and the internal networks that decide direction.
 *
 * @param defaultZone zone of time stamps that do not name one ({@code default_timezone})
 * @param clock       "now", for year inference; a fixed clock in tests
 * @param internal    {@code internal_networks}
 */
public record ParseContext(ZoneId defaultZone, Clock clock, InternalNetworks internal) {
    public ParseContext {
        if (defaultZone == null || clock == null || internal == null) {
            throw new IllegalArgumentException("defaultZone, clock and internal networks are required");
        }
    }

    /** UTC, the system clock and the default private ranges. */
    public static ParseContext defaults() {
        return new ParseContext(ZoneId.of("UTC"), Clock.systemUTC(), InternalNetworks.defaults());
    }
}
