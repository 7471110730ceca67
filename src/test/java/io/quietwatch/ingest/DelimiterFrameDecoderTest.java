package io.quietwatch.ingest;

import static io.quietwatch.ingest.Frames.buf;
import static io.quietwatch.ingest.Frames.read;
import static io.quietwatch.ingest.Frames.writeInChunks;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelimiterFrameDecoderTest {
    private final InputCounters counters = new InputCounters();

    private EmbeddedChannel channel(int maxMessageSize) {
        return new EmbeddedChannel(new DelimiterFrameDecoder(maxMessageSize, counters));
    }

    @Test
    void stripsLfCrlfAndNulTrailers() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("<13>a\n<13>b\r\n<13>c\0"));
        assertThat(read(ch)).containsExactly("<13>a", "<13>b", "<13>c");
    }

    @Test
    void keepsACarriageReturnThatIsNotBeforeTheLf() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("a\rb\nc\r\0"));
        assertThat(read(ch)).containsExactly("a\rb", "c\r");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void decodesFramesSplitIntoSmallPieces(int chunk) {
        EmbeddedChannel ch = channel(1024);
        writeInChunks(ch, "first line\r\nsecond\nthird\0", chunk);
        assertThat(read(ch)).containsExactly("first line", "second", "third");
    }

    @Test
    void decodesManyFramesMergedInOneBuffer() {
        EmbeddedChannel ch = channel(1024);
        StringBuilder stream = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add("<14>message " + i);
            stream.append("<14>message ").append(i).append(i % 2 == 0 ? "\n" : "\r\n");
        }
        ch.writeInbound(buf(stream.toString()));
        assertThat(read(ch)).containsExactlyElementsOf(expected);
    }

    @Test
    void skipsEmptyFrames() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("\n\n\r\n\0a\n\0\0b\n"));
        assertThat(read(ch)).containsExactly("a", "b");
        assertThat(counters.oversize.sum()).isZero();
    }

    @Test
    void discardsAnOversizeLineAndReadsTheNextOne() {
        EmbeddedChannel ch = channel(5);
        ch.writeInbound(buf("123456\nok\n12345\n"));
        assertThat(read(ch)).containsExactly("ok", "12345");
        assertThat(counters.oversize.sum()).isEqualTo(1);
    }

    @Test
    void discardsALongLineUpToItsDelimiterAcrossBuffersCountingItOnce() {
        EmbeddedChannel ch = channel(10);
        writeInChunks(ch, "x".repeat(100) + "\r\nok\n", 3);
        assertThat(read(ch)).containsExactly("ok");
        assertThat(counters.oversize.sum()).isEqualTo(1);
    }

    @Test
    void acceptsALineOfExactlyTheMaximumSizeWithCrlfArrivingByteByByte() {
        EmbeddedChannel ch = channel(10);
        writeInChunks(ch, "0123456789\r\n0123456789\n", 1);
        assertThat(read(ch)).containsExactly("0123456789", "0123456789");
        assertThat(counters.oversize.sum()).isZero();
    }

    @Test
    void deliversAnUnterminatedFrameAtEndOfStream() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("a\nlast one"));
        assertThat(read(ch)).containsExactly("a");
        assertThat(ch.finish()).isTrue();
        assertThat(read(ch)).containsExactly("last one");
    }

    @Test
    void stripsACarriageReturnFromTheFrameAtEndOfStream() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("last\r"));
        ch.finish();
        assertThat(read(ch)).containsExactly("last");
    }

    @Test
    void dropsAnOversizeRestAtEndOfStream() {
        EmbeddedChannel ch = channel(5);
        ch.writeInbound(buf("ok\n" + "y".repeat(50)));
        ch.finish();
        assertThat(read(ch)).containsExactly("ok");
        assertThat(counters.oversize.sum()).isEqualTo(1);
    }

    @Test
    void deliversNothingForAnEmptyStream() {
        EmbeddedChannel ch = channel(5);
        assertThat(ch.finish()).isFalse();
        assertThat(counters.oversize.sum()).isZero();
    }
}
