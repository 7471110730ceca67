package io.quietwatch.alert.sink.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alerts by e-mail over SMTP ({@code type: email}). Values are checked by {@link #problems()}; what
 * needs the file system or the environment (password file, trust file, spool) is checked by
 * {@link EmailSink#start()}.
 *
 * @param name                  sink name (default {@code email})
 * @param smtpHost              SMTP server (required)
 * @param smtpPort              port (default 25 with {@code tls: none}, 587 with {@code starttls}, 465 with {@code implicit})
 * @param tls                   {@code none}, {@code starttls} (required: refuse a server that does not offer it)
 *                              or {@code implicit} (SMTPS); default {@code starttls}
 * @param trustFile             PEM file of CA certificates to trust instead of the JVM's (private CAs)
 * @param insecureSkipVerify    accept any server certificate and name (default false; for tests only)
 * @param username              SMTP AUTH user; no AUTH when absent
 * @param password              SMTP AUTH password, inline
 * @param passwordFile          file holding the password (first line)
 * @param passwordEnv           environment variable holding the password
 * @param from                  sender address (required)
 * @param to                    recipients (required, at least one)
 * @param cc                    copy recipients
 * @param subjectTemplate       subject with placeholders (default {@link #DEFAULT_SUBJECT})
 * @param minSeverity           deliver only alerts at or above this severity (default {@code low})
 * @param digestMinutes         batch alerts up to {@code digest_max_severity} into one mail every this many
 *                              minutes (default 0 = every alert mailed at once)
 * @param digestMaxSeverity     highest severity that goes into the digest (default {@code low})
 * @param digestSpoolFile       where batched alerts wait (default {@code var/spool/email-<name>.digest.jsonl})
 * @param connectTimeoutSeconds TCP connect timeout (default 10)
 * @param timeoutSeconds        read and write timeout of the SMTP dialogue (default 30)
 */
public record EmailSinkConfig(
        String name,
        String smtpHost,
        Integer smtpPort,
        String tls,
        String trustFile,
        Boolean insecureSkipVerify,
        String username,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
        String passwordFile,
        String passwordEnv,
        String from,
        List<String> to,
        List<String> cc,
        String subjectTemplate,
        String minSeverity,
        Integer digestMinutes,
        String digestMaxSeverity,
        String digestSpoolFile,
        Integer connectTimeoutSeconds,
        Integer timeoutSeconds) implements SinkConfig {

    /** The default subject: severity, detection, host, and the user where known. */
    public static final String DEFAULT_SUBJECT = "[QuietWatch] {severity} {detection} on {host}{user}";

    /** How the connection is protected. */
    public enum Tls {
        NONE, STARTTLS, IMPLICIT;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public EmailSinkConfig {
        name = name == null ? "email" : name;
        tls = tls == null ? "starttls" : tls.strip().toLowerCase(Locale.ROOT);
        insecureSkipVerify = insecureSkipVerify != null && insecureSkipVerify;
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        subjectTemplate = subjectTemplate == null ? DEFAULT_SUBJECT : subjectTemplate;
        minSeverity = minSeverity == null ? "low" : minSeverity;
        digestMinutes = digestMinutes == null ? 0 : digestMinutes;
        digestSpoolFile = digestSpoolFile == null ? "var/spool/email-" + fileSafe(name) + ".digest.jsonl" : digestSpoolFile;
        connectTimeoutSeconds = connectTimeoutSeconds == null ? 10 : connectTimeoutSeconds;
        timeoutSeconds = timeoutSeconds == null ? 30 : timeoutSeconds;
    }

    /** The TLS mode, or null if {@code tls} is not a known word. */
    public Tls tlsMode() {
        for (Tls t : Tls.values()) {
            if (t.word().equals(tls)) {
                return t;
            }
        }
        return null;
    }

    /** The port to connect to: the configured one, or the usual one for the TLS mode. */
    public int port() {
        if (smtpPort != null) {
            return smtpPort;
        }
        Tls t = tlsMode();
        return t == Tls.IMPLICIT ? 465 : t == Tls.STARTTLS ? 587 : 25;
    }

    /** True if some alerts are batched into digests. */
    public boolean digest() {
        return digestMinutes > 0;
    }

    /** The digest's highest severity ({@code low} unless set). */
    public AlertSeverity digestMax() {
        return digestMaxSeverity == null ? AlertSeverity.LOW : AlertSeverity.parse(digestMaxSeverity);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (blank(smtpHost)) {
            p.add("smtp_host: is required");
        } else if (hasSpaceOrControl(smtpHost)) {
            p.add("smtp_host: '" + MailText.header(smtpHost, 80) + "' is not a host name");
        } else if (smtpHost.indexOf(':') >= 0 && smtpHost.indexOf(':') == smtpHost.lastIndexOf(':')) {
            p.add("smtp_host: '" + smtpHost + "' has a port; give the port as smtp_port");
        }
        if (smtpPort != null && (smtpPort < 1 || smtpPort > 65535)) {
            p.add("smtp_port: " + smtpPort + " is not a port (1-65535)");
        }
        if (tlsMode() == null) {
            p.add("tls: '" + MailText.header(tls, 40) + "' is not one of none, starttls, implicit");
        } else if (tlsMode() == Tls.NONE && (trustFile != null || insecureSkipVerify)) {
            p.add("tls: is none, so trust_file and insecure_skip_verify have no effect; remove them or enable TLS");
        }
        if (trustFile != null && insecureSkipVerify) {
            p.add("insecure_skip_verify: cannot be combined with trust_file");
        }
        passwordProblems(p);
        p.addAll(MailAddresses.problems(this));
        severityProblems(p);
        if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 600) {
            p.add("connect_timeout_seconds: must be between 1 and 600");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            p.add("timeout_seconds: must be between 1 and 3600");
        }
        String subject = AlertMail.subjectProblem(subjectTemplate);
        if (subject != null) {
            p.add("subject_template: " + subject);
        }
        return p;
    }

    private void passwordProblems(List<String> p) {
        int sources = (password != null ? 1 : 0) + (passwordFile != null ? 1 : 0) + (passwordEnv != null ? 1 : 0);
        if (sources > 1) {
            p.add("password: give only one of password, password_file, password_env");
        }
        if (sources > 0 && blank(username)) {
            p.add("username: is required when a password is given");
        }
        if (sources == 0 && !blank(username)) {
            p.add("password: is required with username (password, password_file or password_env)");
        }
    }

    private void severityProblems(List<String> p) {
        AlertSeverity min = severity("min_severity", minSeverity, p);
        if (digestMinutes < 0 || digestMinutes > 1440) {
            p.add("digest_minutes: must be between 0 (no digest) and 1440");
        }
        if (digestMaxSeverity == null) {
            return;
        }
        AlertSeverity max = severity("digest_max_severity", digestMaxSeverity, p);
        if (digestMinutes == 0) {
            p.add("digest_max_severity: has no effect without digest_minutes");
        } else if (min != null && max != null && max.compareTo(min) < 0) {
            p.add("digest_max_severity: " + max + " is below min_severity " + min + ", so no alert would be batched");
        }
    }

    private static AlertSeverity severity(String key, String word, List<String> p) {
        try {
            return AlertSeverity.parse(word);
        } catch (IllegalArgumentException e) {
            p.add(key + ": '" + MailText.header(word, 40) + "' is not one of low, medium, high, critical");
            return null;
        }
    }

    private static String fileSafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean hasSpaceOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) <= ' ' || s.charAt(i) == 0x7f) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "EmailSinkConfig[name=" + name + ", smtp_host=" + smtpHost + ", smtp_port=" + port() + ", tls=" + tls
                + ", trust_file=" + trustFile + ", insecure_skip_verify=" + insecureSkipVerify + ", username=" + username
                + ", password=" + (password == null ? "null" : "****") + ", password_file=" + passwordFile
                + ", password_env=" + passwordEnv + ", from=" + from + ", to=" + to + ", cc=" + cc
                + ", subject_template=" + subjectTemplate + ", min_severity=" + minSeverity
                + ", digest_minutes=" + digestMinutes + ", digest_max_severity=" + digestMaxSeverity
                + ", digest_spool_file=" + digestSpoolFile + ", connect_timeout_seconds=" + connectTimeoutSeconds
                + ", timeout_seconds=" + timeoutSeconds + "]";
    }
}
