package io.quietwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quietwatch.config.InputConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyslogTcpInputIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final QueueHandoff handoff = new QueueHandoff();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private SyslogTcpInput start(Integer maxMessageSize, List<String> allowed) throws IOException {
        return start(maxMessageSize, allowed, handoff);
    }

    private SyslogTcpInput start(Integer maxMessageSize, List<String> allowed, MessageHandoff to) throws IOException {
        InputConfig config = new InputConfig("tcp-test", "tcp", "127.0.0.1", 0, null, null, maxMessageSize, null,
                allowed);
        SyslogTcpInput input = new SyslogTcpInput(new InputEndpoint(config), to);
        resources.add(input);
        input.start();
        return input;
    }

    private Socket connect(Input input) throws IOException {
        Socket s = new Socket();
        resources.add(s);
        s.connect(input.localAddress(), 5_000);
        s.setSoTimeout(5_000);
        return s;
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String octetCounted(String msg) {
        return msg.getBytes(StandardCharsets.UTF_8).length + " " + msg;
    }

    /** True once the server has closed the connection (read sees end of stream or a reset). */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            return in.read() == -1;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean noThreadStartsWith(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix));
    }

    private List<String> awaitTexts(int count) {
        await().atMost(WAIT).until(() -> handoff.queue.size() >= count);
        return handoff.drain().stream().map(QueueHandoff::text).toList();
    }

    @Test
    void receivesOctetCountedFramesInOrder() throws Exception {
        SyslogTcpInput input = start(null, List.of());
        Socket s = connect(input);
        long before = System.currentTimeMillis();
        write(s, octetCounted("<13>1 2026-11-26T10:00:00Z fw1 app - - - first") + octetCounted("second\nline"));
        write(s, octetCounted("thïrd"));
        await().atMost(WAIT).until(() -> handoff.queue.size() == 3);
        List<RawMessage> got = handoff.drain();
        assertThat(got).extracting(QueueHandoff::text)
                .containsExactly("<13>1 2026-11-26T10:00:00Z fw1 app - - - first", "second\nline", "thïrd");
        assertThat(got).allSatisfy(m -> {
            assertThat(m.sender()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(m.endpoint()).isSameAs(input.endpoint());
            assertThat(m.receivedAt()).isBetween(before, System.currentTimeMillis());
        });
        InputCounters c = input.endpoint().counters();
        assertThat(c.received.sum()).isEqualTo(3);
        assertThat(c.bytes.sum()).isEqualTo(got.stream().mapToInt(m -> m.bytes().length).sum());
    }

    @Test
    void receivesLineFramedMessagesAndTheLastUnterminatedOne() throws Exception {
        SyslogTcpInput input = start(null, List.of());
        Socket s = connect(input);
        write(s, "<13>one\n<13>two\r\n\n<13>three\0<13>four");
        s.shutdownOutput();
        assertThat(awaitTexts(4)).containsExactly("<13>one", "<13>two", "<13>three", "<13>four");
    }

    @Test
    void keepsEachConnectionsOrderAcrossConcurrentConnections() throws Exception {
        SyslogTcpInput input = start(null, List.of());
        int connections = 8;
        int perConnection = 500;
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        resources.add(senders::shutdownNow);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int conn = c;
            Socket s = connect(input);
            done.add(senders.submit(() -> {
                StringBuilder stream = new StringBuilder();
                for (int i = 0; i < perConnection; i++) {
                    String msg = "<14>conn=" + conn + " seq=" + i;
                    stream.append(conn % 2 == 0 ? octetCounted(msg) : msg + "\n");
                    if (i % 50 == 49) {
                        write(s, stream.toString());
                        stream.setLength(0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        List<String> texts = awaitTexts(connections * perConnection);
        assertThat(texts).hasSize(connections * perConnection);
        Map<String, List<Integer>> byConnection = texts.stream().collect(Collectors.groupingBy(
                t -> t.substring(0, t.indexOf(' ')),
                Collectors.mapping(t -> Integer.parseInt(t.substring(t.indexOf("seq=") + 4)), Collectors.toList())));
        assertThat(byConnection).hasSize(connections);
        List<Integer> expected = java.util.stream.IntStream.range(0, perConnection).boxed().toList();
        assertThat(byConnection.values()).allSatisfy(seqs -> assertThat(seqs).containsExactlyElementsOf(expected));
        assertThat(input.endpoint().counters().received.sum()).isEqualTo((long) connections * perConnection);
    }

    @Test
    void countsOpenConnections() throws Exception {
        SyslogTcpInput input = start(null, List.of());
        InputCounters c = input.endpoint().counters();
        Socket a = connect(input);
        Socket b = connect(input);
        connect(input);
        await().atMost(WAIT).until(() -> c.connections.get() == 3);
        a.close();
        b.close();
        await().atMost(WAIT).until(() -> c.connections.get() == 1);
    }

    @Test
    void aFramingErrorClosesOnlyThatConnection() throws Exception {
        SyslogTcpInput input = start(null, List.of());
        Socket good = connect(input);
        Socket bad = connect(input);
        write(good, octetCounted("good 1"));
        write(bad, octetCounted("bad 1") + "99999999999999999999 x");
        assertThat(closedByServer(bad)).isTrue();
        write(good, octetCounted("good 2"));
        assertThat(awaitTexts(3)).containsExactlyInAnyOrder("good 1", "bad 1", "good 2");
        InputCounters c = input.endpoint().counters();
        assertThat(c.framingErrors.sum()).isEqualTo(1);
        await().atMost(WAIT).until(() -> c.connections.get() == 1);
    }

    @Test
    void skipsOversizeFramesAndKeepsTheConnection() throws Exception {
        SyslogTcpInput input = start(1000, List.of());
        Socket octets = connect(input);
        Socket lines = connect(input);
        write(octets, octetCounted("a".repeat(5000)));
        write(octets, octetCounted("after octets"));
        write(lines, "b".repeat(5000) + "\nafter lines\n");
        assertThat(awaitTexts(2)).containsExactlyInAnyOrder("after octets", "after lines");
        InputCounters c = input.endpoint().counters();
        assertThat(c.oversize.sum()).isEqualTo(2);
        assertThat(c.framingErrors.sum()).isZero();
    }

    @Test
    void aFullQueueSlowsTheSenderAndLosesNothing() throws Exception {
        MessageQueue queue = new MessageQueue(1_000, 1 << 20);
        SyslogTcpInput bounded = start(null, List.of(), queue);
        Socket s = connect(bounded);
        int total = 300_000;
        ExecutorService sender = Executors.newSingleThreadExecutor();
        resources.add(sender::shutdownNow);
        Future<?> sent = sender.submit(() -> {
            OutputStream out = s.getOutputStream();
            byte[] chunk;
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < total; i++) {
                b.append("message number ").append(i).append(" padded to about fifty bytes....\n");
                if (b.length() > 60_000 || i == total - 1) {
                    chunk = b.toString().getBytes(StandardCharsets.US_ASCII);
                    out.write(chunk);
                    b.setLength(0);
                }
            }
            out.flush();
            return null;
        });
        InputCounters c = bounded.endpoint().counters();
        // nobody drains the queue: the connection pauses, the kernel buffers fill, the sender blocks
        await().atMost(WAIT).until(() -> c.backpressurePauses.sum() >= 1);
        long stalledAt = c.received.sum();
        Thread.sleep(500);
        assertThat(sent.isDone()).as("sender blocked while the queue is full").isFalse();
        assertThat(c.received.sum()).isLessThan(total);
        assertThat(queue.size()).isEqualTo(1_000);
        assertThat(c.received.sum() - stalledAt).as("nothing read while paused beyond one read").isLessThan(10_000);
        // drain: everything arrives, in order, nothing dropped
        List<String> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            RawMessage m;
            while ((m = queue.poll()) != null) {
                got.add(QueueHandoff.text(m));
            }
            return got.size() == total;
        });
        sent.get();
        assertThat(c.dropped.sum()).isZero();
        for (int i = 0; i < total; i += 9_999) {
            assertThat(got.get(i)).startsWith("message number " + i + " ");
        }
        assertThat(c.backpressurePauses.sum()).isGreaterThan(1);
    }

    @Test
    void closesConnectionsFromSendersOutsideTheAllowedBlocks() throws Exception {
        SyslogTcpInput input = start(null, List.of("10.0.0.0/8"));
        Socket s = connect(input);
        InputCounters c = input.endpoint().counters();
        await().atMost(WAIT).until(() -> c.rejectedSenders.sum() == 1);
        assertThat(closedByServer(s)).isTrue();
        assertThat(c.connections.get()).isZero();
        assertThat(handoff.queue).isEmpty();
    }

    @Test
    void closeReleasesThePortAndDropsOpenConnections() throws Exception {
        SyslogTcpInput input = start(null, List.of());
        InetSocketAddress bound = input.localAddress();
        Socket s = connect(input);
        write(s, "hello\n");
        awaitTexts(1);
        input.close();
        input.close();
        assertThat(closedByServer(s)).isTrue();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(bound);
            assertThat(again.getLocalPort()).isEqualTo(bound.getPort());
        }
        await().atMost(WAIT).until(() -> noThreadStartsWith("quietwatch-tcp-0-"));
    }

    @Test
    void aBindFailureNamesTheInputAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            InputConfig config = new InputConfig("busy", "tcp", "127.0.0.1", port, null, null, null, null, null);
            SyslogTcpInput input = new SyslogTcpInput(new InputEndpoint(config), handoff);
            resources.add(input);
            assertThatThrownBy(input::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("'busy'")
                    .hasMessageContaining("127.0.0.1:" + port);
            await().atMost(WAIT).until(() -> noThreadStartsWith("quietwatch-tcp-" + port + "-"));
        }
    }
}
