package io.quietwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a log file line by line as UTF-8 (malformed bytes become U+FFFD), for {@code parse} and
 * {@code replay}. Lines end at LF; a CR before the LF is dropped. Faster than a
 * {@code BufferedReader}: lines are cut from a large byte buffer and decoded once, with the JDK's
 * ASCII fast path, instead of going through a char buffer.
 */
public final class LogFileReader implements AutoCloseable {
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
        while (true) {
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    String line = decode(start, i);
                    start = i + 1;
                    return line;
                }
            }
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
