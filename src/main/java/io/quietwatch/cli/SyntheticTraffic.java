package io.quietwatch.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic firewall and proxy syslog for load tests: a mix of Cisco ASA built/teardown/deny lines (65 %),
 * Linux netfilter LOG lines (25 %) and Squid access log lines (10 %) from a /16 of internal hosts to
 * random outside addresses, with RFC 3164 headers stamped with the current second. Outbound connections go
 * mostly to web, DNS, NTP and mail ports (2 % to uncommon ones) and last seconds (exponential, mean 30 s),
 * as in ordinary traffic. Bodies are generated once; each message costs a header and a copy.
 */
public final class SyntheticTraffic {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // Outbound destination ports: mostly web, DNS, NTP and mail; 2 % to ports the uncommon-port rule watches.
    private static final int[] COMMON_PORTS = {443, 443, 443, 443, 443, 80, 80, 53, 123, 993, 8080};
    private static final int[] UNCOMMON_PORTS = {6667, 4444, 3478, 3333};
    private static final int[] SCANNED = {22, 23, 445, 3389, 1433, 5900, 8080, 25, 80, 6379};

    private final byte[][] bodies;
    private final byte[] kind;
    private long headerSecond = -1;
    private final byte[][] headers = new byte[3][];
    private static final int PAIR_GAP = 64;
    private static final byte ASA = 0;
    private static final byte KERNEL = 1;
    private static final byte SQUID = 2;
    private static final String[] SITES = {"www.example.com", "cdn.example.net", "news.example.org", "mail.example.com",
        "static.example.net", "api.example.io", "shop.example.com", "video.example.tv"};

