package io.quietwatch.alert.outbox;

import io.quietwatch.alert.Alert;

import java.util.List;

/**
 * One alert in the outbox.
 *
 * @param seq   position in the outbox, increasing from 1
 * @param sinks the sinks the routes send it to
 * @param alert the alert
 */
public record OutboxRecord(long seq, List<String> sinks, Alert alert) {
    public OutboxRecord {
        sinks = List.copyOf(sinks);
    }
}
