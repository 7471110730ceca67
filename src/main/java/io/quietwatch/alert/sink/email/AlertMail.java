package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the mails: one alert, or a digest of several, each multipart/alternative with a plain-text
 * and an HTML part from the templates in the jar. The Message-ID is derived from the alert id and
 * severity, so a repeat of the same alert (a retry, a restart) has the same Message-ID and receivers
 * can drop it, while an escalation is a new mail in the same thread ({@code References}).
 */
final class AlertMail {
    /** Alerts listed in one digest mail; the rest are counted. */
    static final int MAX_DIGEST_ROWS = 500;
    static final Set<String> SUBJECT_NAMES =
            Set.of("severity", "detection", "host", "user", "title", "rule", "destination", "count", "id");
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_SUBJECT_VALUE = 100;
    private static final int MAX_BODY_VALUE = 100_000;
    private static final MailTemplate ALERT_TEXT = MailTemplate.resource("alert.txt");
    private static final MailTemplate ALERT_HTML = MailTemplate.resource("alert.html");
    private static final MailTemplate DIGEST_TEXT = MailTemplate.resource("digest.txt");
    private static final MailTemplate DIGEST_HTML = MailTemplate.resource("digest.html");

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final InternetAddress[] cc;
    private final MailTemplate subject;
    private final String domain;
    private final Clock clock;

    AlertMail(Session session, InternetAddress from, InternetAddress[] to, InternetAddress[] cc, String subjectTemplate,
              Clock clock) {
        this.session = session;
        this.from = from;
        this.to = to.clone();
        this.cc = cc.clone();
        this.subject = MailTemplate.parse(subjectTemplate);
        this.domain = MailAddresses.domain(from);
        this.clock = clock;
    }

    /** What is wrong with a subject template, or null. */
    static String subjectProblem(String template) {
        try {
            Set<String> unknown = new TreeSet<>(MailTemplate.parse(template).names());
            unknown.removeAll(SUBJECT_NAMES);
            return unknown.isEmpty() ? null
                    : "unknown placeholder(s) " + unknown + "; known: " + new TreeSet<>(SUBJECT_NAMES);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Every recipient, to and cc. */
    InternetAddress[] recipients() {
        InternetAddress[] all = new InternetAddress[to.length + cc.length];
        System.arraycopy(to, 0, all, 0, to.length);
        System.arraycopy(cc, 0, all, to.length, cc.length);
        return all;
    }

    /** The mail for one alert. */
    MimeMessage single(Alert a) throws MessagingException {
        String id = MailText.token(a.id());
        String subjectLine = MailText.header(subject.fill(AlertView.subject(a),
                v -> MailText.headerPiece(v, MAX_SUBJECT_VALUE)), MAX_SUBJECT);
        Map<String, Object> values = AlertView.body(a);
        MimeMessage m = message("<" + id + "." + a.severity().word() + "@" + domain + ">", subjectLine,
                ALERT_TEXT.fill(values, v -> MailText.plain(v, MAX_BODY_VALUE)),
                ALERT_HTML.fill(values, v -> MailText.html(v, MAX_BODY_VALUE)));
        String thread = "<" + id + "@" + domain + ">";
        m.setHeader("In-Reply-To", thread);
        m.setHeader("References", thread);
        m.setHeader("X-QuietWatch-Alert-Id", id);
        m.setHeader("X-QuietWatch-Severity", a.severity().word());
        m.setHeader("X-QuietWatch-Detection", MailText.token(a.detection()));
        m.saveChanges();
        return m;
    }

    /** One mail listing several alerts, oldest first; at most {@link #MAX_DIGEST_ROWS} are listed. */
    MimeMessage digest(List<Alert> alerts, Duration period) throws MessagingException {
        AlertSeverity highest = AlertSeverity.LOW;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Alert a : alerts) {
            highest = a.severity().compareTo(highest) > 0 ? a.severity() : highest;
            first = Math.min(first, a.firstSeen());
            last = Math.max(last, a.lastSeen());
            if (rows.size() < MAX_DIGEST_ROWS) {
                rows.add(AlertView.summary(a));
            }
        }
        int more = alerts.size() - rows.size();
        Map<String, Object> values = new HashMap<>();
        values.put("alerts", rows);
        values.put("count", Integer.toString(alerts.size()));
        values.put("plural", alerts.size() == 1 ? "" : "s");
        values.put("first_seen", Instant.ofEpochMilli(first).toString());
        values.put("last_seen", Instant.ofEpochMilli(last).toString());
        values.put("more", more > 0 ? more + " more alert(s) not listed; see the alert file" : "");
        values.put("period", period.toMinutes() > 0 ? period.toMinutes() + " minute(s)" : period.toSeconds() + " second(s)");
        String subjectLine = "[QuietWatch] digest: " + alerts.size() + " alert" + values.get("plural") + ", highest "
                + highest.word();
        MimeMessage m = message("<digest." + digestId(alerts) + "@" + domain + ">", subjectLine,
                DIGEST_TEXT.fill(values, v -> MailText.plain(v, MAX_BODY_VALUE)),
                DIGEST_HTML.fill(values, v -> MailText.html(v, MAX_BODY_VALUE)));
        m.setHeader("X-QuietWatch-Digest", Integer.toString(alerts.size()));
        m.setHeader("X-QuietWatch-Severity", highest.word());
        m.saveChanges();
        return m;
    }

    private MimeMessage message(String messageId, String subjectLine, String text, String html)
            throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, messageId);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to);
        if (cc.length > 0) {
            m.setRecipients(Message.RecipientType.CC, cc);
        }
        m.setSubject(subjectLine, "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        // RFC 3834: no vacation or out-of-office replies to alert mail
        m.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        m.setContent(alternative);
        return m;
    }

    /** Same alerts at the same severities, same digest id: a digest resent after a restart is recognisable. */
    private static String digestId(List<Alert> alerts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        for (Alert a : alerts) {
            sha.update((a.id() + "/" + a.severity().word() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /** A message whose Message-ID is ours rather than a random one made at {@code saveChanges()}. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
