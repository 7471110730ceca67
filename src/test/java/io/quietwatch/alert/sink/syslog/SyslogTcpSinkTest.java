package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.quietwatch.alert.sink.syslog.AlertFixtures.NASTY;
import static org.assertj.core.api.Assertions.assertThat;

class SyslogTcpSinkTest {
    private StreamReceiver receiver;
    private SyslogSink sink;

    @AfterEach
    void tearDown() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private void start(int port, String framing, Integer requestTimeout) throws Exception {
        sink = new SyslogSink(new SyslogSinkConfig("siem-tcp", "127.0.0.1", port, "tcp", framing, null, null, null,
                "qw-test", null, null, null, null, null, 2, requestTimeout), Path.of("."));
        sink.start();
    }

    private AlertSink.Outcome deliver(Alert a) {
        return sink.deliver(a).outcome();
    }

    @Test
    void sendsOctetCountedFramesOverOneKeptConnection() throws Exception {
        receiver = StreamReceiver.tcp(0, true);
        start(receiver.port(), null, null);
        for (String id : new String[] {"t1", "t2", "t3"}) {
            assertThat(deliver(AlertFixtures.download(id))).isEqualTo(AlertSink.Outcome.DELIVERED);
        }
        for (String id : new String[] {"t1", "t2", "t3"}) {
            SyslogTestMessage m = SyslogTestMessage.parse(receiver.next());
            assertThat(m.hostname()).isEqualTo("qw-test");
            assertThat(m.cef().extension()).containsEntry("externalId", id).containsEntry("suser", "alice");
        }
        assertThat(receiver.connections.get()).isEqualTo(1);
        assertThat(receiver.failures).isEmpty();
    }

    @Test
    void lfFramingKeepsHostileTextOnOneLine() throws Exception {
        receiver = StreamReceiver.tcp(0, false);
        start(receiver.port(), "lf", null);
        assertThat(deliver(AlertFixtures.hostile("h1", NASTY))).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(deliver(AlertFixtures.download("after"))).isEqualTo(AlertSink.Outcome.DELIVERED);
        CefTestParser.Cef first = SyslogTestMessage.parse(receiver.next()).cef();
        assertThat(first.extension()).containsEntry("externalId", "h1").containsEntry("suser", "user " + NASTY)
                .containsEntry("shost", "host " + NASTY).containsEntry("request", "http://x/" + NASTY)
                .containsEntry("msg", "reason " + NASTY);
        assertThat(SyslogTestMessage.parse(receiver.next()).cef().extension()).containsEntry("externalId", "after");
        assertThat(receiver.messages.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void octetCountingCarriesHostileTextAsOneMessage() throws Exception {
        receiver = StreamReceiver.tcp(0, true);
        start(receiver.port(), "octet-counting", null);
        assertThat(deliver(AlertFixtures.hostile("h2", NASTY + " 12 <13>1 forged"))).isEqualTo(AlertSink.Outcome.DELIVERED);
        CefTestParser.Cef cef = SyslogTestMessage.parse(receiver.next()).cef();
        assertThat(cef.extension()).containsEntry("suser", "user " + NASTY + " 12 <13>1 forged");
        assertThat(receiver.messages.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aReceiverThatGoesAwayMeansRetryLaterThenANewConnection() throws Exception {
        receiver = StreamReceiver.tcp(0, true);
        int port = receiver.port();
        start(port, null, null);
        assertThat(deliver(AlertFixtures.download("before"))).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(receiver.next()).contains("externalId=before");
        receiver.close();

        AlertSink.Delivery down = sink.deliver(AlertFixtures.download("during"));
        assertThat(down.outcome()).isEqualTo(AlertSink.Outcome.RETRY_LATER);
        assertThat(down.reason()).startsWith("tcp 127.0.0.1:" + port + ": cannot connect: ").containsIgnoringCase("refused");

        StreamReceiver back = StreamReceiver.tcp(port, true);
        receiver = back;
        assertThat(deliver(AlertFixtures.download("during"))).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(SyslogTestMessage.parse(back.next()).cef().extension()).containsEntry("externalId", "during");
        assertThat(back.connections.get()).isEqualTo(1);
        assertThat(back.messages).isEmpty();
    }

    @Test
    void aReceiverThatStopsReadingTimesOutTheWrite() throws Exception {
        receiver = StreamReceiver.stalled();
        start(receiver.port(), null, 1);
        Alert big = AlertFixtures.withReason("big", "y".repeat(3000));
        AlertSink.Delivery last = null;
        for (int i = 0; i < 20_000 && (last == null || last.outcome() == AlertSink.Outcome.DELIVERED); i++) {
            last = sink.deliver(big);
        }
        assertThat(last.outcome()).isEqualTo(AlertSink.Outcome.RETRY_LATER);
        assertThat(last.reason()).isEqualTo("tcp 127.0.0.1:" + receiver.port() + ": write failed: write to tcp 127.0.0.1:"
                + receiver.port() + " timed out after 1000 ms");
    }
}
