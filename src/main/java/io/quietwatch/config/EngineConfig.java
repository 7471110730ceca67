package io.quietwatch.config;

/**
 * Rule engine settings ({@code engine:}).
 *
 * @param maxFutureSkewSeconds an event stamped further ahead of the wall clock than this moves the
 *                             engine clock only this far ({@code max_future_skew_seconds}, default 300)
 * @param dedupeHours          an alert with the same id and no higher severity within this many hours
 *                             of the last one is held back ({@code dedupe_hours}, default 24)
 */
public record EngineConfig(Integer maxFutureSkewSeconds, Integer dedupeHours) {
    public EngineConfig {
        maxFutureSkewSeconds = maxFutureSkewSeconds == null ? 300 : maxFutureSkewSeconds;
        dedupeHours = dedupeHours == null ? 24 : dedupeHours;
    }
}
