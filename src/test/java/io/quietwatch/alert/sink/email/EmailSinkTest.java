package io.quietwatch.alert.sink.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.AlertSink.Outcome;
import io.quietwatch.alert.SinkType;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.quietwatch.alert.sink.email.EmailFixtures.alert;
import static io.quietwatch.alert.sink.email.EmailFixtures.context;
import static io.quietwatch.alert.sink.email.EmailFixtures.part;
import static io.quietwatch.alert.sink.email.EmailFixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Plain SMTP and AUTH against GreenMail on 127.0.0.1. */
class EmailSinkTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("quietwatch@example.org", "qw", "s3cret"));

    @TempDir
    Path home;

    private int port() {
        return MAIL.getSmtp().getPort();
    }

    private EmailSink started(String extra) throws Exception {
        EmailSink sink = new EmailSink(plain(port(), extra), context(home));
        sink.start();
        return sink;
    }

    @Test
    void mailsOneMultipartAlertToEveryRecipientWithItsHeaders() throws Exception {
        try (EmailSink sink = started("to: [soc@example.org, 'Night Shift <night@example.org>']\ncc: [boss@example.org]\n")) {
            AlertSink.Delivery d = sink.deliver(alert("4f1c2a9b0d3e5f60718293a4b5c6d7e8", AlertSeverity.HIGH));
            assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(d.status()).isEqualTo(250);
        }
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage m = received[0];
        assertThat(GreenMailUtil.getAddressList(m.getRecipients(Message.RecipientType.TO)))
                .isEqualTo("soc@example.org, Night Shift <night@example.org>");
        assertThat(GreenMailUtil.getAddressList(m.getRecipients(Message.RecipientType.CC))).isEqualTo("boss@example.org");
        assertThat(GreenMailUtil.getAddressList(m.getFrom())).isEqualTo("QuietWatch <quietwatch@example.org>");
        assertThat(m.getSubject()).isEqualTo("[QuietWatch] high http-tunnel on 10.1.2.3 (user alice)");
        assertThat(m.getMessageID()).isEqualTo("<4f1c2a9b0d3e5f60718293a4b5c6d7e8.high@example.org>");
        assertThat(m.getHeader("References")).containsExactly("<4f1c2a9b0d3e5f60718293a4b5c6d7e8@example.org>");
        assertThat(m.getHeader("X-QuietWatch-Alert-Id")).containsExactly("4f1c2a9b0d3e5f60718293a4b5c6d7e8");
        assertThat(m.getHeader("X-QuietWatch-Severity")).containsExactly("high");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(m.getSentDate().toInstant()).isEqualTo(EmailFixtures.NOW);
        assertThat(m.isMimeType("multipart/alternative")).isTrue();

        String text = part(m, "text/plain");
        assertThat(text).contains("QuietWatch alert: Long HTTPS session from 10.1.2.3", "Severity:     high",
                "Detection:    http-tunnel", "Rule:         http_tunnel_open", "Host:         10.1.2.3",
                "User:         alice", "Destination:  203.0.113.9:443", "First seen:   2025-11-26T05:15:30Z",
                "Last seen:    2025-11-26T10:15:30Z", "Count:        3",
                "A TCP/443 session has stayed open for 5 hours.", "  duration_hours: 5", "  bytes_out: 123456789",
                "Teardown TCP connection 1\n", "Teardown TCP connection 10\n", "(2 more events not shown)");
        assertThat(text).doesNotContain("connection 11", "connection 12");
        String html = part(m, "text/html");
        assertThat(html).contains("<h2 style=\"margin:0 0 8px 0\">Long HTTPS session from 10.1.2.3</h2>",
                "<tr><th align=\"left\">User</th><td>alice</td></tr>",
                "<tr><th align=\"left\">duration_hours</th><td>5</td></tr>",
                "Teardown TCP connection 10\n", "(2 more events not shown)");
        assertThat(html).doesNotContain("connection 11");
    }

    @Test
    void aRepeatKeepsItsMessageIdAndAnEscalationGetsANewOneInTheSameThread() throws Exception {
        try (EmailSink sink = started("")) {
            sink.deliver(alert("aa11", AlertSeverity.MEDIUM));
            sink.deliver(alert("aa11", AlertSeverity.MEDIUM));
            sink.deliver(alert("aa11", AlertSeverity.CRITICAL));
        }
        MimeMessage[] m = MAIL.getReceivedMessages();
        assertThat(m).hasSize(3);
        assertThat(m[0].getMessageID()).isEqualTo(m[1].getMessageID()).isEqualTo("<aa11.medium@example.org>");
        assertThat(m[2].getMessageID()).isEqualTo("<aa11.critical@example.org>");
        assertThat(m[2].getHeader("In-Reply-To")).containsExactly("<aa11@example.org>");
    }

    @Test
    void alertsBelowMinSeverityAreNotMailed() throws Exception {
        try (EmailSink sink = started("min_severity: high\n")) {
            AlertSink.Delivery low = sink.deliver(alert("b1", AlertSeverity.MEDIUM));
            assertThat(low.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(low.reason()).contains("below min_severity high");
            assertThat(sink.deliver(alert("b2", AlertSeverity.HIGH)).outcome()).isEqualTo(Outcome.DELIVERED);
        }
        assertThat(MAIL.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly("<b2.high@example.org>");
    }

    @Test
    void authenticatesWithThePasswordFromAFile() throws Exception {
        Files.writeString(home.resolve("smtp.pw"), "s3cret\n");
        try (EmailSink sink = started("username: qw\npassword_file: smtp.pw\n")) {
            assertThat(sink.deliver(alert("c1", AlertSeverity.HIGH)).outcome()).isEqualTo(Outcome.DELIVERED);
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aWrongPasswordIsAConfigurationErrorAndRejected() throws Exception {
        try (EmailSink sink = started("username: qw\npassword: wrong\n")) {
            AlertSink.Delivery d = sink.deliver(alert("c2", AlertSeverity.HIGH));
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.status()).isEqualTo(535);
            assertThat(d.reason()).startsWith("authentication failed at 127.0.0.1:" + port())
                    .doesNotContain("wrong");
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownMeansRetryLater() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        EmailSink sink = new EmailSink(plain(closed, ""), context(home));
        sink.start();
        AlertSink.Delivery d = sink.deliver(alert("d1", AlertSeverity.HIGH));
        sink.close();
        assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(d.reason()).contains("127.0.0.1:" + closed);
    }

    @Test
    void anAlertWaitsUnlessTheSinkIsRunning() throws Exception {
        EmailSink sink = new EmailSink(plain(port(), ""), context(home));
        assertThat(sink.deliver(alert("e1", AlertSeverity.HIGH)).outcome()).isEqualTo(Outcome.RETRY_LATER);
        sink.start();
        sink.close();
        AlertSink.Delivery after = sink.deliver(alert("e2", AlertSeverity.HIGH));
        assertThat(after.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(after.reason()).isEqualTo("sink soc-mail is not running");
        sink.close();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void theTypeIsFoundOnTheClassPath() {
        SinkType type = SinkType.all().get("email");
        assertThat(type).isInstanceOf(EmailSinkType.class);
        assertThat(type.configClass()).isEqualTo(EmailSinkConfig.class);
        try (AlertSink sink = type.create(plain(port(), ""), context(home))) {
            assertThat(sink.name()).isEqualTo("soc-mail");
        }
    }
}
