package io.quietwatch.store;

import io.quietwatch.alert.Alert;

import java.util.List;
import java.util.Optional;

/**
 * The recent alerts the dashboard and {@code /api/alerts} show, with their acknowledgement. Every alert the
 * router lets out is {@linkplain #record recorded}; later revisions of an incident (same {@link Alert#id()})
 * update its row rather than adding one. Old rows are removed after the configured retention.
 * Implementations are safe for use by several threads.
 */
public interface AlertStore extends AutoCloseable {

    /** Records an alert, or folds a later revision of a known incident into its row. */
    void record(Alert alert);

    /** The alerts matching {@code query}, newest ({@link Alert#timestamp()}) first, at most {@code query.limit()}. */
    List<StoredAlert> find(AlertQuery query);

    /** How many alerts match {@code query}, ignoring its limit. */
    long count(AlertQuery query);

    /** The alert with this id, if still held. */
    Optional<StoredAlert> get(String id);

    /**
     * Marks an alert acknowledged by {@code user} at {@code atMillis} (wall clock); acknowledging twice keeps
     * the first. Returns false when no alert has this id.
     */
    boolean acknowledge(String id, String user, long atMillis);

    /** Removes alerts whose latest revision is older than the retention; returns how many went. */
    int expire(long nowMillis);

    @Override
    void close();

    /**
     * An alert as held: the latest revision of its incident and its acknowledgement.
     *
     * @param alert          the latest revision
     * @param acknowledgedAt wall-clock epoch millis of the acknowledgement, or null
     * @param acknowledgedBy who acknowledged, or null
     */
    record StoredAlert(Alert alert, Long acknowledgedAt, String acknowledgedBy) {
        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    /**
     * Which alerts to list; null fields do not filter.
     *
     * @param detection    detection id, e.g. {@code http-tunnel}
     * @param minSeverity  lowest severity shown ({@code low}, {@code medium}, {@code high}, {@code critical})
     * @param hostIp       the internal host
     * @param acknowledged true for acknowledged only, false for open only
     * @param sinceMillis  only alerts stamped at or after this event time (epoch millis)
     * @param limit        at most this many rows (1..1000)
     */
    record AlertQuery(String detection, String minSeverity, String hostIp, Boolean acknowledged, Long sinceMillis,
                      int limit) {
        /** @throws IllegalArgumentException for a limit outside 1..1000 or an unknown severity word */
        public AlertQuery {
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("limit " + limit + " is not between 1 and 1000");
            }
            if (minSeverity != null) {
                io.quietwatch.alert.AlertSeverity.parse(minSeverity);
            }
        }

        public static AlertQuery latest(int limit) {
            return new AlertQuery(null, null, null, null, null, limit);
        }
    }
}
