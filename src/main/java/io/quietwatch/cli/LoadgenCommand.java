package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code loadgen}: sends realistic ASA and netfilter syslog to a running daemon at a fixed rate, then
 * reads the daemon's counters from its admin endpoint and reports sent / received / processed /
 * dropped for the run.
 */
@Command(name = "loadgen", description = "Send synthetic firewall syslog at a fixed rate and report what the daemon did with it.")
final class LoadgenCommand implements Callable<Integer> {
    @Option(names = "--target", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5514", description = "Syslog input to send to (default ${DEFAULT-VALUE}).")
    String target;
    @Option(names = "--proto", paramLabel = "udp|tcp", defaultValue = "udp", description = "udp (one datagram per message) or tcp (octet counting).")
    String proto;
    @Option(names = "--rate", paramLabel = "N", defaultValue = "100000", description = "Messages per second (default ${DEFAULT-VALUE}).")
    int rate;
    @Option(names = "--count", paramLabel = "N", defaultValue = "1000000", description = "Messages to send (default ${DEFAULT-VALUE}).")
    long count;
    @Option(names = "--admin", paramLabel = "URL", defaultValue = "http://127.0.0.1:9514/stats", description = "Daemon stats endpoint (default ${DEFAULT-VALUE}).")
    String admin;
    @Option(names = "--token-file", paramLabel = "FILE", description = "Admin token file (default: var/admin.token under the home directory).")
    Path tokenFile;
    @Option(names = "--output", paramLabel = "FILE", description = "Write the messages to a file instead of sending them, "
            + "stamped as if sent at --rate per second ending now (input for replay benchmarks).")
    Path output;
    @Option(names = "--variety", paramLabel = "N", defaultValue = "8192", description = "Distinct message bodies, "
            + "cycled through (default ${DEFAULT-VALUE}); each holds new addresses, so about N/2 internal hosts (at most "
            + "65,000) and 0.6 N outside addresses appear. Raise it to load the rules' per-host state.")
    int variety;
    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            return writeFile(out);
        }
        int colon = target.lastIndexOf(':');
        InetSocketAddress to = new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        JsonNode before = stats();
        SyntheticTraffic traffic = new SyntheticTraffic(variety, 42);
        long start = System.nanoTime();
        long sent = proto.equalsIgnoreCase("tcp") ? sendTcp(to, traffic) : sendUdp(to, traffic);
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf("sent      %,d messages in %.1f s (%,.0f/s, target %,d/s) over %s to %s%n", sent, secs, sent / secs, rate, proto, target);
        if (before == null) {
            out.println("daemon counters: not available (no admin endpoint at " + admin + ")");
            return 0;
        }
        JsonNode after = settle();
        out.printf("received  %,d%n", delta(before, after, "received"));
        out.printf("processed %,d (%,.0f/s over the send time)%n", delta(before, after, "processed"), delta(before, after, "processed") / secs);
        out.printf("parsed    %,d%n", delta(before, after, "parsed"));
        out.printf("unparsed  %,d%n", delta(before, after, "unparsed"));
        out.printf("dropped   %,d (queue full)%n", delta(before, after, "dropped"));
        out.printf("lost      %,d (sent but never received: kernel buffer overflow or network)%n", sent - delta(before, after, "received"));
        out.printf("alerts    %,d%n", delta(before, after, "alerts_raised"));
        return 0;
    }

    private int writeFile(PrintWriter out) throws IOException {
        SyntheticTraffic traffic = new SyntheticTraffic(variety, 42);
        byte[] buf = new byte[traffic.maxLength()];
        long end = System.currentTimeMillis();
        long start = end - count * 1000 / rate;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(output), 1 << 20)) {
            for (long n = 0; n < count; n++) {
                int len = traffic.message(n, start + n * 1000 / rate, buf);
                os.write(buf, 0, len);
                os.write('\n');
            }
        }
        out.printf("wrote %,d messages to %s (%,d per second of event time)%n", count, output, rate);
        return 0;
    }

    private long sendUdp(InetSocketAddress to, SyntheticTraffic traffic) throws IOException {
        byte[] buf = new byte[traffic.maxLength()];
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSendBufferSize(4 << 20);
            DatagramPacket packet = new DatagramPacket(buf, 0, to);
            return paced((n, now) -> {
                packet.setData(buf, 0, traffic.message(n, now, buf));
                socket.send(packet);
            });
        }
    }

    private long sendTcp(InetSocketAddress to, SyntheticTraffic traffic) throws IOException {
        byte[] buf = new byte[traffic.maxLength()];
        try (Socket socket = new Socket()) {
            socket.connect(to, 5000);
            OutputStream os = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            long n = paced((i, now) -> {
                int len = traffic.message(i, now, buf);
                os.write(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
                os.write(' ');
                os.write(buf, 0, len);
            });
            os.flush();
            return n;
        }
    }

    private interface Send {
        void send(long n, long nowMillis) throws IOException;
    }

    /** Sends {@code count} messages spread evenly at {@code rate} per second. */
    private long paced(Send send) throws IOException {
        long start = System.nanoTime();
        long n = 0;
        while (n < count) {
            long due = Math.min(count, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
            long now = System.currentTimeMillis();
            while (n < due) {
                send.send(n++, now);
            }
            if (n < count) {
                LockSupport.parkNanos(200_000);
            }
        }
        return n;
    }

    /** Waits until the daemon's processed count stops moving, then returns its counters. */
    private JsonNode settle() throws InterruptedException {
        JsonNode last = stats();
        for (int i = 0; i < 120; i++) {
            Thread.sleep(500);
            JsonNode now = stats();
            if (now == null || last == null) {
                return now;
            }
            if (now.path("processed").asLong() == last.path("processed").asLong()
                    && now.path("queue_depth").asLong() == 0) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private JsonNode stats() {
        try {
            Path tf = tokenFile != null ? tokenFile : Home.get().resolve("var/admin.token");
            String token = Files.exists(tf) ? Files.readString(tf).strip() : "";
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(admin))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? json.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long delta(JsonNode before, JsonNode after, String key) {
        return after.path(key).asLong() - before.path(key).asLong();
    }
}
