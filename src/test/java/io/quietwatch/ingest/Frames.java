package io.quietwatch.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Feeds bytes into an {@link EmbeddedChannel} the way TCP may deliver them, and reads frames back. */
final class Frames {
    private Frames() {
    }

    static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code s} in pieces of {@code chunk} bytes. */
    static void writeInChunks(EmbeddedChannel ch, String s, int chunk) {
        for (int i = 0; i < s.length(); i += chunk) {
            ch.writeInbound(buf(s.substring(i, Math.min(s.length(), i + chunk))));
        }
    }

    /** Every frame decoded so far, as text; the buffers are released. */
    static List<String> read(EmbeddedChannel ch) {
        List<String> frames = new ArrayList<>();
        for (ByteBuf b = ch.readInbound(); b != null; b = ch.readInbound()) {
            frames.add(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return frames;
    }
}
