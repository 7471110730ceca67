package io.quietwatch.alert.sink.email;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.SinkType;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import io.quietwatch.config.SinkConfig;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alerts, configurations and mail parsing shared by the e-mail sink tests. */
final class EmailFixtures {
    static final Instant NOW = Instant.parse("2025-11-26T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        // as the config loader does: sink types from the class path
        SinkType.all().values().forEach(t -> YAML.registerSubtypes(new NamedType(t.configClass(), t.type())));
    }

    private EmailFixtures() {
    }

    /** A config from YAML, bound as the config loader binds it (snake_case, unknown keys refused). */
    static EmailSinkConfig config(String yaml) {
        try {
            return (EmailSinkConfig) YAML.readValue("type: email\n" + yaml, SinkConfig.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A plain-SMTP config for a server on 127.0.0.1:{@code port}, plus {@code extra} YAML lines. */
    static EmailSinkConfig plain(int port, String extra) {
        return config("""
                name: soc-mail
                smtp_host: 127.0.0.1
                smtp_port: %d
                tls: none
                from: QuietWatch <quietwatch@example.org>
                to: [soc@example.org]
                connect_timeout_seconds: 5
                timeout_seconds: 10
                """.formatted(port) + extra);
    }

    static SinkType.Context context(Path home) {
        return new SinkType.Context(home, CLOCK);
    }

    static SinkType.Context liveContext(Path home) {
        return new SinkType.Context(home, Clock.systemUTC());
    }

    /** An HTTP-tunnel alert about 10.1.2.3 / alice with 12 evidence events and two details. */
    static Alert alert(String id, AlertSeverity severity) {
        List<LogEvent> evidence = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            evidence.add(LogEvent.builder().timestamp(NOW.toEpochMilli() - 60_000L * i).sourceIp("10.1.2.3")
                    .destinationIp("203.0.113.9").destinationPort(443)
                    .original("<166>Nov 26 10:0" + (i % 10) + ":00 fw1 %ASA-6-302014: Teardown TCP connection " + i)
                    .build(InternalNetworks.defaults()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("duration_hours", 5);
        details.put("bytes_out", 123456789L);
        return new Alert(id, "http-tunnel", "http_tunnel_open", severity, "Long HTTPS session from 10.1.2.3",
                NOW.toEpochMilli(), NOW.toEpochMilli() - 5 * 3_600_000L, NOW.toEpochMilli(), 3, "10.1.2.3", "alice",
                "203.0.113.9", 443, "A TCP/443 session has stayed open for 5 hours.", evidence, details);
    }

    /** An alert whose text fields are given (null where not). */
    static Alert alert(String id, AlertSeverity severity, String title, String host, String user, String reason,
                       List<LogEvent> evidence, Map<String, Object> details) {
        return new Alert(id, "uncommon-port", "rule_x", severity, title, NOW.toEpochMilli(), NOW.toEpochMilli(),
                NOW.toEpochMilli(), 1, host, user, null, null, reason, evidence, details);
    }

    /** The text of one part of a multipart/alternative mail, with line ends as {@code \n}. */
    static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart mp = (MimeMultipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.isMimeType(type)) {
                return ((String) p.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The header section of a raw message, as sent. */
    static String rawHeaders(String rawMessage) {
        int end = rawMessage.indexOf("\r\n\r\n");
        return end < 0 ? rawMessage : rawMessage.substring(0, end + 2);
    }
}
