package io.quietwatch.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Cisco ASA syslog lines for the daemon tests, and the ways the tests send lines to a daemon's inputs. */
public final class SyslogLines {
    private static final DateTimeFormatter ASA_STAMP = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.ROOT);

    private SyslogLines() {
    }

    /** An ASA line from firewall {@code fw1} (facility local4, informational) stamped {@code t} in UTC. */
    public static String asa(Instant t, String body) {
        return "<166>" + ASA_STAMP.format(ZonedDateTime.ofInstant(t, ZoneOffset.UTC)) + " fw1 : " + body;
    }

    /**
     * A web session of two hours and seven seconds ending at {@code end}: connection 4242 from 10.1.2.3 to
     * 203.0.113.80:443, its built line and its teardown line, in that order.
     */
    public static List<String> closedTunnel(Instant end) {
        Instant start = end.minusSeconds(7200 + 7);
        return List.of(
                asa(start, "%ASA-6-302013: Built outbound TCP connection 4242 for outside:203.0.113.80/443 "
                        + "(203.0.113.80/443) to inside:10.1.2.3/51515 (198.51.100.1/51515)"),
                asa(end, "%ASA-6-302014: Teardown TCP connection 4242 for outside:203.0.113.80/443 "
                        + "to inside:10.1.2.3/51515 duration 2:00:07 bytes 1234567 TCP FINs"));
    }

    /** Each line as one UDP datagram (UTF-8), in order, from one socket. */
    public static void sendUdp(InetSocketAddress target, List<String> lines) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (String m : lines) {
                byte[] b = m.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(b, b.length, target));
            }
        }
    }

    /** The lines over one TCP connection with octet-counting framing (RFC 6587), then closes it. */
    public static void sendOctetCounted(InetSocketAddress target, List<String> lines) throws IOException {
        try (Socket s = new Socket(target.getAddress(), target.getPort()); OutputStream out = s.getOutputStream()) {
            for (String m : lines) {
                byte[] b = m.getBytes(StandardCharsets.UTF_8);
                out.write((b.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(b);
            }
        }
    }
}
