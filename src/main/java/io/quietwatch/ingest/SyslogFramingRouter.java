package io.quietwatch.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Chooses a connection's framing from its first byte (RFC 6587 section 3.4): a digit 1-9 starts an
 * octet count, anything else means trailer-delimited frames. Installs the matching decoder in its own
 * place, removes itself and passes the first buffer on to the decoder.
 */
final class SyslogFramingRouter extends ChannelInboundHandlerAdapter {
    static final String DECODER_NAME = "syslog-framing";

    private final int maxMessageSize;
    private final InputCounters counters;

    SyslogFramingRouter(int maxMessageSize, InputCounters counters) {
        this.maxMessageSize = maxMessageSize;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!buf.isReadable()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        byte first = buf.getByte(buf.readerIndex());
        ChannelHandler decoder = first >= '1' && first <= '9'
                ? new OctetCountingFrameDecoder(maxMessageSize, counters)
                : new DelimiterFrameDecoder(maxMessageSize, counters);
        ctx.pipeline().addAfter(ctx.name(), DECODER_NAME, decoder);
        ctx.pipeline().remove(this);
        // A removed context still points at its old successor, now the decoder.
        ctx.fireChannelRead(msg);
    }
}
