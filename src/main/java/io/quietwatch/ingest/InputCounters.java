package io.quietwatch.ingest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one input. Written by the receiving threads, read by the stats reporter. */
public final class InputCounters {
    /** Messages received and handed off (or dropped because the queue was full). */
    public final LongAdder received = new LongAdder();
    /** Bytes of received messages. */
    public final LongAdder bytes = new LongAdder();
    /** Messages dropped because the pipeline queue was full. */
    public final LongAdder dropped = new LongAdder();
    /** Messages or frames larger than {@code max_message_size}, discarded. */
    public final LongAdder oversize = new LongAdder();
    /** TCP framing errors (bad octet count and the like); the connection is closed. */
    public final LongAdder framingErrors = new LongAdder();
    /** Datagrams or connections refused because the sender is not in {@code allowed_senders}. */
    public final LongAdder rejectedSenders = new LongAdder();
    /** TCP/TLS connections refused because {@code max_connections} were open. */
    public final LongAdder refusedConnections = new LongAdder();
    /** TLS handshakes that failed (no, unknown or expired client certificate; old protocol; not TLS). */
    public final LongAdder tlsFailures = new LongAdder();
    /** Messages parsed into an event. */
    public final LongAdder parsed = new LongAdder();
    /** Messages no parser could read (dead-lettered). */
    public final LongAdder unparsed = new LongAdder();
    /** Times a TCP/TLS connection stopped reading because the pipeline queue was full (backpressure). */
    public final LongAdder backpressurePauses = new LongAdder();
    /** Open TCP connections. */
    public final AtomicInteger connections = new AtomicInteger();
}
