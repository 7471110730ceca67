package io.quietwatch.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Rule engine settings ({@code engine:}).
 *
 * @param maxFutureSkewSeconds an event stamped further ahead of the wall clock than this moves the
 *                             engine clock only this far ({@code max_future_skew_seconds}, default 300)
 * @param dedupeHours          an alert with the same id and no higher severity within this many hours
 *                             of the last one is held back ({@code dedupe_hours}, default 24)
 * @param maxActiveHosts       internal hosts remembered for {@code qw_active_hosts}; more are not counted
 *                             until old ones expire ({@code max_active_hosts}, default 500,000)
 * @param maxOpenIncidents     incidents the alert router folds at once; beyond, alerts go out unfolded
 *                             ({@code max_open_incidents}, default 50,000)
 */
public record EngineConfig(Integer maxFutureSkewSeconds, Integer dedupeHours, Integer maxActiveHosts,
                           Integer maxOpenIncidents) {
    @JsonCreator
    public EngineConfig {
        maxFutureSkewSeconds = maxFutureSkewSeconds == null ? 300 : maxFutureSkewSeconds;
        dedupeHours = dedupeHours == null ? 24 : dedupeHours;
        maxActiveHosts = maxActiveHosts == null ? 500_000 : maxActiveHosts;
        maxOpenIncidents = maxOpenIncidents == null ? 50_000 : maxOpenIncidents;
    }

    /** The clock and dedupe settings, with the default caps. */
    public EngineConfig(Integer maxFutureSkewSeconds, Integer dedupeHours) {
        this(maxFutureSkewSeconds, dedupeHours, null, null);
    }
}
