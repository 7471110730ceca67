package io.quietwatch.ingest;

import static io.quietwatch.ingest.Frames.buf;
import static io.quietwatch.ingest.Frames.read;
import static io.quietwatch.ingest.Frames.writeInChunks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OctetCountingFrameDecoderTest {
    private final InputCounters counters = new InputCounters();

    private EmbeddedChannel channel(int maxMessageSize) {
        return new EmbeddedChannel(new OctetCountingFrameDecoder(maxMessageSize, counters));
    }

    @Test
    void decodesOneFrameWithoutItsLengthPrefix() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("11 <13>hello x"));
        assertThat(read(ch)).containsExactly("<13>hello x");
    }

    @Test
    void decodesManyFramesMergedInOneBuffer() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("5 hello3 abc11 hello world1 \n"));
        assertThat(read(ch)).containsExactly("hello", "abc", "hello world", "\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void decodesFramesSplitIntoSmallPieces(int chunk) {
        EmbeddedChannel ch = channel(1024);
        writeInChunks(ch, "5 hello3 abc12 hello world!", chunk);
        assertThat(read(ch)).containsExactly("hello", "abc", "hello world!");
    }

    @Test
    void waitsForTheRestOfAFrame() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("10 01234"));
        assertThat(read(ch)).isEmpty();
        ch.writeInbound(buf("56789"));
        assertThat(read(ch)).containsExactly("0123456789");
    }

    @Test
    void acceptsAFrameOfExactlyTheMaximumSize() {
        EmbeddedChannel ch = channel(10);
        ch.writeInbound(buf("10 0123456789"));
        assertThat(read(ch)).containsExactly("0123456789");
        assertThat(counters.oversize.sum()).isZero();
    }

    @Test
    void skipsAnOversizeFrameAndReadsTheNextOne() {
        EmbeddedChannel ch = channel(10);
        ch.writeInbound(buf("11 hello world5 after"));
        assertThat(read(ch)).containsExactly("after");
        assertThat(counters.oversize.sum()).isEqualTo(1);
        assertThat(counters.framingErrors.sum()).isZero();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void skipsExactlyTheOversizeLengthAcrossManyBuffers() {
        EmbeddedChannel ch = channel(100);
        String big = "5".repeat(999); // digits inside the skipped frame must not be read as a prefix
        writeInChunks(ch, "999 " + big + "2 ok4 next", 1);
        assertThat(read(ch)).containsExactly("ok", "next");
        assertThat(counters.oversize.sum()).isEqualTo(1);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void rejectsAHugeOctetCountAndClosesTheConnection() {
        EmbeddedChannel ch = channel(65536);
        assertThatThrownBy(() -> ch.writeInbound(buf("99999999999999999999 x")))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("longer than the 5 digits");
        assertThat(counters.framingErrors.sum()).isEqualTo(1);
        assertThat(counters.oversize.sum()).isZero();
        assertThat(ch.isOpen()).isFalse();
        assertThat(read(ch)).isEmpty();
    }

    @Test
    void rejectsMoreDigitsThanTheMaximumHasEvenIfSplit() {
        EmbeddedChannel ch = channel(100);
        ch.writeInbound(buf("10"));
        assertThatThrownBy(() -> ch.writeInbound(buf("00 x"))).isInstanceOf(CorruptedFrameException.class);
        assertThat(counters.framingErrors.sum()).isEqualTo(1);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void rejectsALeadingZeroAfterAGoodFrame() {
        EmbeddedChannel ch = channel(1024);
        assertThatThrownBy(() -> ch.writeInbound(buf("5 hello05 world")))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("leading zero");
        assertThat(read(ch)).containsExactly("hello");
        assertThat(counters.framingErrors.sum()).isEqualTo(1);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void rejectsAZeroLength() {
        EmbeddedChannel ch = channel(1024);
        assertThatThrownBy(() -> ch.writeInbound(buf("0 "))).isInstanceOf(CorruptedFrameException.class);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void rejectsANonDigitPrefix() {
        EmbeddedChannel ch = channel(1024);
        assertThatThrownBy(() -> ch.writeInbound(buf("5 hello<13>next line\n")))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("does not start with an octet count")
                .hasMessageContaining("0x3c");
        assertThat(read(ch)).containsExactly("hello");
        assertThat(counters.framingErrors.sum()).isEqualTo(1);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void rejectsAMissingSpace() {
        EmbeddedChannel ch = channel(1024);
        assertThatThrownBy(() -> ch.writeInbound(buf("5hello")))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("not followed by a space");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void rejectsASpaceWithoutDigits() {
        EmbeddedChannel ch = channel(1024);
        assertThatThrownBy(() -> ch.writeInbound(buf("5 hello hello"))).isInstanceOf(CorruptedFrameException.class);
        assertThat(read(ch)).containsExactly("hello");
        assertThat(counters.framingErrors.sum()).isEqualTo(1);
    }

    @Test
    void dropsAnIncompleteFrameAtEndOfStream() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(buf("5 hello10 abc"));
        assertThat(ch.finish()).isTrue();
        assertThat(read(ch)).containsExactly("hello");
        assertThat(counters.framingErrors.sum()).isZero();
    }
}
