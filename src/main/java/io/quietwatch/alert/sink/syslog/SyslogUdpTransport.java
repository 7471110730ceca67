package io.quietwatch.alert.sink.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One datagram per message (RFC 5426). The channel is connected, so an ICMP "port unreachable" for an
 * earlier datagram fails the next send, which is then retried; the name is resolved again after any error.
 */
final class SyslogUdpTransport implements SyslogTransport {
    private final String host;
    private final int port;
    private DatagramChannel channel;

    SyslogUdpTransport(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void send(byte[] message) throws IOException {
        String peer = "udp " + hostPort(host, port);
        if (channel == null) {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new UnknownHostException(peer + ": cannot resolve " + host);
            }
            DatagramChannel c = DatagramChannel.open();
            try {
                c.connect(address);
            } catch (IOException e) {
                c.close();
                throw new IOException(peer + ": cannot open a socket: " + e.getMessage(), e);
            }
            channel = c;
        }
        try {
            channel.write(ByteBuffer.wrap(message));
        } catch (PortUnreachableException e) {
            close();
            throw new IOException(peer + ": port unreachable (ICMP), nothing listens there", e);
        } catch (IOException e) {
            close();
            throw new IOException(peer + ": send failed: " + e, e);
        }
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was buffered
            }
            channel = null;
        }
    }
}
