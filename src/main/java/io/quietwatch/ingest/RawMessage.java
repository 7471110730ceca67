package io.quietwatch.ingest;

import java.net.InetAddress;

/**
 * One syslog message as received, before any parsing: the bytes of one datagram or one TCP frame
 * (framing trailer removed).
 *
 * @param bytes      message bytes; owned by the message, never reused
 * @param endpoint   the input it came in on
 * @param sender     the peer's address, or null when read from a file
 * @param receivedAt wall-clock receive time, epoch milliseconds
 */
public record RawMessage(byte[] bytes, InputEndpoint endpoint, InetAddress sender, long receivedAt) {
}
