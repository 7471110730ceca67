package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import io.quietwatch.alert.SinkType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Mails alerts over SMTP: one multipart (plain text + HTML) mail per alert at or above
 * {@code min_severity}, or, in digest mode, low alerts batched into one mail every
 * {@code digest_minutes} (see {@link EmailDigest}). Each {@link #deliver} makes one SMTP attempt and
 * classifies the outcome (see {@link SmtpFailures}).
 */
public final class EmailSink implements AlertSink {
    private static final Logger LOG = LogManager.getLogger(EmailSink.class);

    private final EmailSinkConfig config;
    private final SinkType.Context context;
    private final Duration digestPeriod;
    private volatile SmtpSender sender;
    private volatile AlertMail mail;
    private volatile AlertSeverity minSeverity;
    private volatile AlertSeverity digestMax;
    private volatile EmailDigest digest;
    private volatile boolean running;

    public EmailSink(EmailSinkConfig config, SinkType.Context context) {
        this(config, context, Duration.ofMinutes(config.digestMinutes()));
    }

    /** With a digest period other than {@code digest_minutes} (tests cannot wait minutes). */
    EmailSink(EmailSinkConfig config, SinkType.Context context, Duration digestPeriod) {
        this.config = config;
        this.context = context;
        this.digestPeriod = digestPeriod;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public synchronized void start() throws SinkException {
        List<String> problems = new ArrayList<>(config.problems());
        String password = password(problems);
        SSLSocketFactory tls = tlsFactory(problems);
        EmailDigest newDigest = config.digest() ? openDigest(problems) : null;
        if (!problems.isEmpty()) {
            if (newDigest != null) {
                newDigest.close();
            }
            throw new SinkException(name(), problems);
        }
        try {
            SmtpSender newSender = new SmtpSender(config, password, tls);
            mail = new AlertMail(newSender.session(), MailAddresses.one(config.from()), MailAddresses.all(config.to()),
                    MailAddresses.all(config.cc()), config.subjectTemplate(), context.clock());
            sender = newSender;
        } catch (AddressException e) {
            throw new SinkException(name(), "from/to/cc: " + e.getMessage(), e);
        }
        minSeverity = AlertSeverity.parse(config.minSeverity());
        digestMax = config.digestMax();
        digest = newDigest;
        if (newDigest != null) {
            newDigest.resume();
        }
        running = true;
        if (config.insecureSkipVerify()) {
            LOG.warn("Sink {}: insecure_skip_verify is set: the SMTP server's certificate is not checked", name());
        }
        if (config.tlsMode() == EmailSinkConfig.Tls.NONE && !EmailSinkConfig.blank(config.username())) {
            LOG.warn("Sink {}: tls is none: the SMTP password and the alerts cross the network unencrypted", name());
        }
    }

    @Override
    public Delivery deliver(Alert alert) {
        AlertMail m = mail;
        if (!running) {
            return Delivery.retry(0, "sink " + name() + " is not running", 0);
        }
        try {
            if (alert.severity().compareTo(minSeverity) < 0) {
                return new Delivery(Outcome.DELIVERED, 0, "not mailed: below min_severity " + minSeverity, 0);
            }
            EmailDigest d = digest;
            if (d != null && alert.severity().compareTo(digestMax) <= 0) {
                return d.add(alert);
            }
            Delivery result = sender.send(m.single(alert), m.recipients());
            if (result.outcome() != Outcome.DELIVERED) {
                LOG.warn("Sink {}: alert {} {}: {}", name(), alert.id(), result.outcome(), result.reason());
            }
            return result;
        } catch (MessagingException | RuntimeException e) {
            LOG.error("Sink {}: cannot build the mail for alert {}: {}", name(), alert.id(), e.toString());
            return Delivery.rejected(0, SmtpFailures.oneLine("cannot build the mail: " + e));
        }
    }

    private Delivery sendDigest(List<Alert> alerts) {
        try {
            return sender.send(mail.digest(alerts, digestPeriod), mail.recipients());
        } catch (MessagingException | RuntimeException e) {
            return Delivery.rejected(0, SmtpFailures.oneLine("cannot build the digest mail: " + e));
        }
    }

    private String password(List<String> problems) {
        if (config.password() != null) {
            return config.password();
        }
        if (config.passwordFile() != null) {
            Path file = context.home().resolve(config.passwordFile());
            try {
                String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    problems.add("password_file: " + file + " is empty");
                }
                return first;
            } catch (IOException | RuntimeException e) {
                problems.add("password_file: cannot read " + file + ": " + e.getMessage());
                return null;
            }
        }
        if (config.passwordEnv() != null) {
            String value = System.getenv(config.passwordEnv());
            if (value == null || value.isEmpty()) {
                problems.add("password_env: environment variable " + config.passwordEnv() + " is not set");
            }
            return value;
        }
        return null;
    }

    private SSLSocketFactory tlsFactory(List<String> problems) {
        try {
            if (config.trustFile() != null) {
                return SmtpTrust.fromPem(context.home().resolve(config.trustFile()));
            }
            return config.insecureSkipVerify() ? SmtpTrust.trustingAll() : null;
        } catch (IOException | GeneralSecurityException e) {
            problems.add("trust_file: cannot use " + context.home().resolve(config.trustFile()) + ": " + e.getMessage());
            return null;
        }
    }

    private EmailDigest openDigest(List<String> problems) {
        DigestSpool spool = new DigestSpool(context.home().resolve(config.digestSpoolFile()));
        EmailDigest d = new EmailDigest(name(), spool, digestPeriod, context.clock(), this::sendDigest);
        try {
            d.open();
            return d;
        } catch (IOException | RuntimeException e) {
            d.close();
            problems.add("digest_spool_file: cannot use " + spool.file() + ": " + e);
            return null;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        EmailDigest d = digest;
        digest = null;
        if (d != null) {
            d.close();
        }
    }
}
