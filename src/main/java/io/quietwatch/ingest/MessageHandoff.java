package io.quietwatch.ingest;

/**
 * Where inputs put received messages: a bounded queue drained by the pipeline. {@link #offer} never
 * blocks; a full queue returns false and the input counts the message as dropped.
 */
@FunctionalInterface
public interface MessageHandoff {
    /** Hands the message on; false if there was no room (the caller counts the drop). */
    boolean offer(RawMessage message);
}
