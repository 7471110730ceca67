package io.quietwatch.web;

import io.quietwatch.alert.sink.file.FileSinkConfig;
import io.quietwatch.config.AdminConfig;
import io.quietwatch.config.DashboardConfig;
import io.quietwatch.config.DeadLetterConfig;
import io.quietwatch.config.EngineConfig;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.daemon.Daemon;
import io.quietwatch.testing.SyslogLines;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A real daemon (all shipped rules, the real alert store, the dashboard on a free port) fed, over TCP on
 * 127.0.0.1, six hours of replay-style firewall and proxy lines whose event times follow a clock the
 * fixture moves: an HTTP session still open, one closed after two hours, traffic to an uncommon port,
 * executable downloads (one with script in its URL and user name), a NAT box, and inbound scans rising
 * on 23/tcp. The clock ends at {@link #END}.
 */
final class DashboardFixture implements AutoCloseable {
    static final long T0 = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;
    static final long END = T0 + 6 * HOUR + 2 * 60_000L;
    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery";
    /** The open tunnel: host, destination and start. */
    static final String OPEN_HOST = "10.1.2.3";
    static final String OPEN_DESTINATION = "203.0.113.80";
    static final long OPEN_START = T0 + HOUR + 10 * 60_000L;
    static final String CLOSED_HOST = "10.1.2.4";
    static final String NAT_HOST = "10.0.5.50";
    static final String XSS_URL = "http://198.51.100.99/<script>window.__xss=1</script>/x.exe";
    static final String XSS_USER = "x\"><img/src=x/onerror=window.__xss=2>";

    final DashboardServerTest.MutableClock clock = new DashboardServerTest.MutableClock(T0);
    final Daemon daemon;
    int sent;

    DashboardFixture(Path home) throws Exception {
        DashboardConfig dashboard = new DashboardConfig(true, "127.0.0.1", 0, null,
                List.of(new DashboardConfig.User(USER, PasswordHash.create(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS))),
                null, null, null, null);
        QuietWatchConfig config = new QuietWatchConfig(
                List.of(new InputConfig("tcp-in", "tcp", "127.0.0.1", 0, "auto", "UTC", null, null, null)),
                null, Path.of("epl-rules").toAbsolutePath().toString(), null, null, new EngineConfig(300, 24),
                new DeadLetterConfig("var/deadletter.log", 100), List.of(new FileSinkConfig("file", "var/alerts.jsonl")),
                null, null, new AdminConfig(true, "127.0.0.1", 0, null), Map.of(), 60, null, null, dashboard);
        daemon = Daemon.start(config, home, clock, false);
        for (int h = 0; h < 6; h++) {
            clock.set(T0 + h * HOUR + 59 * 60_000L);
            send(hour(h));
        }
        // the engine clock follows the events' times: one last event brings it to END, closing hour 5
        clock.set(END);
        send(List.of(iptables(END, "OUT-ACCEPT: IN=eth1 OUT=eth0 SRC=10.1.0.99 DST=93.184.216.34 LEN=60 TOS=0x00 PREC=0x00 "
                + "TTL=64 ID=1 DF PROTO=TCP SPT=40001 DPT=443 WINDOW=64240 RES=0x00 SYN URGP=0")));
        await().atMost(Duration.ofSeconds(30)).until(() -> daemon.stats().snapshot(0).get("engine_time") instanceof String t
                && Instant.parse(t).toEpochMilli() >= END);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + daemon.dashboardPort();
    }

    private static String asa(long t, String body) {
        return SyslogLines.asa(Instant.ofEpochMilli(t), body);
    }

    private static String iptables(long t, String body) {
        return Instant.ofEpochMilli(t).toString().replace("Z", "+00:00") + " gw1 kernel: [1001.000001] " + body;
    }

    private static String squid(long t, String client, String url, String user, String type) {
        return String.format(Locale.ROOT, "%d.%03d    195 %s TCP_MISS/200 10473 GET %s %s HIER_DIRECT/198.51.100.20 %s",
                t / 1000, t % 1000, client, url, user, type);
    }

    /** The lines of hour {@code h}, in time order. */
    private static List<String> hour(int h) {
        long base = T0 + h * HOUR;
        List<String> lines = new ArrayList<>();
        int scans = h == 5 ? 30 : 3;
        for (int i = 0; i < scans; i++) {
            lines.add(iptables(base + 60_000 + i * 1000L, "[UFW BLOCK] IN=eth0 OUT= SRC=198.51.100." + (i % 10 + 1)
                    + " DST=10.9.9.9 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=54321 PROTO=TCP SPT=51234 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0"));
        }
        for (int i = 0; i < 2; i++) {
            lines.add(iptables(base + 120_000 + i * 1000L, "[UFW BLOCK] IN=eth0 OUT= SRC=192.0.2." + (i + 1)
                    + " DST=10.9.9.9 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=54321 PROTO=TCP SPT=51234 DPT=445 WINDOW=1024 RES=0x00 SYN URGP=0"));
        }
        switch (h) {
            case 1 -> lines.add(asa(OPEN_START, "%ASA-6-302013: Built outbound TCP connection 4242 for outside:" + OPEN_DESTINATION
                    + "/443 (" + OPEN_DESTINATION + "/443) to inside:" + OPEN_HOST + "/51515 (198.51.100.1/51515)"));
            case 2 -> lines.add(asa(base + 5 * 60_000, "%ASA-6-302013: Built outbound TCP connection 4243 for outside:203.0.113.81/443 "
                    + "(203.0.113.81/443) to inside:" + CLOSED_HOST + "/51516 (198.51.100.1/51516)"));
            case 3 -> {
                lines.add(asa(base + 10 * 60_000, "%ASA-6-302013: Built outbound TCP connection 5001 for outside:203.0.113.66/4444 "
                        + "(203.0.113.66/4444) to inside:10.1.0.20/52000 (198.51.100.1/52000)"));
                lines.add(asa(base + 20 * 60_000, "%ASA-6-302014: Teardown TCP connection 5001 for outside:203.0.113.66/4444 "
                        + "to inside:10.1.0.20/52000 duration 0:10:00 bytes 98765 TCP FINs"));
            }
            case 4 -> lines.add(asa(base + 5 * 60_000 + 7000, "%ASA-6-302014: Teardown TCP connection 4243 for outside:203.0.113.81/443 "
                    + "to inside:" + CLOSED_HOST + "/51516 duration 2:00:07 bytes 1234567 TCP FINs"));
            case 5 -> {
                lines.add(squid(base + 3 * 60_000, "10.0.0.5", "http://files.example.com/tools/setup.exe", "bob", "application/x-msdownload"));
                lines.add(squid(base + 4 * 60_000, "10.0.0.6", XSS_URL, XSS_USER, "application/x-msdownload"));
                for (int i = 0; i < 90; i++) {
                    long t = base + 10 * 60_000 + i * 20_000L;
                    boolean linux = i % 2 == 0;
                    lines.add(iptables(t, "FWD-ACCEPT: IN=eth1 OUT=eth0 SRC=" + NAT_HOST + " DST=93.184.216." + (30 + i % 5)
                            + " LEN=60 TOS=0x00 PREC=0x00 TTL=" + (linux ? 63 : 127) + " ID=" + (linux ? 0 : 20000 + i)
                            + " DF PROTO=TCP SPT=" + (41000 + i) + " DPT=443 WINDOW=64240 RES=0x00 SYN URGP=0"));
                }
            }
            default -> {
            }
        }
        return lines;
    }

    /** Sends the lines with octet counting and waits until the pipeline has processed them. */
    private void send(List<String> lines) throws Exception {
        SyslogLines.sendOctetCounted(daemon.inputAddresses().get(0), lines);
        sent += lines.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) daemon.stats().snapshot(0).get("processed")).longValue() == sent);
    }

    @Override
    public void close() {
        daemon.close();
    }
}
