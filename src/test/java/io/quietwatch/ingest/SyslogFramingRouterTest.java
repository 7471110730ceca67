package io.quietwatch.ingest;

import static io.quietwatch.ingest.Frames.buf;
import static io.quietwatch.ingest.Frames.writeInChunks;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.quietwatch.config.InputConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TCP per-connection pipeline as {@link SyslogTcpInput} builds it, on an embedded channel. */
class SyslogFramingRouterTest {
    private final InputEndpoint endpoint = new InputEndpoint(InputConfig.of("tcp", "127.0.0.1", 0));
    private final InputCounters counters = endpoint.counters();
    private final List<RawMessage> messages = new ArrayList<>();
    private boolean refuse;

    private EmbeddedChannel connection() {
        MessageHandoff handoff = m -> !refuse && messages.add(m);
        return new EmbeddedChannel(new SyslogFramingRouter(100, counters), new FrameHandoffHandler(endpoint, new GuardedHandoff(handoff)),
                new TcpConnectionTracker(endpoint));
    }

    private List<String> texts() {
        return messages.stream().map(m -> new String(m.bytes(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aLeadingDigitSelectsOctetCounting() {
        EmbeddedChannel ch = connection();
        ch.writeInbound(buf("5 hello7 <13>a\nb"));
        assertThat(ch.pipeline().get(SyslogFramingRouter.DECODER_NAME)).isInstanceOf(OctetCountingFrameDecoder.class);
        assertThat(ch.pipeline().get(SyslogFramingRouter.class)).isNull();
        assertThat(texts()).containsExactly("hello", "<13>a\nb");
    }

    @Test
    void anythingElseSelectsDelimiterFraming() {
        EmbeddedChannel ch = connection();
        ch.writeInbound(buf("<13>1 first\r\n5 second\n"));
        assertThat(ch.pipeline().get(SyslogFramingRouter.DECODER_NAME)).isInstanceOf(DelimiterFrameDecoder.class);
        assertThat(texts()).containsExactly("<13>1 first", "5 second");
    }

    @Test
    void aLeadingZeroIsNotAnOctetCount() {
        EmbeddedChannel ch = connection();
        ch.writeInbound(buf("0 zero\n"));
        assertThat(ch.pipeline().get(SyslogFramingRouter.DECODER_NAME)).isInstanceOf(DelimiterFrameDecoder.class);
        assertThat(texts()).containsExactly("0 zero");
    }

    @Test
    void decidesOnTheFirstNonEmptyBufferAndDecodesByteByByte() {
        EmbeddedChannel ch = connection();
        ch.writeInbound(buf(""));
        assertThat(ch.pipeline().get(SyslogFramingRouter.class)).isNotNull();
        writeInChunks(ch, "3 abc4 defg", 1);
        assertThat(texts()).containsExactly("abc", "defg");
    }

    @Test
    void buildsRawMessagesAndCountsThem() {
        EmbeddedChannel ch = connection();
        long before = System.currentTimeMillis();
        ch.writeInbound(buf("héllo\nwörld\n"));
        assertThat(messages).hasSize(2);
        RawMessage first = messages.get(0);
        assertThat(first.bytes()).isEqualTo("héllo".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(first.endpoint()).isSameAs(endpoint);
        assertThat(first.receivedAt()).isBetween(before, System.currentTimeMillis());
        assertThat(counters.received.sum()).isEqualTo(2);
        assertThat(counters.bytes.sum()).isEqualTo(10);
        assertThat(counters.dropped.sum()).isZero();
    }

    @Test
    void keepsMessagesTheHandoffRefusesAndStopsReadingUntilItTakesThem() {
        EmbeddedChannel ch = connection();
        refuse = true;
        ch.writeInbound(buf("a\nbb\n"));
        assertThat(messages).isEmpty();
        assertThat(counters.received.sum()).isEqualTo(2);
        assertThat(counters.bytes.sum()).isEqualTo(3);
        assertThat(counters.dropped.sum()).isZero();
        assertThat(ch.config().isAutoRead()).isFalse();
        assertThat(counters.backpressurePauses.sum()).isEqualTo(1);
        // still full at the first retry: nothing moves, still paused
        ch.advanceTimeBy(FrameHandoffHandler.RETRY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(messages).isEmpty();
        assertThat(ch.config().isAutoRead()).isFalse();
        refuse = false;
        ch.advanceTimeBy(FrameHandoffHandler.RETRY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(texts()).containsExactly("a", "bb");
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(counters.dropped.sum()).isZero();
    }

    @Test
    void messagesStillKeptWhenTheConnectionClosesAreCountedAsDropped() {
        EmbeddedChannel ch = connection();
        refuse = true;
        ch.writeInbound(buf("a\nbb\nccc\n"));
        ch.close();
        assertThat(counters.dropped.sum()).isEqualTo(3);
    }

    @Test
    void aHandoffThatThrowsCostsOneMessageNotTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(new SyslogFramingRouter(100, counters),
                new FrameHandoffHandler(endpoint, new GuardedHandoff(m -> {
                    throw new IllegalStateException("queue broken");
                })), new TcpConnectionTracker(endpoint));
        ch.writeInbound(buf("a\nb\n"));
        assertThat(counters.dropped.sum()).isEqualTo(2);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aFramingErrorClosesTheConnectionWithoutEscaping() {
        EmbeddedChannel ch = connection();
        ch.writeInbound(buf("2 ok9999999 x"));
        ch.checkException();
        assertThat(texts()).containsExactly("ok");
        assertThat(counters.framingErrors.sum()).isEqualTo(1);
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.connections.get()).isZero();
    }

    @Test
    void tracksOpenConnections() {
        EmbeddedChannel a = connection();
        EmbeddedChannel b = connection();
        assertThat(counters.connections.get()).isEqualTo(2);
        a.close();
        assertThat(counters.connections.get()).isEqualTo(1);
        b.close();
        assertThat(counters.connections.get()).isZero();
    }

    @Test
    void deliversTheLastUnterminatedLineWhenTheConnectionCloses() {
        EmbeddedChannel ch = connection();
        ch.writeInbound(buf("a\nlast"));
        ch.close();
        assertThat(texts()).containsExactly("a", "last");
    }
}
