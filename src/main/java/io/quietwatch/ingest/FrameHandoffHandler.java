package io.quietwatch.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Turns each decoded frame into a {@link RawMessage} (sender = the connection's remote address) and
 * offers it to the pipeline, counting received and bytes. Empty frames are skipped. One instance per
 * connection; the {@link GuardedHandoff} is the input's, shared by its connections, so its error log
 * limit holds for the input as a whole.
 *
 * <p>Backpressure: when the queue is full the frame is kept and the connection stops reading (Netty
 * auto-read off), so the sender's TCP window closes and the sender slows down instead of losing
 * messages. Every {@value #RETRY_MILLIS} ms the kept frames are offered again once the queue is below
 * its low-water mark; when all are taken, reading resumes. What one read had already decoded is kept,
 * so a paused connection holds at most one read buffer's worth of frames. Frames still kept when the
 * connection closes, and frames whose handoff throws, are counted as dropped.
 */
final class FrameHandoffHandler extends SimpleChannelInboundHandler<ByteBuf> {
    static final long RETRY_MILLIS = 5;

    private final InputEndpoint endpoint;
    private final InputCounters counters;
    private final GuardedHandoff handoff;
    private final ArrayDeque<RawMessage> waiting = new ArrayDeque<>();
    private ScheduledFuture<?> retry;

    FrameHandoffHandler(InputEndpoint endpoint, GuardedHandoff handoff) {
        this.endpoint = endpoint;
        this.counters = endpoint.counters();
        this.handoff = handoff;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        int length = frame.readableBytes();
        if (length == 0) {
            return;
        }
        byte[] bytes = new byte[length];
        frame.getBytes(frame.readerIndex(), bytes);
        counters.received.increment();
        counters.bytes.add(length);
        RawMessage message = new RawMessage(bytes, endpoint, peer(ctx), System.currentTimeMillis());
        if (!waiting.isEmpty()) {
            waiting.add(message);
            return;
        }
        Boolean taken = handoff.tryOffer(message);
        if (taken == null) {
            counters.dropped.increment();
        } else if (!taken) {
            waiting.add(message);
            pause(ctx);
        }
    }

    private void pause(ChannelHandlerContext ctx) {
        if (ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
            counters.backpressurePauses.increment();
        }
        if (retry == null) {
            retry = ctx.executor().schedule(() -> resume(ctx), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void resume(ChannelHandlerContext ctx) {
        retry = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        if (handoff.hasRoom()) {
            while (!waiting.isEmpty()) {
                Boolean taken = handoff.tryOffer(waiting.peek());
                if (Boolean.FALSE.equals(taken)) {
                    break;
                }
                if (taken == null) {
                    counters.dropped.increment();
                }
                waiting.poll();
            }
        }
        if (waiting.isEmpty()) {
            ctx.channel().config().setAutoRead(true);
        } else {
            pause(ctx);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        counters.dropped.add(waiting.size());
        waiting.clear();
    }

    private static InetAddress peer(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
