package io.quietwatch.ingest;

import io.quietwatch.config.InputConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Syslog over UDP (RFC 5426): one message per datagram, received by one blocking
 * {@link DatagramChannel} on one daemon thread named {@code quietwatch-udp-<port>}.
 *
 * <p>Trailing LF, CR and NUL bytes are stripped (many senders append them) and empty datagrams are
 * skipped. A datagram longer than {@code max_message_size} is discarded and counted as oversize; one
 * from a sender outside {@code allowed_senders} is discarded and counted as a rejected sender.
 */
public final class SyslogUdpInput implements Input {
    private static final Logger log = LogManager.getLogger(SyslogUdpInput.class);
    private static final long JOIN_MILLIS = 5_000;

    private final InputEndpoint endpoint;
    private final MessageHandoff handoff;
    private final AllowedSenders allowed;
    private final int maxMessageSize;
    private final InputCounters counters;
    private final LogThrottle errorLog = LogThrottle.perMinute(5);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile DatagramChannel channel;
    private volatile InetSocketAddress localAddress;
    private Thread thread;

    /**
     * @throws IllegalArgumentException naming the input if its size limits or sender blocks are invalid
     */
    public SyslogUdpInput(InputEndpoint endpoint, MessageHandoff handoff) {
        InputConfig config = endpoint.config();
        if (config.maxMessageSize() < 1) {
            throw new IllegalArgumentException("input '" + endpoint.name()
                    + "': max_message_size must be positive, not " + config.maxMessageSize());
        }
        if (config.receiveBufferSize() < 1) {
            throw new IllegalArgumentException("input '" + endpoint.name()
                    + "': receive_buffer_size must be positive, not " + config.receiveBufferSize());
        }
        this.endpoint = endpoint;
        this.handoff = new GuardedHandoff(handoff);
        this.allowed = AllowedSenders.of(endpoint.name(), config.allowedSenders());
        this.maxMessageSize = config.maxMessageSize();
        this.counters = endpoint.counters();
    }

    @Override
    public synchronized void start() throws IOException {
        if (channel != null || closed.get()) {
            throw new IllegalStateException("UDP input '" + endpoint.name() + "' was already started or closed");
        }
        InputConfig config = endpoint.config();
        DatagramChannel ch = DatagramChannel.open();
        try {
            requestReceiveBuffer(ch, config.receiveBufferSize());
            ch.bind(new InetSocketAddress(config.bindAddress(), config.port()));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("UDP input '" + endpoint.name() + "' cannot bind to " + config.bindAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        localAddress = (InetSocketAddress) ch.getLocalAddress();
        channel = ch;
        thread = new Thread(() -> receiveLoop(ch), "quietwatch-udp-" + localAddress.getPort());
        thread.setDaemon(true);
        thread.start();
        log.info("UDP input {} listening on {}", endpoint.name(), localAddress);
    }

    private void requestReceiveBuffer(DatagramChannel ch, int requested) throws IOException {
        ch.setOption(StandardSocketOptions.SO_RCVBUF, requested);
        // Linux caps the request at net.core.rmem_max and doubles it; the JDK halves it back on read,
        // so the two figures compare directly.
        int granted = ch.getOption(StandardSocketOptions.SO_RCVBUF);
        if (granted < requested) {
            log.warn("UDP input {}: asked for a {}-byte receive buffer, the kernel granted {}; bursts may be lost."
                    + " Raise the limit with: sysctl -w net.core.rmem_max={}", endpoint.name(), requested, granted,
                    requested);
        } else {
            log.info("UDP input {}: receive buffer {} bytes (asked for {})", endpoint.name(), granted, requested);
        }
    }

    private void receiveLoop(DatagramChannel ch) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(maxMessageSize + 1);
        while (ch.isOpen()) {
            try {
                buffer.clear();
                SocketAddress from = ch.receive(buffer);
                if (from != null) {
                    accept(buffer, (InetSocketAddress) from);
                }
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (ch.isOpen() && errorLog.acquire() >= 0) {
                    log.warn("UDP input {}: receive failed, continuing", endpoint.name(), e);
                }
            }
        }
        log.debug("UDP input {} stopped receiving", endpoint.name());
    }

    private void accept(ByteBuffer buffer, InetSocketAddress from) {
        if (!allowed.allows(from.getAddress())) {
            counters.rejectedSenders.increment();
            return;
        }
        int length = buffer.position();
        if (length > maxMessageSize) {
            counters.oversize.increment();
            return;
        }
        while (length > 0 && isTrailer(buffer.get(length - 1))) {
            length--;
        }
        if (length == 0) {
            return;
        }
        byte[] bytes = new byte[length];
        buffer.get(0, bytes);
        counters.received.increment();
        counters.bytes.add(length);
        RawMessage message = new RawMessage(bytes, endpoint, from.getAddress(), System.currentTimeMillis());
        if (!handoff.offer(message)) {
            counters.dropped.increment();
        }
    }

    private static boolean isTrailer(byte b) {
        return b == '\n' || b == '\r' || b == 0;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public InputEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Thread t;
        synchronized (this) {
            t = thread;
            DatagramChannel ch = channel;
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException e) {
                    log.warn("UDP input {}: closing the socket failed", endpoint.name(), e);
                }
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("UDP input {} closed", endpoint.name());
    }
}
