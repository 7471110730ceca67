package io.quietwatch.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends syslog datagrams to one address as fast as one thread can (or at a fixed rate), for load runs
 * against the UDP input. Not a test.
 */
public final class UdpLoadGenerator implements AutoCloseable {
    /** A representative firewall line (ASA teardown behind an RFC 3164 header), 180-odd bytes. */
    public static final String ASA_LINE = "<166>Nov 26 10:00:00 fw1 %ASA-6-302014: Teardown TCP connection 1234567"
            + " for outside:203.0.113.10/443 to inside:10.1.2.3/51234 duration 0:01:02 bytes 123456 TCP FINs";

    private final DatagramChannel channel;

    public UdpLoadGenerator(InetSocketAddress target) throws IOException {
        channel = DatagramChannel.open();
        channel.connect(target);
    }

    /**
     * Sends {@code message} repeatedly until {@code nanos} have passed.
     *
     * @param perSecond datagrams per second to aim for, or 0 for as fast as possible
     * @return the number of datagrams sent
     */
    public long send(byte[] message, long nanos, long perSecond) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(message.length).put(message);
        long start = System.nanoTime();
        long end = start + nanos;
        long sent = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return sent;
            }
            if (perSecond > 0 && sent * 1_000_000_000L / perSecond > now - start) {
                Thread.onSpinWait();
                continue;
            }
            buffer.rewind();
            channel.write(buffer);
            sent++;
        }
    }

    /** {@code line} as bytes, padded with spaces or cut to {@code size} bytes. */
    public static byte[] message(String line, int size) {
        byte[] src = line.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = i < src.length ? src[i] : (byte) ' ';
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
