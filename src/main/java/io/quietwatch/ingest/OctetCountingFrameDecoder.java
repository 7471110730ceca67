package io.quietwatch.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits a TCP stream framed by octet counting (RFC 6587 section 3.4.1, {@code MSG-LEN SP SYSLOG-MSG})
 * into frames, emitted as retained slices without the length prefix.
 *
 * <p>{@code MSG-LEN} is {@code NONZERO-DIGIT *DIGIT} with no more digits than {@code max_message_size}
 * has. A well-formed length above {@code max_message_size} is skipped byte for byte (however many reads
 * that takes) and counted as oversize; the next frame is read normally. Anything else where a length
 * should be (a leading zero, a non-digit, too many digits, no space after the digits) means the stream
 * cannot be resynchronised: it is counted as a framing error, the rest of the input is discarded, a
 * {@link CorruptedFrameException} is raised and the connection is closed.
 */
final class OctetCountingFrameDecoder extends ByteToMessageDecoder {
    private enum State { LENGTH, FRAME, SKIP, FAILED }

    private final int maxMessageSize;
    private final int maxDigits;
    private final InputCounters counters;
    private State state = State.LENGTH;
    private long length;
    private int digits;

    OctetCountingFrameDecoder(int maxMessageSize, InputCounters counters) {
        this.maxMessageSize = maxMessageSize;
        this.maxDigits = Integer.toString(maxMessageSize).length();
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case LENGTH -> readLength(in);
            case FRAME -> readFrame(in, out);
            case SKIP -> skip(in);
            case FAILED -> in.skipBytes(in.readableBytes());
        }
    }

    private void readLength(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.readByte();
            if (b == ' ' && digits > 0) {
                endOfLength();
                return;
            }
            if (b < '0' || b > '9') {
                fail(in, digits == 0 ? "frame does not start with an octet count"
                        : "octet count not followed by a space", b);
            }
            if (digits == 0 && b == '0') {
                fail(in, "octet count has a leading zero", b);
            }
            if (digits == maxDigits) {
                fail(in, "octet count longer than the " + maxDigits + " digits of max_message_size "
                        + maxMessageSize, b);
            }
            length = length * 10 + (b - '0');
            digits++;
        }
    }

    private void endOfLength() {
        digits = 0;
        if (length > maxMessageSize) {
            counters.oversize.increment();
            state = State.SKIP;
        } else {
            state = State.FRAME;
        }
    }

    private void readFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < length) {
            return;
        }
        out.add(in.readRetainedSlice((int) length));
        length = 0;
        state = State.LENGTH;
    }

    private void skip(ByteBuf in) {
        int n = (int) Math.min(length, in.readableBytes());
        in.skipBytes(n);
        length -= n;
        if (length == 0) {
            state = State.LENGTH;
        }
    }

    private void fail(ByteBuf in, String reason, byte offending) {
        state = State.FAILED;
        counters.framingErrors.increment();
        in.skipBytes(in.readableBytes());
        throw new CorruptedFrameException(reason + " (byte 0x" + Integer.toHexString(offending & 0xff) + ")");
    }

    /** Closes the connection once the stream is corrupt; the exception travels on to be logged. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.FAILED) {
            ctx.close();
        }
        ctx.fireExceptionCaught(cause);
    }
}