    public SyntheticTraffic(int variety, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int half = variety / 2;
        bodies = new byte[half * 2][];
        kind = new byte[half * 2];
        // a connection's teardown comes PAIR_GAP messages after its built line, with the same id and
        // endpoints, whatever the rate and variety (not hours later, which would make every web session
        // a long one)
        for (int i = 0; i < half; i++) {
            int k = rnd.nextInt(20);
            String first;
            String second;
            byte type = KERNEL;
            if (k < 11) {
                String out = outside(rnd);
                String in = inside(rnd);
                int port = outboundPort(rnd);
                boolean udp = port == 53 || port == 123 || port == 3478;
                int sport = 1024 + rnd.nextInt(60000);
                int id = 100000 + i;
                first = asaBuilt(id, udp, in, sport, out, port);
                second = asaTeardown(id, udp, in, sport, out, port, sessionSeconds(rnd), rnd.nextInt(2_000_000));
                type = ASA;
            } else if (k < 13) {
                first = asaDeny(rnd);
                second = asaDeny(rnd);
                type = ASA;
            } else if (k < 16) {
                first = netfilterBlock(rnd);
                second = netfilterBlock(rnd);
            } else if (k < 18) {
                first = netfilterAccept(rnd);
                second = netfilterAccept(rnd);
            } else {
                first = squid(rnd);
                second = squid(rnd);
                type = SQUID;
            }
            int blockStart = i / PAIR_GAP * PAIR_GAP;
            int firstAt = 2 * blockStart + i - blockStart;
            int secondAt = firstAt + Math.min(PAIR_GAP, half - blockStart);
            kind[firstAt] = type;
            kind[secondAt] = type;
            bodies[firstAt] = first.getBytes(StandardCharsets.US_ASCII);
            bodies[secondAt] = second.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Writes message {@code n} with a header for {@code nowMillis} into {@code buf}; returns its length. */
    public int message(long n, long nowMillis, byte[] buf) {
        long second = nowMillis / 1000;
        if (second != headerSecond) {
            headerSecond = second;
            ZonedDateTime t = Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC);
            String md = String.format(Locale.ROOT, "%s %2d", MONTHS[t.getMonthValue() - 1], t.getDayOfMonth());
            String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            headers[ASA] = ("<166>" + md + " " + t.getYear() + " " + hms + " fw1 : ").getBytes(StandardCharsets.US_ASCII);
            headers[KERNEL] = ("<4>" + md + " " + hms + " gw1 kernel: ").getBytes(StandardCharsets.US_ASCII);
            headers[SQUID] = ("<150>" + md + " " + hms + " proxy1 squid[811]: " + second + ".000")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        int i = (int) (n % bodies.length);
        byte[] header = headers[kind[i]];
        System.arraycopy(header, 0, buf, 0, header.length);
        System.arraycopy(bodies[i], 0, buf, header.length, bodies[i].length);
        return header.length + bodies[i].length;
    }

    /** Longest message this generator produces. */
    public int maxLength() {
        int max = 0;
        for (byte[] b : bodies) {
            max = Math.max(max, b.length);
        }
        return max + 64;
    }

    private static int outboundPort(SplittableRandom r) {
        return r.nextInt(100) < 2 ? UNCOMMON_PORTS[r.nextInt(UNCOMMON_PORTS.length)] : COMMON_PORTS[r.nextInt(COMMON_PORTS.length)];
    }

    /** Session lengths as web traffic has them: most a few seconds, exponential with a mean of 30 s. */
    private static int sessionSeconds(SplittableRandom r) {
        return (int) Math.min(36_000, -30 * Math.log(1 - r.nextDouble()));
    }

    private static String inside(SplittableRandom r) {
        return "10.20." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String outside(SplittableRandom r) {
        return (11 + r.nextInt(180)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String asaBuilt(int id, boolean udp, String in, int sport, String out, int port) {
        return "%ASA-6-" + (udp ? "302015" : "302013") + ": Built outbound " + (udp ? "UDP" : "TCP") + " connection "
                + id + " for outside:" + out + "/" + port + " (" + out + "/" + port + ") to inside:" + in + "/"
                + sport + " (198.51.100.1/" + sport + ")";
    }

    private static String asaTeardown(int id, boolean udp, String in, int sport, String out, int port, int secs, int bytes) {
        return "%ASA-6-" + (udp ? "302016" : "302014") + ": Teardown " + (udp ? "UDP" : "TCP") + " connection " + id
                + " for outside:" + out + "/" + port + " to inside:" + in + "/" + sport + " duration "
                + String.format(Locale.ROOT, "%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60) + " bytes " + bytes + (udp ? "" : " TCP FINs");
    }

    private static String asaDeny(SplittableRandom r) {
        return "%ASA-4-106023: Deny tcp src outside:" + outside(r) + "/" + (1024 + r.nextInt(60000)) + " dst inside:"
                + inside(r) + "/" + SCANNED[r.nextInt(SCANNED.length)] + " by access-group \"outside_access_in\" [0x0, 0x0]";
    }

    private static String netfilterBlock(SplittableRandom r) {
        return "[" + r.nextInt(900000) + "." + String.format(Locale.ROOT, "%06d", r.nextInt(1000000))
                + "] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=" + outside(r)
                + " DST=192.0.2.10 LEN=60 TOS=0x00 PREC=0x00 TTL=" + (40 + r.nextInt(20)) + " ID=" + r.nextInt(65536)
                + " DF PROTO=TCP SPT=" + (1024 + r.nextInt(60000)) + " DPT=" + SCANNED[r.nextInt(SCANNED.length)]
                + " WINDOW=29200 RES=0x00 SYN URGP=0";
    }

    private static String squid(SplittableRandom r) {
        String site = SITES[r.nextInt(SITES.length)];
        boolean exe = r.nextInt(200) == 0;
        String path = exe ? "/downloads/tool" + r.nextInt(100) + ".exe" : "/page/" + r.nextInt(10000) + ".html";
        String type = exe ? "application/x-msdownload" : "text/html";
        return String.format(Locale.ROOT, " %6d %s TCP_MISS/200 %d GET http://%s%s - HIER_DIRECT/%s %s", r.nextInt(2000),
                inside(r), 500 + r.nextInt(200_000), site, path, outside(r), type);
    }

    private static String netfilterAccept(SplittableRandom r) {
        return "[" + r.nextInt(900000) + ".000000] OUT-ACCEPT: IN=eth1 OUT=eth0 SRC=" + inside(r) + " DST=" + outside(r)
                + " LEN=60 TOS=0x00 PREC=0x00 TTL=" + (63 + r.nextInt(2) * 64) + " ID=" + r.nextInt(65536)
                + " DF PROTO=TCP SPT=" + (1024 + r.nextInt(60000)) + " DPT=" + outboundPort(r)
                + " WINDOW=64240 RES=0x00 SYN URGP=0";
    }
}
