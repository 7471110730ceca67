package io.quietwatch.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A "quiet week": nine days of ordinary traffic of a 120-host office behind a Cisco ASA, a Linux gateway
 * and a Squid proxy, on which the shipped rules must raise no alert. Ordinary means: web, mail, DNS and NTP
 * out; one company application on port 9001 used by half the hosts from the first day; short sessions;
 * Windows updates through the proxy; one OS per host with its own TTL and IP-ID habit; steady, noisy
 * background scanning of the outside address that the gateway blocks; VPN users logging in and out.
 * Deterministic (a fixed seed). Run {@code main} to write the log for a look or a replay.
 */
public final class QuietWeek {
    private static final DateTimeFormatter ASA = DateTimeFormatter.ofPattern("MMM ppd yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final int HOSTS = 120;
    private static final int DAYS = 9;
    private static final int[] SCANNED = {22, 23, 80, 443, 445, 1433, 3389, 5900, 8080, 6379};
    private static final double[] SCAN_PER_HOUR = {120, 90, 40, 30, 150, 25, 110, 35, 45, 30};

    private final SplittableRandom rnd = new SplittableRandom(20261126);
    private final List<String[]> lines = new ArrayList<>();
    private final long start;
    private int connection = 1000;
    private final int[] ipId = new int[HOSTS + 1];

    private QuietWeek(long start) {
        this.start = start;
        for (int h = 1; h <= HOSTS; h++) {
            ipId[h] = rnd.nextInt(65536);
        }
    }

    /** Writes the nine days, in time order, starting at {@code start}. */
    public static void write(Path file, Instant start) throws IOException {
        QuietWeek w = new QuietWeek(start.toEpochMilli());
        w.generate();
        w.lines.sort((a, b) -> a[0].compareTo(b[0]));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String[] l : w.lines) {
                out.write(l[1]);
                out.write('\n');
            }
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "quiet-week.log"), Instant.parse("2026-11-02T00:00:00Z"));
    }

    private void generate() {
        for (int d = 0; d < DAYS; d++) {
            for (int h = 1; h <= HOSTS; h++) {
                workday(d, h);
            }
            for (int hour = 0; hour < 24; hour++) {
                scans(d, hour);
            }
            vpn(d);
        }
    }

    private static String host(int h) {
        return "10.10." + (h / 250) + "." + (1 + h % 250);
    }

    private String outside() {
        return (20 + rnd.nextInt(150)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
    }

    private void workday(int d, int h) {
        int conns = 40 + rnd.nextInt(80);
        for (int c = 0; c < conns; c++) {
            long t = start + d * 86_400_000L + (8 * 3600 + rnd.nextInt(10 * 3600)) * 1000L + rnd.nextInt(1000);
            int p = rnd.nextInt(100);
            if (p < 55) {
                session(t, h, outside(), 443, "TCP", 5 + rnd.nextInt(1500));
            } else if (p < 65) {
                session(t, h, outside(), 80, "TCP", 1 + rnd.nextInt(300));
            } else if (p < 72) {
                session(t, h, rnd.nextBoolean() ? "8.8.8.8" : "1.1.1.1", 53, "UDP", 1);
            } else if (p < 74) {
                session(t, h, "162.159.200.1", 123, "UDP", 1);
            } else if (p < 78) {
                session(t, h, "203.0.113.25", rnd.nextBoolean() ? 993 : 587, "TCP", 30 + rnd.nextInt(900));
            } else if (p < 82 && h % 2 == 0) {
                session(t, h, "198.51.100.90", 9001, "TCP", 10 + rnd.nextInt(600));
            } else if (p < 92) {
                gatewayPacket(t, h, outside(), 443);
            } else {
                proxy(t, h);
            }
        }
    }

    private void session(long t, int h, String dst, int port, String proto, int seconds) {
        int id = connection++;
        int sport = 1024 + rnd.nextInt(60000);
        boolean udp = proto.equals("UDP");
        add(t, asa(t) + "%ASA-6-" + (udp ? "302015" : "302013") + ": Built outbound " + proto + " connection " + id
                + " for outside:" + dst + "/" + port + " (" + dst + "/" + port + ") to inside:" + host(h) + "/" + sport
                + " (198.51.100.1/" + sport + ")");
        long end = t + seconds * 1000L;
        add(end, asa(end) + "%ASA-6-" + (udp ? "302016" : "302014") + ": Teardown " + proto + " connection " + id
                + " for outside:" + dst + "/" + port + " to inside:" + host(h) + "/" + sport + " duration "
                + (seconds / 3600) + ":" + String.format(Locale.ROOT, "%02d:%02d", seconds / 60 % 60, seconds % 60)
                + " bytes " + (200 + rnd.nextInt(500_000)) + (udp ? "" : " TCP FINs"));
    }

    /** A second site whose Linux gateway logs new outbound connections with the IP header. */
    private void gatewayPacket(long t, int h, String dst, int port) {
        boolean windows = h % 3 != 0;
        int ttl = windows ? 127 : 63;
        int id;
        if (windows) {
            ipId[h] = (ipId[h] + 1 + rnd.nextInt(30)) & 0xffff;
            id = ipId[h];
        } else {
            id = rnd.nextInt(65536);
        }
        add(t, ISO.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC)) + " gw1 kernel: ["
                + (1000 + t / 1000 % 100000) + ".000001] OUT-ACCEPT: IN=eth1 OUT=eth0 SRC=" + host(h) + " DST=" + dst
                + " LEN=60 TOS=0x00 PREC=0x00 TTL=" + ttl + " ID=" + id + " DF PROTO=TCP SPT=" + (1024 + rnd.nextInt(60000))
                + " DPT=" + port + " WINDOW=64240 RES=0x00 SYN URGP=0");
    }

    private void proxy(long t, int h) {
        boolean update = rnd.nextInt(40) == 0;
        String url = update ? "http://a" + rnd.nextInt(9) + ".download.windowsupdate.com/c/msdownload/update/kb" + rnd.nextInt(999999) + ".exe"
                : "http://www.example" + rnd.nextInt(30) + ".com/page/" + rnd.nextInt(1000) + ".html";
        String type = update ? "application/octet-stream" : "text/html";
        add(t, String.format(Locale.ROOT, "%d.%03d %6d %s TCP_MISS/200 %d GET %s - HIER_DIRECT/%s %s", t / 1000, t % 1000,
                rnd.nextInt(3000), host(h), 500 + rnd.nextInt(900_000), url, outside(), type));
    }

    private void scans(int d, int hour) {
        for (int p = 0; p < SCANNED.length; p++) {
            int packets = poisson(SCAN_PER_HOUR[p]);
            for (int k = 0; k < packets; k++) {
                long t = start + d * 86_400_000L + hour * 3_600_000L + rnd.nextInt(3_600_000);
                String src = rnd.nextInt(10) < 4 ? "185.220.101." + (1 + rnd.nextInt(20)) : outside();
                add(t, ISO.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC))
                        + " gw1 kernel: [" + (1000 + t / 1000 % 100000) + ".000002] [UFW BLOCK] IN=eth0 OUT= SRC=" + src
                        + " DST=192.0.2.10 LEN=44 TOS=0x00 PREC=0x00 TTL=" + (40 + rnd.nextInt(200)) + " ID=" + rnd.nextInt(65536)
                        + " PROTO=TCP SPT=" + (1024 + rnd.nextInt(60000)) + " DPT=" + SCANNED[p] + " WINDOW=1024 RES=0x00 SYN URGP=0");
            }
        }
    }

    private void vpn(int d) {
        for (int u = 1; u <= 8; u++) {
            long t = start + d * 86_400_000L + (7 * 3600 + rnd.nextInt(3 * 3600)) * 1000L;
            String ip = "10.8.0." + (10 + u);
            String pub = "198.51.100." + (100 + u);
            add(t, asa(t) + "%ASA-6-722051: Group <GroupPolicy_VPN> User <user" + u + "> IP <" + pub + "> IPv4 Address <" + ip
                    + "> IPv6 address <::> assigned to session");
            long end = t + (4 * 3600 + rnd.nextInt(4 * 3600)) * 1000L;
            int secs = (int) ((end - t) / 1000);
            add(end, asa(end) + "%ASA-4-113019: Group = GroupPolicy_VPN, Username = user" + u + ", IP = " + pub
                    + ", Session disconnected. Session Type: SSL, Duration: " + (secs / 3600) + "h:"
                    + String.format(Locale.ROOT, "%02dm:%02ds", secs / 60 % 60, secs % 60) + ", Bytes xmt: 123456, Bytes rcv: 65432, Reason: User Requested");
        }
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static String asa(long t) {
        return "<166>" + ASA.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC)) + " fw1 : ";
    }

    private void add(long t, String line) {
        lines.add(new String[] {String.format("%015d", t), line});
    }
}
