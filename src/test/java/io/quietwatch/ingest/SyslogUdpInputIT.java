package io.quietwatch.ingest;

import static io.quietwatch.ingest.QueueHandoff.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quietwatch.config.InputConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyslogUdpInputIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final QueueHandoff handoff = new QueueHandoff();
    private final List<Input> inputs = new ArrayList<>();
    private DatagramChannel client;

    @BeforeEach
    void openClient() throws IOException {
        client = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void closeAll() throws IOException {
        inputs.forEach(Input::close);
        client.close();
    }

    private SyslogUdpInput start(Integer maxMessageSize, List<String> allowed) throws IOException {
        InputConfig config = new InputConfig("udp-test", "udp", "127.0.0.1", 0, null, null, maxMessageSize, 1 << 20,
                allowed);
        SyslogUdpInput input = new SyslogUdpInput(new InputEndpoint(config), handoff);
        inputs.add(input);
        input.start();
        return input;
    }

    private void send(Input input, String text) throws IOException {
        send(input, text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(Input input, byte[] bytes) throws IOException {
        client.send(ByteBuffer.wrap(bytes), input.localAddress());
    }

    @Test
    void receivesOneMessagePerDatagramWithoutTrailers() throws Exception {
        SyslogUdpInput input = start(null, List.of());
        assertThat(input.localAddress().getPort()).isPositive();
        long before = System.currentTimeMillis();
        send(input, "<13>Nov 26 10:00:00 fw1 plain");
        send(input, "<14>with lf\n");
        send(input, "<15>with crlf and nul\r\n\0");
        send(input, "<16>inner\nnewline kept");
        await().atMost(WAIT).until(() -> handoff.queue.size() == 4);

        List<RawMessage> got = handoff.drain();
        assertThat(got).extracting(QueueHandoff::text).containsExactlyInAnyOrder("<13>Nov 26 10:00:00 fw1 plain",
                "<14>with lf", "<15>with crlf and nul", "<16>inner\nnewline kept");
        assertThat(got).allSatisfy(m -> {
            assertThat(m.sender()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(m.endpoint()).isSameAs(input.endpoint());
            assertThat(m.receivedAt()).isBetween(before, System.currentTimeMillis());
        });
        InputCounters c = input.endpoint().counters();
        assertThat(c.received.sum()).isEqualTo(4);
        assertThat(c.bytes.sum()).isEqualTo(got.stream().mapToInt(m -> m.bytes().length).sum());
        assertThat(c.dropped.sum()).isZero();
    }

    @Test
    void skipsEmptyDatagrams() throws Exception {
        SyslogUdpInput input = start(null, List.of());
        send(input, "");
        send(input, "\r\n\0");
        send(input, "after");
        await().atMost(WAIT).until(() -> !handoff.queue.isEmpty());
        assertThat(handoff.drain()).extracting(QueueHandoff::text).containsExactly("after");
        assertThat(input.endpoint().counters().received.sum()).isEqualTo(1);
    }

    @Test
    void keepsBinaryBytesIntact() throws Exception {
        SyslogUdpInput input = start(null, List.of());
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (255 - i); // ends with 0x00, which is stripped
        }
        send(input, bytes);
        await().atMost(WAIT).until(() -> !handoff.queue.isEmpty());
        assertThat(handoff.drain().get(0).bytes()).isEqualTo(java.util.Arrays.copyOf(bytes, 255));
    }

    @Test
    void discardsAndCountsOversizeDatagrams() throws Exception {
        SyslogUdpInput input = start(100, List.of());
        send(input, "x".repeat(101));
        send(input, "y".repeat(5000));
        send(input, "z".repeat(100));
        await().atMost(WAIT).until(() -> !handoff.queue.isEmpty());
        await().atMost(WAIT).until(() -> input.endpoint().counters().oversize.sum() == 2);
        assertThat(handoff.drain()).extracting(QueueHandoff::text).containsExactly("z".repeat(100));
        assertThat(input.endpoint().counters().received.sum()).isEqualTo(1);
    }

    @Test
    void countsMessagesTheHandoffRefuses() throws Exception {
        SyslogUdpInput input = start(null, List.of());
        handoff.refuse = true;
        for (int i = 0; i < 3; i++) {
            send(input, "msg " + i);
        }
        InputCounters c = input.endpoint().counters();
        await().atMost(WAIT).until(() -> c.dropped.sum() == 3);
        assertThat(c.received.sum()).isEqualTo(3);
        assertThat(c.bytes.sum()).isEqualTo(15);
        assertThat(handoff.queue).isEmpty();
    }

    @Test
    void rejectsSendersOutsideTheAllowedBlocks() throws Exception {
        SyslogUdpInput input = start(null, List.of("10.0.0.0/8"));
        send(input, "from loopback");
        send(input, "again");
        InputCounters c = input.endpoint().counters();
        await().atMost(WAIT).until(() -> c.rejectedSenders.sum() == 2);
        assertThat(c.received.sum()).isZero();
        assertThat(handoff.queue).isEmpty();
    }

    @Test
    void acceptsSendersInsideTheAllowedBlocks() throws Exception {
        SyslogUdpInput input = start(null, List.of("10.0.0.0/8", "127.0.0.0/8"));
        send(input, "hello");
        await().atMost(WAIT).until(() -> handoff.queue.size() == 1);
        assertThat(input.endpoint().counters().rejectedSenders.sum()).isZero();
    }

    @Test
    void receivesOnANamedDaemonThreadAndStopsItOnClose() throws Exception {
        SyslogUdpInput input = start(null, List.of());
        String name = "quietwatch-udp-" + input.localAddress().getPort();
        Thread receiver = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
        assertThat(receiver.isDaemon()).isTrue();
        input.close();
        assertThat(receiver.isAlive()).isFalse();
    }

    @Test
    void closeReleasesThePortAndIsIdempotent() throws Exception {
        SyslogUdpInput input = start(null, List.of());
        InetSocketAddress bound = input.localAddress();
        input.close();
        input.close();
        try (DatagramChannel again = DatagramChannel.open()) {
            again.bind(bound);
            assertThat(((InetSocketAddress) again.getLocalAddress()).getPort()).isEqualTo(bound.getPort());
        }
    }

    @Test
    void aBindFailureNamesTheInputAndPort() throws Exception {
        SyslogUdpInput first = start(null, List.of());
        int port = first.localAddress().getPort();
        InputConfig config = new InputConfig("second", "udp", "127.0.0.1", port, null, null, null, 1 << 16, null);
        SyslogUdpInput second = new SyslogUdpInput(new InputEndpoint(config), handoff);
        inputs.add(second);
        assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                .hasMessageContaining("'second'")
                .hasMessageContaining("127.0.0.1:" + port);
    }
}
