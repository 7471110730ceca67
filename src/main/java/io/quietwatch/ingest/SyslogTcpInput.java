package io.quietwatch.ingest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.quietwatch.config.InputConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Syslog over TCP (RFC 6587), or over TLS (RFC 5425, protocol {@code tls}: TLS 1.2 and 1.3 only, client
 * certificates checked against a CA when configured), on Netty: one acceptor thread and one worker thread, named
 * {@code quietwatch-tcp-<port>-accept-…} and {@code quietwatch-tcp-<port>-worker-…} after the configured
 * port. Each connection's framing (octet counting or LF/CRLF/NUL trailers) is chosen from its first byte
 * by {@link SyslogFramingRouter}.
 *
 * <p>Connections from senders outside {@code allowed_senders} are closed on accept and counted as
 * rejected; beyond {@code max_connections} open connections, new ones are closed and counted as refused;
 * a connection silent for {@code idle_timeout_seconds} is closed. When the pipeline queue is full a
 * connection stops reading until it drains ({@link FrameHandoffHandler}): TCP senders are slowed, not dropped. A connection that sends a corrupt
 * octet count, or fails its TLS handshake, is closed; other connections are unaffected.
 */
public final class SyslogTcpInput implements Input {
    private static final Logger log = LogManager.getLogger(SyslogTcpInput.class);
    private static final long QUIET_MILLIS = 100;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 3_000;

    private final InputEndpoint endpoint;
    private final AllowedSenders allowed;
    private final int maxMessageSize;
    /** One for the input: every connection's handler shares it, and with it one error log limit. */
    private final GuardedHandoff handoff;
    private final TcpConnectionTracker tracker;
    private final SslContext ssl;
    private final int maxConnections;
    private final int idleTimeoutSeconds;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EventLoopGroup acceptor;
    private EventLoopGroup worker;
    private volatile Channel serverChannel;
    private volatile InetSocketAddress localAddress;

    /**
     * @throws IllegalArgumentException naming the input if its size limit or sender blocks are invalid
     */
    public SyslogTcpInput(InputEndpoint endpoint, MessageHandoff handoff) {
        InputConfig config = endpoint.config();
        if (config.maxMessageSize() < 1) {
            throw new IllegalArgumentException("input '" + endpoint.name()
                    + "': max_message_size must be positive, not " + config.maxMessageSize());
        }
        this.endpoint = endpoint;
        this.allowed = AllowedSenders.of(endpoint.name(), config.allowedSenders());
        this.maxMessageSize = config.maxMessageSize();
        this.handoff = new GuardedHandoff(handoff);
        this.tracker = new TcpConnectionTracker(endpoint);
        this.ssl = "tls".equals(config.protocol()) ? TlsServerContext.build(endpoint.name(), config.tls()) : null;
        this.maxConnections = config.maxConnections();
        this.idleTimeoutSeconds = config.idleTimeoutSeconds();
    }

    @Override
    public synchronized void start() throws IOException {
        if (acceptor != null || closed.get()) {
            throw new IllegalStateException("TCP input '" + endpoint.name() + "' was already started or closed");
        }
        InputConfig config = endpoint.config();
        String prefix = "quietwatch-tcp-" + config.port();
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(prefix + "-accept", true),
                NioIoHandler.newFactory());
        worker = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(prefix + "-worker", true),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, worker)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        initConnection(ch);
                    }
                });
        ChannelFuture bound;
        try {
            bound = bootstrap.bind(new InetSocketAddress(config.bindAddress(), config.port())).awaitUninterruptibly();
        } catch (RuntimeException e) {
            shutDownGroups();
            throw new IOException(bindFailure(config, e), e);
        }
        if (!bound.isSuccess()) {
            shutDownGroups();
            throw new IOException(bindFailure(config, bound.cause()), bound.cause());
        }
        serverChannel = bound.channel();
        localAddress = (InetSocketAddress) serverChannel.localAddress();
        log.info("{} input {} listening on {}", ssl == null ? "TCP" : "TLS", endpoint.name(), localAddress);
    }

    private String bindFailure(InputConfig config, Throwable cause) {
        return "TCP input '" + endpoint.name() + "' cannot bind to " + config.bindAddress() + ":" + config.port() + ": "
                + cause.getMessage();
    }

    private void initConnection(SocketChannel ch) {
        InetSocketAddress peer = ch.remoteAddress();
        if (!allowed.allows(peer == null ? null : peer.getAddress())) {
            endpoint.counters().rejectedSenders.increment();
            log.debug("TCP input {}: rejected connection from {} (not in allowed_senders)", endpoint.name(), peer);
            ch.close();
            return;
        }
        if (endpoint.counters().connections.get() >= maxConnections) {
            endpoint.counters().refusedConnections.increment();
            log.debug("TCP input {}: refused connection from {} ({} open, max_connections)", endpoint.name(), peer,
                    maxConnections);
            ch.close();
            return;
        }
        if (idleTimeoutSeconds > 0) {
            ch.pipeline().addLast("idle", new IdleStateHandler(idleTimeoutSeconds, 0, 0, TimeUnit.SECONDS));
        }
        if (ssl != null) {
            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
        }
        ch.pipeline().addLast("syslog-router", new SyslogFramingRouter(maxMessageSize, endpoint.counters()))
                .addLast("syslog-handoff", new FrameHandoffHandler(endpoint, handoff))
                .addLast("connection-tracker", tracker);
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
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Channel ch = serverChannel;
        if (ch != null) {
            ch.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        shutDownGroups();
        log.info("TCP input {} closed", endpoint.name());
    }

    private void shutDownGroups() {
        if (acceptor == null) {
            return;
        }
        Future<?> a = acceptor.shutdownGracefully(QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Future<?> w = worker.shutdownGracefully(QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        a.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
        w.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
        acceptor = null;
        worker = null;
    }
}
