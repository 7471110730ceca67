package io.quietwatch.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A network listener that receives syslog messages and hands them to the pipeline. Transport only:
 * no parsing happens here.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>constructed from its {@link InputEndpoint} and a {@link MessageHandoff};</li>
 *   <li>{@link #start()} binds the socket and starts receiving on its own named thread(s); a bind
 *       failure throws an {@link IOException} naming the address and port;</li>
 *   <li>{@link #localAddress()} tells the bound address (the real port when 0 was configured);</li>
 *   <li>{@link #close()} stops receiving and releases the socket; it is idempotent.</li>
 * </ol>
 * Received messages go to {@link MessageHandoff#offer}; every message is counted in the endpoint's
 * {@link InputCounters} as received, and as dropped when the handoff refuses it.
 */
public interface Input extends AutoCloseable {

    /** Binds and starts receiving. */
    void start() throws IOException;

    /** The bound address, valid after {@link #start()}. */
    InetSocketAddress localAddress();

    /** The input's identity and counters. */
    InputEndpoint endpoint();

    /** Stops receiving and releases the socket. Idempotent. */
    @Override
    void close();
}
