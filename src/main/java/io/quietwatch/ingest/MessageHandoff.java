package io.quietwatch.ingest;

/**
 * Where inputs put received messages: a bounded queue drained by the pipeline. {@link #offer} never
 * blocks; a full queue returns false. A UDP input counts the message as dropped; a TCP input keeps it,
 * stops reading the connection and offers it again once {@link #hasRoom} says the queue has drained.
 */
@FunctionalInterface
public interface MessageHandoff {
    /** Hands the message on; false if there was no room (the caller counts the drop). */
    boolean offer(RawMessage message);

    /**
     * Whether the queue is below its low-water mark, so that a TCP connection paused because it was
     * full may resume reading. True by default (a handoff without a queue).
     */
    default boolean hasRoom() {
        return true;
    }
}
