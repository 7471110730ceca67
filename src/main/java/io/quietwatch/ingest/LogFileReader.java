package io.quietwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a log file line by line as UTF-8 (malformed bytes become U+FFFD), for {@code parse} and
 * {@code replay}. Lines end at LF; a CR before the LF is dropped. Faster than a
 * {@code BufferedReader}: lines are cut from a large byte buffer and decoded once, with the JDK's
 * ASCII fast path, instead of going through a char buffer.
 */
public final class LogFileReader implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF_BYTES = 0x0a0a0a0a0a0a0a0aL;

    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int start;
    private int end;
    private boolean eof;

    public LogFileReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public String readLine() throws IOException {
        int searched = 0; // bytes after start known to hold no LF (fill() may move start)
        while (true) {
            int i = newline(start + searched, end);
            if (i >= 0) {
                String line = decode(start, i);
                start = i + 1;
                return line;
            }
            searched = end - start;
            if (eof) {
                if (start < end) {
                    String line = decode(start, end);
                    start = end;
                    return line;
                }
                return null;
            }
            fill();
        }
    }

    /** Index of the first LF in {@code buf[from, to)}, or -1; eight bytes per step. */
    private int newline(int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(buf, i) ^ LF_BYTES;
            // a byte of x is zero where buf holds LF; the lowest flagged byte is the first LF
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String decode(int from, int to) {
        int len = to - from;
        if (len > 0 && buf[to - 1] == '\r') {
            len--;
        }
        return new String(buf, from, len, StandardCharsets.UTF_8);
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
