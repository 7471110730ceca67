package io.quietwatch.config;

/**
 * Sampling of lines no parser could read ({@code dead_letter:}).
 *
 * @param path         file the samples are appended to, one JSON object per line (default {@code var/deadletter.log})
 * @param maxPerSecond samples written per second at most; the rest are only counted ({@code max_per_second}, default 10)
 */
public record DeadLetterConfig(String path, Integer maxPerSecond) {
    public DeadLetterConfig {
        path = path == null ? "var/deadletter.log" : path;
        maxPerSecond = maxPerSecond == null ? 10 : maxPerSecond;
    }
}
