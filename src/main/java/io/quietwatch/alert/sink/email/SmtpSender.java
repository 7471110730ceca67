package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.AlertSink.Delivery;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import jakarta.mail.internet.MimeMessage;

import javax.net.ssl.SSLSocketFactory;
import java.util.Properties;

/**
 * One SMTP transaction per message over a fresh connection: connect (with TLS as configured), AUTH
 * when a user is set, MAIL/RCPT/DATA, QUIT. The outcome is classified by {@link SmtpFailures}.
 */
final class SmtpSender {
    private final EmailSinkConfig config;
    private final String protocol;
    private final String password;
    private final Session session;

    /**
     * @param tlsFactory socket factory for a private CA or skipped verification, or null for the JVM's trust store
     */
    SmtpSender(EmailSinkConfig config, String password, SSLSocketFactory tlsFactory) {
        this.config = config;
        this.protocol = config.tlsMode() == EmailSinkConfig.Tls.IMPLICIT ? "smtps" : "smtp";
        this.password = password;
        this.session = Session.getInstance(properties(tlsFactory));
    }

    /** The mail session messages are built in. */
    Session session() {
        return session;
    }

    private Properties properties(SSLSocketFactory tlsFactory) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", config.smtpHost());
        props.put(p + "port", Integer.toString(config.port()));
        props.put(p + "connectiontimeout", Long.toString(config.connectTimeoutSeconds() * 1000L));
        props.put(p + "timeout", Long.toString(config.timeoutSeconds() * 1000L));
        props.put(p + "writetimeout", Long.toString(config.timeoutSeconds() * 1000L));
        props.put(p + "auth", Boolean.toString(!EmailSinkConfig.blank(config.username())));
        // accepted recipients get the mail even if another is refused; the refusals are reported
        props.put(p + "sendpartial", "true");
        boolean starttls = config.tlsMode() == EmailSinkConfig.Tls.STARTTLS;
        props.put(p + "starttls.enable", Boolean.toString(starttls));
        props.put(p + "starttls.required", Boolean.toString(starttls));
        props.put(p + "ssl.checkserveridentity", Boolean.toString(!config.insecureSkipVerify()));
        if (tlsFactory != null) {
            props.put(p + "ssl.socketFactory", tlsFactory);
        }
        return props;
    }

    /** One attempt to send {@code message} to {@code recipients}. Never throws. */
    Delivery send(MimeMessage message, Address[] recipients) {
        SMTPTransport transport = null;
        try {
            transport = (SMTPTransport) session.getTransport(protocol);
            transport.connect(config.smtpHost(), config.port(), blankToNull(config.username()), password);
            transport.sendMessage(message, recipients);
            return Delivery.delivered(transport.getLastReturnCode());
        } catch (MessagingException e) {
            int code = transport == null ? 0 : transport.getLastReturnCode();
            String reply = transport == null ? null : transport.getLastServerResponse();
            return SmtpFailures.classify(e, code, reply, config.smtpHost() + ":" + config.port());
        } catch (RuntimeException e) {
            return Delivery.retry(0, "unexpected error talking to " + config.smtpHost() + ":" + config.port() + ": "
                    + SmtpFailures.oneLine(e.toString()), 0);
        } finally {
            close(transport);
        }
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                // the message is sent or not by now; a failed QUIT changes nothing
            }
        }
    }

    private static String blankToNull(String s) {
        return EmailSinkConfig.blank(s) ? null : s;
    }
}
