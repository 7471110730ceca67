package io.quietwatch.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line reader of {@code parse} and {@code replay}: LF-terminated lines, a CR before the LF dropped,
 * UTF-8 decoded, wherever the input's reads happen to cut it.
 */
class LogFileReaderTest {
    @Test
    void linesOfEveryLengthAroundTheEightByteStepAreCutAtEachLf() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int len = 0; len <= 40; len++) {
            String line = "x".repeat(len);
            expected.add(line);
            text.append(line).append('\n');
        }
        assertThat(read(bytes(text.toString()), Integer.MAX_VALUE)).isEqualTo(expected);
        // the same when each read returns a few bytes only, so lines span several fills
        assertThat(read(bytes(text.toString()), 3)).isEqualTo(expected);
        assertThat(read(bytes(text.toString()), 9)).isEqualTo(expected);
    }

    @Test
    void crLfEndingsALastLineWithoutLfAndEmptyLines() throws IOException {
        assertThat(read(bytes("a\r\n\nb\r\nc"), 2)).containsExactly("a", "", "b", "c");
        assertThat(read(bytes(""), 2)).isEmpty();
        assertThat(read(bytes("\n"), 2)).containsExactly("");
    }

    @Test
    void utf8IsDecodedAndMalformedBytesBecomeReplacementCharacters() throws IOException {
        byte[] in = {'h', (byte) 0xc3, (byte) 0xa9, '\n', 'b', (byte) 0xff, 'd', '\n'};
        assertThat(read(in, 1)).containsExactly("h\u00e9", "b\ufffdd");
    }

    @Test
    void aLineLongerThanTheBufferIsReadWhole() throws IOException {
        String longLine = "0123456789".repeat(250_000); // 2.5 MB, more than the 1 MiB buffer
        assertThat(read(bytes("first\n" + longLine + "\nlast\n"), 64 * 1024))
                .containsExactly("first", longLine, "last");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** All lines, the input handing over at most {@code chunk} bytes per read. */
    private static List<String> read(byte[] data, int chunk) throws IOException {
        InputStream in = new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<String> lines = new ArrayList<>();
        try (LogFileReader r = new LogFileReader(in)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
