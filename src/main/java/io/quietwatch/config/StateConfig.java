package io.quietwatch.config;

/**
 * Snapshots of what the rules have learnt, so a restart neither forgets nor re-alerts ({@code state:}).
 *
 * @param enabled                  take snapshots and restore the latest at start ({@code enabled}, default true)
 * @param path                     the snapshot file ({@code path}, default {@code var/state/snapshot.json.gz})
 * @param snapshotIntervalSeconds  how often a snapshot is taken while running, besides the one at a clean stop
 *                                 ({@code snapshot_interval_seconds}, default 60): after a crash at most this
 *                                 much is lost
 */
public record StateConfig(Boolean enabled, String path, Integer snapshotIntervalSeconds) {
    public StateConfig {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        path = path == null ? "var/state/snapshot.json.gz" : path;
        snapshotIntervalSeconds = snapshotIntervalSeconds == null ? 60 : snapshotIntervalSeconds;
    }

    /** Every default. */
    public static StateConfig defaults() {
        return new StateConfig(null, null, null);
    }
}
