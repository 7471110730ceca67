package io.quietwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.quietwatch.config.InputConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the TCP framing (RFC 6587 octet counting and LF / CRLF / NUL trailers,
 * chosen from the first byte), on the pipeline {@link SyslogTcpInput} builds, with the bytes arriving
 * in fuzzer-chosen pieces: no exception escapes the connection's pipeline (a framing error closes the
 * connection, as the tracker does), no message handed on is longer than {@code max_message_size},
 * and the bytes handed on never exceed the bytes received.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays the inputs under
 * {@code src/test/resources/io/quietwatch/ingest/FramingFuzzTestInputs/frames/}; with it, Jazzer fuzzes
 * for {@code maxDuration}.
 */
class FramingFuzzTest {
    private static final int MAX = 64;
    // one endpoint and tracker for every execution, so the tracker's rate limit keeps the log quiet
    private static final InputEndpoint ENDPOINT = new InputEndpoint(InputConfig.of("tcp", "127.0.0.1", 0));
    private static final TcpConnectionTracker TRACKER = new TcpConnectionTracker(ENDPOINT);

    @FuzzTest(maxDuration = "30s")
    void frames(FuzzedDataProvider data) {
        long receivedBefore = ENDPOINT.counters().received.sum();
        List<RawMessage> messages = new ArrayList<>();
        EmbeddedChannel ch = new EmbeddedChannel(new SyslogFramingRouter(MAX, ENDPOINT.counters()),
                new FrameHandoffHandler(ENDPOINT, new GuardedHandoff(messages::add)), TRACKER);
        long sent = 0;
        while (data.remainingBytes() > 0 && ch.isOpen()) {
            byte[] piece = data.consumeBytes(data.consumeInt(1, 80));
            sent += piece.length;
            ch.writeInbound(Unpooled.wrappedBuffer(piece));
            ch.checkException();
        }
        ch.finishAndReleaseAll();
        assertThat(messages).allSatisfy(m -> assertThat(m.bytes().length).isLessThanOrEqualTo(MAX));
        assertThat(messages.stream().mapToLong(m -> m.bytes().length).sum()).isLessThanOrEqualTo(sent);
        assertThat(ENDPOINT.counters().received.sum() - receivedBefore).isEqualTo(messages.size());
    }
}
