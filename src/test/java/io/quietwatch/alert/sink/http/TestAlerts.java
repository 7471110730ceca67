package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertIds;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alerts for sink tests: an ordinary one, and one whose every text field is hostile. */
public final class TestAlerts {
    public static final String JNDI = "${jndi:ldap://x/a}";
    public static final long FIRST = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    public static final long LAST = Instant.parse("2024-05-01T10:30:00Z").toEpochMilli();
    public static final long RAISED = Instant.parse("2024-05-01T10:31:00Z").toEpochMilli();

    private TestAlerts() {
    }

    /** A high-severity uncommon-port alert with a firewall line and a proxy record as evidence. */
    public static Alert typical() {
        return typical(AlertSeverity.HIGH);
    }

    public static Alert typical(AlertSeverity severity) {
        LogEvent fw = LogEvent.builder().timestamp(FIRST).observerVendor("Cisco").observerProduct("ASA")
                .observerHostname("fw1").sourceIp("10.0.0.5").sourcePort(51234).destinationIp("203.0.113.9")
                .destinationPort(4444).transport("tcp").outcome("allowed").action("built")
                .original("<166>May 01 2024 10:00:00 fw1 %ASA-6-302013: Built outbound TCP connection 1 for outside:203.0.113.9/4444 (203.0.113.9/4444) to inside:10.0.0.5/51234 (10.0.0.5/51234)")
                .build(InternalNetworks.defaults());
        LogEvent proxy = LogEvent.builder().timestamp(LAST).observerHostname("proxy1").category("web")
                .sourceIp("10.0.0.5").destinationIp("198.51.100.7").destinationPort(80)
                .url("http://dl.example.net/tool.exe").urlDomain("dl.example.net").httpMethod("GET").httpStatus(200)
                .userAgent("curl/8.0").userName("alice").fileName("tool.exe")
                .build(InternalNetworks.defaults());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connections", 12);
        details.put("hosts_using_port", 1);
        return new Alert(AlertIds.of("uncommon-port", "10.0.0.5|4444"), "uncommon-port", "uncommon_port_new",
                severity, "Uncommon port 4444/tcp used by 10.0.0.5", RAISED, FIRST, LAST, 12,
                "10.0.0.5", "alice", "203.0.113.9", 4444,
                "10.0.0.5 made 12 allowed connections to port 4444, which no other host uses.",
                List.of(fw, proxy), details);
    }

    /** Hostile text in the title, host, user, URL, reason and evidence: CR/LF, HTML, markup, JNDI lookups. */
    public static Alert hostile() {
        String crlf = "\r\nX-Injected: yes\r\n\r\n";
        LogEvent proxy = LogEvent.builder().timestamp(FIRST).observerHostname("proxy\r\nX-Host: 1")
                .sourceIp("10.0.0.6").destinationIp("198.51.100.7").destinationPort(80)
                .url("http://evil.example/" + JNDI + crlf + "<script>alert(1)</script>")
                .urlDomain("evil.example" + crlf).userAgent(JNDI + crlf + "<img src=x onerror=alert(1)>")
                .userName(JNDI + crlf)
                .original("GET http://evil.example/" + JNDI + crlf + "{noformat}{code}``` | *bold* [link|http://x] <b>")
                .build(InternalNetworks.defaults());
        return new Alert(AlertIds.of("executable-download", "10.0.0.6"), "executable-download", "exe_download",
                AlertSeverity.CRITICAL, "Download of " + JNDI + crlf + "<b>tool</b> *x* [y|http://z] h1. big",
                RAISED, FIRST, LAST, 1, "10.0.0.6" + crlf + JNDI, JNDI + crlf + "Set-Cookie: a=b",
                "198.51.100.7", 80, "<script>alert(1)</script> " + JNDI + crlf + "| ||wiki|| {color:red}x{color} # list",
                List.of(proxy), Map.of("url", "http://evil.example/" + crlf));
    }

    /** The header names every hostile text tries to add. */
    public static final List<String> INJECTED_HEADERS = List.of("X-Injected", "X-Host", "Set-Cookie", "X-Evil");
}
