package io.quietwatch.alert.sink.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink.Outcome;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.quietwatch.alert.sink.email.EmailFixtures.alert;
import static io.quietwatch.alert.sink.email.EmailFixtures.context;
import static io.quietwatch.alert.sink.email.EmailFixtures.part;
import static io.quietwatch.alert.sink.email.EmailFixtures.plain;
import static io.quietwatch.alert.sink.email.EmailFixtures.rawHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/** Attacker text from logged traffic stays inert in headers, the text part and the HTML part. */
class EmailSinkInjectionTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path home;

    private MimeMessage mailed(Alert a, String extra) throws Exception {
        try (EmailSink sink = new EmailSink(plain(MAIL.getSmtp().getPort(), extra), context(home))) {
            sink.start();
            assertThat(sink.deliver(a).outcome()).isEqualTo(Outcome.DELIVERED);
        }
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static LogEvent event(String url, String original) {
        return LogEvent.builder().timestamp(EmailFixtures.NOW.toEpochMilli()).sourceIp("10.1.2.3")
                .destinationIp("198.51.100.7").url(url).original(original).build(InternalNetworks.defaults());
    }

    @Test
    void crlfInHostTitleAndUserCannotAddHeaders() throws Exception {
        String crlf = "\r\nBcc: victim@evil.example\r\nX-Injected: yes\r\n\r\n<html>body";
        Alert a = new Alert("id\r\nX-Injected: id", "det\r\nX-Injected: det", "rule\nX-Injected: rule", AlertSeverity.HIGH,
                "Title" + crlf, EmailFixtures.NOW.toEpochMilli(), 0, 0, 1, "10.1.2.3" + crlf, "bob" + crlf,
                "198.51.100.7\r\nX-Injected: dst", 80, "reason" + crlf,
                List.of(event("http://x/\r\nX-Injected: url", "line\r\nX-Injected: line")),
                Map.of("key\r\nX-Injected: k", "value\r\nX-Injected: v"));
        MimeMessage m = mailed(a, "subject_template: '{title} {host}{user} {rule} {detection} {destination} {id}'\n");

        String headers = rawHeaders(GreenMailUtil.getWholeMessage(m));
        assertThat(headers.lines()).noneMatch(l -> l.regionMatches(true, 0, "X-Injected", 0, 10))
                .noneMatch(l -> l.regionMatches(true, 0, "Bcc", 0, 3));
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("X-Injected")).isNull();
        assertThat(m.getSubject()).doesNotContain("\r", "\n")
                .startsWith("Title Bcc: victim@evil.example X-Injected: yes <html>body 10.1.2.3 Bcc:");
        assertThat(m.getHeader("X-QuietWatch-Alert-Id")).containsExactly("id__X-Injected__id");
        assertThat(m.getMessageID()).isEqualTo("<id__X-Injected__id.high@example.org>");
        assertThat(m.getHeader("X-QuietWatch-Detection")).containsExactly("det__X-Injected__det");

        // in the bodies, line breaks show as escapes, so a value cannot fake lines of the mail either
        String text = part(m, "text/plain");
        assertThat(text).contains("User:         bob\\r\\nBcc: victim@evil.example\\r\\nX-Injected: yes",
                "  line\\r\\nX-Injected: line\n", "  key\\r\\nX-Injected: k: value\\r\\nX-Injected: v");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("X-Injected"));
        assertThat(part(m, "text/html").lines()).noneMatch(l -> l.startsWith("X-Injected"));
    }

    @Test
    void markupInUrlsAndReasonsIsEscapedInHtml() throws Exception {
        String script = "<script>alert(1)</script>";
        Alert a = alert("h1", AlertSeverity.HIGH, "Download of " + script, "10.1.2.3", "<b>eve</b>",
                "Fetched http://evil.example/" + script + "x.exe & \"ran\" it's",
                List.of(event("http://evil.example/a.exe?q=" + script,
                        "squid: GET http://evil.example/a.exe?q=" + script + " <img src=x onerror=alert(2)>")),
                Map.of("url", "http://evil.example/\"><script>alert(3)</script>"));
        MimeMessage m = mailed(a, "");

        String html = part(m, "text/html");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<img", "<b>eve");
        assertThat(html).contains("Download of &lt;script&gt;alert(1)&lt;/script&gt;",
                "Fetched http://evil.example/&lt;script&gt;alert(1)&lt;/script&gt;x.exe &amp; &quot;ran&quot; it&#39;s",
                "a.exe?q=&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;",
                "<td>http://evil.example/&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;</td>",
                "<td>&lt;b&gt;eve&lt;/b&gt;</td>");
        // the plain part is text: markup there is shown as it was logged
        assertThat(part(m, "text/plain")).contains("Download of " + script, "User:         <b>eve</b>");
    }

    @Test
    void lookupsAndPlaceholdersInValuesStayLiteral() throws Exception {
        String jndi = "${jndi:ldap://x}";
        Alert a = alert("j1", AlertSeverity.HIGH, jndi + " {host} {#user}x{/user}", jndi, jndi, "reason " + jndi,
                List.of(event(null, "user=" + jndi)), Map.of(jndi, jndi));
        MimeMessage m = mailed(a, "subject_template: '{title} on {host}{user}'\n");

        assertThat(m.getSubject()).isEqualTo(jndi + " {host} {#user}x{/user} on " + jndi + " (user " + jndi + ")");
        assertThat(part(m, "text/plain")).contains("QuietWatch alert: " + jndi + " {host} {#user}x{/user}",
                "Host:         " + jndi, "reason " + jndi, "user=" + jndi, "  " + jndi + ": " + jndi);
        assertThat(part(m, "text/html")).contains("<td>" + jndi + "</td>", "reason " + jndi);
    }

    @Test
    void longAndOddValuesAreCappedInTheSubject() throws Exception {
        Alert a = alert("k1", AlertSeverity.LOW, "x".repeat(5000), "10.0.0.1\u202e\u0000\u0085", null, "r",
                List.of(), Map.of());
        MimeMessage m = mailed(a, "subject_template: '{title} {host}'\n");
        assertThat(m.getSubject()).hasSizeLessThanOrEqualTo(200).doesNotContain("\u202e", "\u0000", "\u0085");
        assertThat(part(m, "text/plain")).contains("Host:         10.0.0.1\\u202e\\u0000\\u0085");
    }
}
