package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;

/**
 * The endpoint values correlation rides on, read once: source and destination address and port. An
 * address or port that does not read (a value cut off in the middle, as a truncated line leaves it)
 * makes the line {@code Malformed} rather than an event with a silently missing endpoint; a blank or
 * placeholder value ({@code src=}, {@code dpt=N/A}) is simply absent, and so is the unspecified
 * address {@code 0.0.0.0}, which devices write for "none" (Zscaler: the server of a blocked request).
 */
final class CefEndpoints {
    private static final int MAX_PORT = 0xffff;

    final String sourceIp;
    final String destinationIp;
    /** The addresses' IPv4 values, -1 when the address is null (absent, unreadable) or not IPv4. */
    final long sourceIpv4;
    final long destinationIpv4;
    final Integer sourcePort;
    final Integer destinationPort;
    /** What is wrong with the values, naming the key; null when nothing is. */
    final String problem;

    private CefEndpoints(String sourceIp, long sourceIpv4, String destinationIp, long destinationIpv4,
                         Integer sourcePort, Integer destinationPort, String problem) {
        this.sourceIp = sourceIp;
        this.destinationIp = destinationIp;
        this.sourceIpv4 = sourceIpv4;
        this.destinationIpv4 = destinationIpv4;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.problem = problem;
    }

    /** The CEF keys {@code src}, {@code dst}, {@code spt}, {@code dpt}. */
    static CefEndpoints cef(CefFields f) {
        return read(f, CefKeys.SRC, "src", CefKeys.DST, "dst", CefKeys.SPT, "spt", CefKeys.DPT, "dpt");
    }

    /** Any format's address and port fields, named as the line names them. */
    static CefEndpoints read(CefFields f, int src, String srcName, int dst, String dstName, int spt, String sptName,
                             int dpt, String dptName) {
        long sourceIpv4 = ipv4(f, src);
        String sourceIp = address(f, src, sourceIpv4);
        long destinationIpv4 = ipv4(f, dst);
        String destinationIp = address(f, dst, destinationIpv4);
        Integer sourcePort = port(f, spt);
        Integer destinationPort = port(f, dpt);
        String problem = null;
        if (sourceIp == null && f.present(src) && !f.unspecifiedAddress(src)) {
            problem = srcName + " is not an IP address";
        } else if (destinationIp == null && f.present(dst) && !f.unspecifiedAddress(dst)) {
            problem = dstName + " is not an IP address";
        } else if (sourcePort == null && f.present(spt)) {
            problem = sptName + " is not a port number 0-65535";
        } else if (destinationPort == null && f.present(dpt)) {
            problem = dptName + " is not a port number 0-65535";
        }
        return new CefEndpoints(sourceIp, sourceIp == null ? -1 : sourceIpv4, destinationIp,
                destinationIp == null ? -1 : destinationIpv4, sourcePort, destinationPort, problem);
    }

    /**
     * The address, read once: an IPv4 value ({@code ipv4}) is copied without a second parse. Only the text
     * {@code 0.0.0.0} is the absent address; another spelling of the value 0 ({@code 000.0.0.0}) is kept.
     */
    private static String address(CefFields f, int id, long ipv4) {
        String a = f.from(id) == CefFields.ABSENT ? null : IpAddresses.literal(f.line(), f.from(id), f.to(id), ipv4);
        return a == null || ipv4 == 0 && f.unspecifiedAddress(id) ? null : a;
    }

    private static long ipv4(CefFields f, int id) {
        return f.from(id) == CefFields.ABSENT ? -1 : IpAddresses.parseIpv4(f.line(), f.from(id), f.to(id));
    }

    private static Integer port(CefFields f, int id) {
        long n = f.number(id);
        return n < 0 || n > MAX_PORT ? null : Integer.valueOf((int) n);
    }
}
