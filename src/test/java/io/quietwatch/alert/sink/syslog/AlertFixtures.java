package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;

import java.util.List;
import java.util.Map;

/** Alerts for the syslog sink's tests. */
final class AlertFixtures {
    /** 2024-05-01T10:00:00.250Z */
    static final long TIME = 1_714_557_600_250L;
    static final String NASTY = "a|b=c\\d\r\ne\n${jndi:ldap://x}";

    private AlertFixtures() {
    }

    /** An executable-download alert with a URL in its evidence. */
    static Alert download(String id) {
        LogEvent proxy = LogEvent.builder().timestamp(TIME - 5_000).sourceIp("10.1.2.3").destinationIp("203.0.113.7")
                .destinationPort(80).url("http://203.0.113.7/payload.exe").build(InternalNetworks.defaults());
        return new Alert(id, "executable-download", "executable_download", AlertSeverity.HIGH,
                "Executable download by 10.1.2.3", TIME, TIME - 60_000, TIME - 5_000, 2, "10.1.2.3", "alice",
                "203.0.113.7", 80, "10.1.2.3 fetched an .exe from a raw IP address.", List.of(proxy), Map.of());
    }

    /** An alert whose every text field carries {@code text}. */
    static Alert hostile(String id, String text) {
        LogEvent proxy = LogEvent.builder().timestamp(TIME).sourceIp("10.1.2.3").destinationIp("203.0.113.7")
                .url("http://x/" + text).build(InternalNetworks.defaults());
        return new Alert(id, "executable-download", "rule " + text, AlertSeverity.CRITICAL, "title " + text, TIME, TIME,
                TIME, 1, "host " + text, "user " + text, "dest " + text, 443, "reason " + text, List.of(proxy), Map.of());
    }

    static Alert withSeverity(AlertSeverity severity) {
        return new Alert("sev-" + severity.word(), "uncommon-port", "r", severity, "t", TIME, 0, 0, 1, null, null, null,
                null, null, List.of(), Map.of());
    }

    static Alert withReason(String id, String reason) {
        return new Alert(id, "http-tunnel", "http_tunnel", AlertSeverity.MEDIUM, "Long HTTP session", TIME, TIME - 7_200_000,
                TIME, 1, "10.1.2.3", "bob", "198.51.100.9", 443, reason, List.of(), Map.of());
    }
}
