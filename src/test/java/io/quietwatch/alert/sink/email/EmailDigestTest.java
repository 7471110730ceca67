package io.quietwatch.alert.sink.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.quietwatch.alert.sink.email.EmailFixtures.alert;
import static io.quietwatch.alert.sink.email.EmailFixtures.liveContext;
import static io.quietwatch.alert.sink.email.EmailFixtures.part;
import static io.quietwatch.alert.sink.email.EmailFixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Digest mode: low alerts batched on the sink's timer, through a spool that survives a restart. */
class EmailDigestTest {
    private static final String DIGEST = "digest_minutes: 1\ndigest_max_severity: medium\n";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path home;

    private EmailSink sink(int port, String extra, Duration period) throws Exception {
        EmailSink sink = new EmailSink(plain(port, DIGEST + extra), liveContext(home), period);
        sink.start();
        return sink;
    }

    private Path spool() {
        return home.resolve("var/spool/email-soc-mail.digest.jsonl");
    }

    @Test
    void lowAlertsGoOutAsOneMailAfterThePeriodWhileAHighOnePassesAtOnce() throws Exception {
        try (EmailSink sink = sink(MAIL.getSmtp().getPort(), "", Duration.ofSeconds(2))) {
            for (String id : new String[] {"low1", "low2", "low1"}) {
                Delivery d = sink.deliver(alert(id, AlertSeverity.LOW));
                assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
                assertThat(d.reason()).isEqualTo("spooled for the next digest");
            }
            assertThat(sink.deliver(alert("med1", AlertSeverity.MEDIUM)).outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(Files.readAllLines(spool())).hasSize(4);
            assertThat(sink.deliver(alert("high1", AlertSeverity.HIGH)).status()).isEqualTo(250);
            assertThat(MAIL.getReceivedMessages()).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).startsWith("[QuietWatch] high http-tunnel"));

            await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.getReceivedMessages().length == 2);
            MimeMessage digest = MAIL.getReceivedMessages()[1];
            assertThat(digest.getSubject()).isEqualTo("[QuietWatch] digest: 3 alerts, highest medium");
            assertThat(digest.getHeader("X-QuietWatch-Digest")).containsExactly("3");
            assertThat(digest.getMessageID()).matches("<digest\\.[0-9a-f]{32}@example\\.org>");
            String text = part(digest, "text/plain");
            assertThat(text).contains("QuietWatch digest: 3 alerts", "[low] Long HTTPS session from 10.1.2.3",
                    "[medium] Long HTTPS session", "Alert id:    low1", "Alert id:    low2", "Alert id:    med1",
                    "Host:        10.1.2.3 (user alice)");
            assertThat(part(digest, "text/html")).contains("<td><code>low2</code></td>", "<td>medium</td>");
            Thread.sleep(500);
            assertThat(MAIL.getReceivedMessages()).hasSize(2);
        }
        assertThat(spool()).doesNotExist();
        assertThat(spool().resolveSibling(spool().getFileName() + ".sending")).doesNotExist();
    }

    @Test
    void aPendingDigestSurvivesARestart() throws Exception {
        try (EmailSink first = sink(MAIL.getSmtp().getPort(), "", Duration.ofHours(1))) {
            first.deliver(alert("r1", AlertSeverity.LOW));
            first.deliver(alert("r2", AlertSeverity.LOW));
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(Files.readAllLines(spool())).hasSize(2);

        // the period began before the restart, so the restarted sink sends the digest when it is due
        try (EmailSink second = sink(MAIL.getSmtp().getPort(), "", Duration.ofMillis(300))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.getReceivedMessages().length == 1);
        }
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("[QuietWatch] digest: 2 alerts, highest low");
        assertThat(spool()).doesNotExist();
    }

    @Test
    void aDigestRefusedForNowIsSentLater() throws Exception {
        AtomicInteger rcpt = new AtomicInteger();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                line -> line.startsWith("RCPT") && rcpt.incrementAndGet() == 1 ? "451 4.3.0 try later" : null);
             EmailSink sink = sink(server.port(), "", Duration.ofMillis(300))) {
            assertThat(sink.deliver(alert("t1", AlertSeverity.LOW)).outcome()).isEqualTo(Outcome.DELIVERED);
            await().atMost(Duration.ofSeconds(20)).until(() -> server.messages().size() == 1);
            assertThat(rcpt.get()).isEqualTo(2);
            assertThat(server.messages().get(0)).contains("Subject: [QuietWatch] digest: 1 alert, highest low");
        }
    }

    @Test
    void aDigestRefusedForGoodIsKeptAside() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(line -> line.startsWith("RCPT") ? "550 5.1.1 unknown" : null);
             EmailSink sink = sink(server.port(), "", Duration.ofMillis(300))) {
            sink.deliver(alert("u1", AlertSeverity.LOW));
            await().atMost(Duration.ofSeconds(20)).until(() -> rejectedFiles().length == 1);
            assertThat(Files.readString(rejectedFiles()[0])).contains("\"id\":\"u1\"");
            assertThat(server.messages()).isEmpty();
        }
    }

    private Path[] rejectedFiles() throws Exception {
        try (Stream<Path> files = Files.list(spool().getParent())) {
            return files.filter(p -> p.getFileName().toString().contains(".rejected-")).toArray(Path[]::new);
        }
    }
}
