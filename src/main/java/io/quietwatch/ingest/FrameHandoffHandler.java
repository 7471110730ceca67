package io.quietwatch.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Turns each decoded frame into a {@link RawMessage} (sender = the connection's remote address) and
 * offers it to the pipeline, counting received, bytes and dropped. Empty frames are skipped. One
 * instance serves every connection of an input.
 */
@ChannelHandler.Sharable
final class FrameHandoffHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private final InputEndpoint endpoint;
    private final InputCounters counters;
    private final MessageHandoff handoff;

    FrameHandoffHandler(InputEndpoint endpoint, MessageHandoff handoff) {
        this.endpoint = endpoint;
        this.counters = endpoint.counters();
        this.handoff = new GuardedHandoff(handoff);
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
        if (!handoff.offer(message)) {
            counters.dropped.increment();
        }
    }

    private static InetAddress peer(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
