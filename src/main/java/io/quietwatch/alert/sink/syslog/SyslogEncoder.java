package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An alert as one syslog message (no framing): an RFC 5424 header
 * ({@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME - alert - }) or an RFC 3164 one
 * ({@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG: }), then the CEF record, in at most {@code max_message_size}
 * bytes of UTF-8. Times are the alert's, in UTC. The MSG carries no BOM: CEF receivers expect it to
 * start with {@code CEF:}.
 */
final class SyslogEncoder {
    private static final DateTimeFormatter RFC5424_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    // RFC 3164 4.1.2: the day is space-padded ("Feb  5")
    private static final DateTimeFormatter RFC3164_TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final boolean rfc5424;
    private final int facility;
    private final String hostname;
    private final String appName;
    private final int maxBytes;
    private final CefFormatter cef;

    SyslogEncoder(SyslogSinkConfig config, String hostname, CefFormatter cef) {
        this.rfc5424 = SyslogSinkConfig.RFC5424.equals(config.header());
        this.facility = config.syslogFacility().code();
        this.hostname = hostname;
        this.appName = config.appName();
        this.maxBytes = config.maxMessageSize();
        this.cef = cef;
    }

    /** Syslog severity (RFC 5424 table 2) of an alert: critical 2, high 3 (error), medium 4 (warning), low 5 (notice). */
    static int syslogSeverity(AlertSeverity s) {
        return switch (s) {
            case CRITICAL -> 2;
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
        };
    }

    /** The message's bytes. */
    byte[] encode(Alert alert) {
        String header = header(alert);
        int room = maxBytes - header.length(); // the header is ASCII
        return (header + cef.format(alert, room)).getBytes(StandardCharsets.UTF_8);
    }

    String header(Alert a) {
        StringBuilder h = new StringBuilder(96).append('<').append(facility * 8 + syslogSeverity(a.severity())).append('>');
        if (rfc5424) {
            h.append("1 ");
            RFC5424_TIME.formatTo(java.time.Instant.ofEpochMilli(a.timestamp()), h);
            return h.append(' ').append(hostname).append(' ').append(appName).append(" - alert - ").toString();
        }
        RFC3164_TIME.formatTo(java.time.Instant.ofEpochMilli(a.timestamp()), h);
        return h.append(' ').append(hostname).append(' ').append(appName).append(": ").toString();
    }
}
