package io.quietwatch.state;

import io.quietwatch.alert.AlertRouter;
import io.quietwatch.engine.EngineState;

/**
 * One snapshot: what the rules have learnt and what the alert router remembers, at one moment.
 *
 * @param takenAt wall-clock time it was taken, epoch millis
 * @param engine  the rule engine's state
 * @param router  the alert router's open incidents and revisions
 */
public record Snapshot(long takenAt, EngineState engine, AlertRouter.Memory router) {

    /** Table rows, router incidents and active hosts, all counted: what {@code status} calls rows. */
    public long rows() {
        return engine.rowCount() + router.incidents().size() + engine.activeHosts().size();
    }
}
