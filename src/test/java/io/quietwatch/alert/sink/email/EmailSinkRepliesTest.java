package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Function;

import static io.quietwatch.alert.sink.email.EmailFixtures.alert;
import static io.quietwatch.alert.sink.email.EmailFixtures.context;
import static io.quietwatch.alert.sink.email.EmailFixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** How SMTP replies are classified, against a scripted SMTP server on 127.0.0.1. */
class EmailSinkRepliesTest {
    @TempDir
    Path home;

    private Delivery deliverOnce(ScriptedSmtpServer server, String extra) throws Exception {
        try (EmailSink sink = new EmailSink(plain(server.port(), extra), context(home))) {
            sink.start();
            return sink.deliver(alert("5e5e", AlertSeverity.HIGH));
        }
    }

    private static Function<String, String> on(String prefix, String reply) {
        return line -> line.startsWith(prefix) ? reply : null;
    }

    @Test
    void unknownRecipientsAreRejectedWithTheReply() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("RCPT", "550 5.1.1 <soc@example.org>: user unknown"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.status()).isEqualTo(550);
            assertThat(d.reason()).contains("soc@example.org: 550", "user unknown");
            assertThat(s.messages()).isEmpty();
        }
    }

    @Test
    void oneRefusedRecipientOfTwoStillDelivers() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("RCPT TO:<gone@", "550 5.1.1 no such user"))) {
            Delivery d = deliverOnce(s, "cc: [gone@example.org]\n");
            assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(d.reason()).contains("gone@example.org", "550");
            assertThat(s.messages()).hasSize(1);
        }
    }

    @Test
    void aTransientRecipientReplyMeansRetry() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("RCPT", "451 4.3.0 try again later"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
            assertThat(d.status()).isEqualTo(451);
        }
    }

    @Test
    void aBusyGreetingMeansRetry() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("CONNECT", "421 4.3.2 too busy"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
            assertThat(d.status()).isEqualTo(421);
        }
    }

    @Test
    void aRefusingGreetingIsRejected() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("CONNECT", "554 5.7.1 no service for you"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.status()).isEqualTo(554);
        }
    }

    @Test
    void aRefusedSenderIsRejectedAndAFullQueueRetried() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("MAIL", "553 5.7.1 sender not allowed"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.status()).isEqualTo(553);
            assertThat(d.reason()).contains("sender not allowed");
        }
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("MAIL", "452 4.3.1 insufficient storage"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
            assertThat(d.status()).isEqualTo(452);
        }
    }

    @Test
    void theReplyToTheMessageDecides() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on(".", "554 5.6.0 message refused"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.status()).isEqualTo(554);
        }
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on(".", "451 4.7.1 greylisted"))) {
            Delivery d = deliverOnce(s, "");
            assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
            assertThat(d.status()).isEqualTo(451);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsRetried() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(on("CONNECT", ""))) {
            long start = System.nanoTime();
            Delivery d = deliverOnce(s, "timeout_seconds: 1\n");
            assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
            assertThat(d.reason()).containsIgnoringCase("timed out");
            assertThat(System.nanoTime() - start).isLessThan(8_000_000_000L);
        }
    }
}
