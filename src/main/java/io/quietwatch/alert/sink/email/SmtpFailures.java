package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a failed SMTP attempt into a {@link Delivery}. Reply codes decide where the server gave one
 * (RFC 5321 section 4.2.1: 4xx transient, retry later; 5xx permanent, rejected). Without a reply:
 * connection failures and timeouts are retried; what only a change of configuration can fix (wrong
 * credentials, no STARTTLS where it is required, an untrusted or mismatching certificate) is rejected,
 * so the outbox does not retry it for hours while the mails pile up.
 */
final class SmtpFailures {
    private static final int MAX_REASON = 300;
    private static final int MAX_DEPTH = 20;

    private SmtpFailures() {
    }

    static Delivery classify(MessagingException e, int lastCode, String lastReply, String server) {
        if (e instanceof SendFailedException sf && sf.getValidSentAddresses() != null
                && sf.getValidSentAddresses().length > 0) {
            return new Delivery(Outcome.DELIVERED, 250, oneLine("not accepted for " + replyText(sf, "some recipients")), 0);
        }
        if (e instanceof AuthenticationFailedException) {
            return Delivery.rejected(lastCode, reason("authentication failed at " + server, lastReply));
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("STARTTLS is required")) {
            return Delivery.rejected(0, server + " does not offer STARTTLS, which tls: starttls requires"
                    + " (use tls: implicit for SMTPS, or tls: none to send unencrypted)");
        }
        Throwable tls = certificateProblem(e);
        if (tls != null) {
            return Delivery.rejected(0, oneLine("TLS: certificate of " + server + " not accepted: " + tls.getMessage()));
        }
        int code = replyCode(e, lastCode);
        if (code >= 400 && code < 500) {
            return Delivery.retry(code, reason("transient failure at " + server, replyText(e, lastReply)), 0);
        }
        if (code >= 500) {
            return Delivery.rejected(code, reason("refused by " + server, replyText(e, lastReply)));
        }
        return Delivery.retry(0, oneLine("cannot deliver to " + server + ": " + rootMessage(e)), 0);
    }

    /** The reply code that decided: the sender's or the recipients' (the lowest, so a 4xx wins over 5xx). */
    private static int replyCode(MessagingException e, int lastCode) {
        int code = 0;
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int c = x instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : x instanceof SMTPSenderFailedException s ? s.getReturnCode()
                    : x instanceof SMTPSendFailedException s ? s.getReturnCode() : 0;
            if (c >= 400 && (code == 0 || c < code)) {
                code = c;
            }
        }
        if (code == 0 && lastCode >= 400 && !(rootCause(e) instanceof IOException)) {
            code = lastCode;
        }
        return code;
    }

    private static String replyText(MessagingException e, String lastReply) {
        List<String> replies = new ArrayList<>();
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                replies.add(a.getAddress() + ": " + a.getReturnCode() + " " + stripCode(a.getMessage()));
            } else if (x instanceof SMTPSenderFailedException s) {
                replies.add("sender " + s.getAddress() + ": " + s.getReturnCode() + " " + stripCode(s.getMessage()));
            }
        }
        if (!replies.isEmpty()) {
            return String.join("; ", replies);
        }
        return lastReply != null ? lastReply : rootMessage(e);
    }

    private static String stripCode(String reply) {
        String r = reply == null ? "" : reply.strip();
        return r.length() > 4 && Character.isDigit(r.charAt(0)) && r.charAt(3) == ' ' ? r.substring(4) : r;
    }

    private static Throwable certificateProblem(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_DEPTH; t = next(t)) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof GeneralSecurityException || t instanceof SSLPeerUnverifiedException
                    || m.startsWith("Server is not trusted") || m.startsWith("Can't verify identity of server")
                    || m.startsWith("Server identity does not match")) {
                return t;
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        int depth = 0;
        for (Throwable n = next(t); n != null && n != t && depth++ < MAX_DEPTH; n = next(n)) {
            t = n;
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    private static String reason(String what, String reply) {
        return oneLine(reply == null || reply.isBlank() ? what : what + ": " + reply);
    }

    /** One line, at most 300 chars: fit for a delivery log. */
    static String oneLine(String s) {
        return MailText.header(s, MAX_REASON);
    }
}
