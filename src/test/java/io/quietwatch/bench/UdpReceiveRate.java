package io.quietwatch.bench;

import io.quietwatch.config.InputConfig;
import io.quietwatch.ingest.InputCounters;
import io.quietwatch.ingest.InputEndpoint;
import io.quietwatch.ingest.SyslogUdpInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures how many datagrams per second {@link SyslogUdpInput} takes in on loopback with a no-op
 * handoff, fed by one {@link UdpLoadGenerator} thread, and how many the kernel dropped for want of
 * receive buffer ({@code RcvbufErrors} in /proc/net/snmp).
 *
 * <p>Arguments: {@code [seconds=10] [message bytes=180] [receive buffer bytes=8388608] [datagrams/s=0 (max)]}.
 */
public final class UdpReceiveRate {
    private UdpReceiveRate() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 180;
        int rcvbuf = args.length > 2 ? Integer.parseInt(args[2]) : InputConfig.DEFAULT_RECEIVE_BUFFER;
        long rate = args.length > 3 ? Long.parseLong(args[3]) : 0;
        byte[] message = UdpLoadGenerator.message(UdpLoadGenerator.ASA_LINE, size);

        InputConfig config = new InputConfig("bench-udp", "udp", "127.0.0.1", 0, null, null, null, rcvbuf, List.of());
        InputEndpoint endpoint = new InputEndpoint(config);
        InputCounters c = endpoint.counters();
        try (SyslogUdpInput input = new SyslogUdpInput(endpoint, m -> true);
             UdpLoadGenerator generator = startAndConnect(input)) {
            generator.send(message, 1_000_000_000L, rate); // warm-up
            waitUntilIdle(c);
            long receivedBefore = c.received.sum();
            long[] snmpBefore = udpSnmp();
            long start = System.nanoTime();
            long sent = generator.send(message, seconds * 1_000_000_000L, rate);
            long sendNanos = System.nanoTime() - start;
            waitUntilIdle(c);
            long received = c.received.sum() - receivedBefore;
            long[] snmpAfter = udpSnmp();
            System.out.printf("message %d bytes, SO_RCVBUF asked %d, %d s, target rate %s%n", size, rcvbuf, seconds,
                    rate == 0 ? "max" : rate + "/s");
            System.out.printf("sent     %,d datagrams (%,.0f/s)%n", sent, sent * 1e9 / sendNanos);
            System.out.printf("received %,d datagrams (%,.0f/s over the send window), lost %,d (%.2f%%)%n",
                    received, received * 1e9 / sendNanos, sent - received, 100.0 * (sent - received) / sent);
            System.out.printf("/proc/net/snmp Udp RcvbufErrors %d -> %d (+%d), InErrors %d -> %d (+%d)%n",
                    snmpBefore[0], snmpAfter[0], snmpAfter[0] - snmpBefore[0], snmpBefore[1], snmpAfter[1],
                    snmpAfter[1] - snmpBefore[1]);
        }
    }

    private static UdpLoadGenerator startAndConnect(SyslogUdpInput input) throws IOException {
        input.start();
        return new UdpLoadGenerator(input.localAddress());
    }

    /** Waits until the input has received nothing new for 300 ms. */
    private static void waitUntilIdle(InputCounters c) throws InterruptedException {
        long last = -1;
        while (true) {
            long now = c.received.sum();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(300);
        }
    }

    /** {RcvbufErrors, InErrors} from the Udp lines of /proc/net/snmp. */
    static long[] udpSnmp() throws IOException {
        List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                .filter(l -> l.startsWith("Udp:")).toList();
        List<String> names = List.of(udp.get(0).split("\\s+"));
        String[] values = udp.get(1).split("\\s+");
        return new long[] {Long.parseLong(values[names.indexOf("RcvbufErrors")]),
                Long.parseLong(values[names.indexOf("InErrors")])};
    }
}
