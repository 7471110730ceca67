package io.quietwatch.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.util.List;

/**
 * Splits a TCP stream framed by a trailer (RFC 6587 section 3.4.2, non-transparent framing) into
 * frames: each ends at LF, CRLF or NUL, and the trailer is removed. Frames are emitted as retained
 * slices; empty frames are skipped.
 *
 * <p>A line longer than {@code max_message_size} is discarded up to its next delimiter and counted
 * once as oversize. When the connection closes, a last frame without a trailer is still delivered.
 */
final class DelimiterFrameDecoder extends ByteToMessageDecoder {
    private static final ByteProcessor FIND_DELIMITER = b -> b != '\n' && b != 0;

    private final int maxMessageSize;
    private final InputCounters counters;
    private boolean discarding;
    /** Bytes after the reader index already scanned and known to hold no delimiter. */
    private int scanned;

    DelimiterFrameDecoder(int maxMessageSize, InputCounters counters) {
        this.maxMessageSize = maxMessageSize;
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int end = in.forEachByte(start + scanned, in.readableBytes() - scanned, FIND_DELIMITER);
        if (end < 0) {
            noDelimiterYet(in);
            return;
        }
        scanned = 0;
        int length = end - start;
        if (in.getByte(end) == '\n' && length > 0 && in.getByte(end - 1) == '\r') {
            length--;
        }
        if (discarding) {
            discarding = false;
        } else if (length > maxMessageSize) {
            counters.oversize.increment();
        } else if (length > 0) {
            out.add(in.readRetainedSlice(length));
        }
        in.readerIndex(end + 1);
    }

    private void noDelimiterYet(ByteBuf in) {
        int readable = in.readableBytes();
        // +1: the last byte may be the CR of a CRLF whose LF has not arrived yet.
        if (discarding || readable > maxMessageSize + 1) {
            if (!discarding) {
                counters.oversize.increment();
                discarding = true;
            }
            in.skipBytes(readable);
            scanned = 0;
        } else {
            scanned = readable;
        }
    }

    /** Delivers the unterminated rest of the stream as a last frame. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable() && in.forEachByte(FIND_DELIMITER) >= 0) {
            decode(ctx, in, out);
        }
        int length = in.readableBytes();
        if (length > 0 && in.getByte(in.writerIndex() - 1) == '\r') {
            length--;
        }
        if (discarding) {
            discarding = false;
        } else if (length > maxMessageSize) {
            counters.oversize.increment();
        } else if (length > 0) {
            out.add(in.readRetainedSlice(length));
        }
        in.skipBytes(in.readableBytes());
        scanned = 0;
    }
}
