package io.quietwatch.ingest;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Last handler of every TCP connection: keeps the {@code connections} gauge, logs connects and
 * disconnects at debug, and ends the pipeline's exceptions by logging them (warnings rate-limited)
 * and closing that connection only. One instance serves every connection of an input.
 */
@ChannelHandler.Sharable
final class TcpConnectionTracker extends ChannelInboundHandlerAdapter {
    private static final Logger log = LogManager.getLogger(TcpConnectionTracker.class);

    private final InputEndpoint endpoint;
    private final InputCounters counters;
    private final LogThrottle warnLog = LogThrottle.perMinute(5);

    TcpConnectionTracker(InputEndpoint endpoint) {
        this.endpoint = endpoint;
        this.counters = endpoint.counters();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int open = counters.connections.incrementAndGet();
        log.debug("TCP input {}: connection from {} ({} open)", endpoint.name(), ctx.channel().remoteAddress(), open);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        int open = counters.connections.decrementAndGet();
        log.debug("TCP input {}: {} disconnected ({} open)", endpoint.name(), ctx.channel().remoteAddress(), open);
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            log.debug("TCP input {}: closing the connection from {}, idle for idle_timeout_seconds", endpoint.name(),
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            counters.tlsFailures.increment();
            long suppressed = warnLog.acquire();
            if (suppressed >= 0) {
                log.warn("TLS input {}: handshake with {} failed, closing the connection: {} ({} similar warnings"
                        + " suppressed)", endpoint.name(), ctx.channel().remoteAddress(), TlsServerContext.rootMessage(done.cause()),
                        suppressed);
            }
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Object peer = ctx.channel().remoteAddress();
        if (cause instanceof IOException || cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            log.debug("TCP input {}: connection from {} failed: {}", endpoint.name(), peer, cause.toString());
        } else {
            long suppressed = warnLog.acquire();
            if (suppressed >= 0 && cause instanceof CorruptedFrameException) {
                log.warn("TCP input {}: framing error from {}, closing the connection: {} ({} similar warnings"
                        + " suppressed)", endpoint.name(), peer, cause.getMessage(), suppressed);
            } else if (suppressed >= 0) {
                log.warn("TCP input {}: error on the connection from {}, closing it ({} similar warnings suppressed)",
                        endpoint.name(), peer, suppressed, cause);
            }
        }
        ctx.close();
    }
}
