package io.quietwatch.alert.sink.syslog;

import java.io.IOException;

/** Carries encoded syslog messages to the receiver: one datagram, or one frame on a kept-open connection. */
interface SyslogTransport extends AutoCloseable {

    /**
     * Sends one message, opening the connection first if there is none. A failure drops the connection,
     * so the next call starts afresh.
     *
     * @throws IOException whose message names the receiver and the step that failed
     */
    void send(byte[] message) throws IOException;

    /** Releases the socket. Idempotent. */
    @Override
    void close();
}
