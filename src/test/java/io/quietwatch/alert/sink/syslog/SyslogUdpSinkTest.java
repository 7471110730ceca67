package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.alert.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static io.quietwatch.alert.sink.syslog.AlertFixtures.NASTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SyslogUdpSinkTest {
    private DatagramSocket receiver;
    private SyslogSink sink;

    @AfterEach
    void tearDown() {
        if (sink != null) {
            sink.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static DatagramSocket listen(int port) throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        s.setSoTimeout(5000);
        return s;
    }

    private SyslogSink start(int port, Integer maxSize) throws SinkException {
        sink = new SyslogSink(new SyslogSinkConfig("siem-udp", "127.0.0.1", port, "udp", null, null, null, null,
                "qw-test", null, null, null, null, maxSize, null, null), Path.of("."));
        sink.start();
        return sink;
    }

    private String receive() throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
        receiver.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    private void assertNothingMore() throws Exception {
        receiver.setSoTimeout(200);
        assertThatThrownBy(this::receive).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void sendsOneDatagramPerAlertThatParsesBackFieldByField() throws Exception {
        receiver = listen(0);
        start(receiver.getLocalPort(), null);
        for (String id : new String[] {"a1", "a2", "a3"}) {
            assertThat(sink.deliver(AlertFixtures.download(id))).isEqualTo(AlertSink.Delivery.delivered(0));
        }
        for (String id : new String[] {"a1", "a2", "a3"}) {
            SyslogTestMessage m = SyslogTestMessage.parse(receive());
            assertThat(m.pri()).isEqualTo(20 * 8 + 3);
            assertThat(m.timestamp()).isEqualTo("2024-05-01T10:00:00.250Z");
            assertThat(m.hostname()).isEqualTo("qw-test");
            assertThat(m.appName()).isEqualTo("quietwatch");
            CefTestParser.Cef cef = m.cef();
            assertThat(cef.header()).containsExactly("0", "QuietWatch", "QuietWatch", "dev", "executable-download",
                    "Executable download by 10.1.2.3", "8");
            assertThat(cef.extension()).containsEntry("externalId", id).containsEntry("src", "10.1.2.3")
                    .containsEntry("dst", "203.0.113.7").containsEntry("dpt", "80").containsEntry("suser", "alice")
                    .containsEntry("request", "http://203.0.113.7/payload.exe").containsEntry("cnt", "2");
        }
        assertNothingMore();
        sink.close();
        assertThat(sink.deliver(AlertFixtures.download("late"))).isEqualTo(
                AlertSink.Delivery.retry(0, "sink siem-udp is not started", 0));
    }

    @Test
    void hostileTextArrivesAsOneDatagramAndRoundTrips() throws Exception {
        receiver = listen(0);
        start(receiver.getLocalPort(), null);
        assertThat(sink.deliver(AlertFixtures.hostile("h1", NASTY)).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        String datagram = receive();
        assertThat(datagram).doesNotContain("\r", "\n");
        CefTestParser.Cef cef = SyslogTestMessage.parse(datagram).cef();
        assertThat(cef.name()).isEqualTo("title a|b=c\\d  e ${jndi:ldap://x}");
        assertThat(cef.extension()).containsEntry("shost", "host " + NASTY).containsEntry("suser", "user " + NASTY)
                .containsEntry("request", "http://x/" + NASTY).containsEntry("dhost", "dest " + NASTY);
        assertNothingMore();
    }

    @Test
    void cutsLongAlertsToMaxMessageSize() throws Exception {
        receiver = listen(0);
        start(receiver.getLocalPort(), 2048);
        assertThat(sink.deliver(AlertFixtures.withReason("long", "x=".repeat(2000))).outcome())
                .isEqualTo(AlertSink.Outcome.DELIVERED);
        String datagram = receive();
        assertThat(datagram.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(SyslogTestMessage.parse(datagram).cef().extension()).containsEntry("cs4Label", "truncated")
                .containsEntry("cs4", "msg,cs2").containsEntry("externalId", "long");
    }

    @Test
    void aPortWithNoListenerMeansRetryLaterThenDeliveryOnceItListens() throws Exception {
        int port;
        try (DatagramSocket probe = listen(0)) {
            port = probe.getLocalPort();
        }
        start(port, null);
        AtomicReference<AlertSink.Delivery> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            last.set(sink.deliver(AlertFixtures.download("u1")));
            return last.get().outcome() == AlertSink.Outcome.RETRY_LATER;
        });
        assertThat(last.get().reason()).isEqualTo("udp 127.0.0.1:" + port + ": port unreachable (ICMP), nothing listens there");

        receiver = listen(port);
        assertThat(sink.deliver(AlertFixtures.download("u2")).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(SyslogTestMessage.parse(receive()).cef().extension()).containsEntry("externalId", "u2");
    }

    @Test
    void namesThisMachineInTheHeaderUnlessAHostnameIsSet() throws Exception {
        receiver = listen(0);
        SinkType type = SinkType.all().get("syslog");
        sink = (SyslogSink) type.create(new SyslogSinkConfig("siem-3164", "127.0.0.1", receiver.getLocalPort(), "udp",
                null, "rfc3164", "user", "qw", null, null, null, null, null, null, null, null),
                new SinkType.Context(Path.of("."), Clock.systemUTC()));
        assertThat(sink.name()).isEqualTo("siem-3164");
        sink.start();
        assertThat(sink.deliver(AlertFixtures.withSeverity(AlertSeverity.MEDIUM)).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        String local = SyslogSink.localHostname();
        assertThat(local).matches("[!-~]{1,255}");
        // user = 1, medium = 4 (warning)
        assertThat(receive()).startsWith("<12>May  1 10:00:00 " + local + " qw: CEF:0|QuietWatch|QuietWatch|dev|uncommon-port|t|5|rt=");
    }

    @Test
    void refusesToStartWithBadSettingsAndRetriesWhenNotStarted() {
        SyslogSink bad = new SyslogSink(new SyslogSinkConfig("x", "", 0, "udp", null, null, "nope", null, null, null,
                null, null, null, null, null, null), Path.of("."));
        assertThat(bad.deliver(AlertFixtures.download("n")).reason()).isEqualTo("sink x is not started");
        assertThatThrownBy(bad::start).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).hasSize(3)
                        .allSatisfy(p -> assertThat(p).matches("(host|port|facility): .*")));
    }
}
