package io.quietwatch.event;

/**
 * Mutable builder for {@link LogEvent}. Parsers fill what the line carries and call
 * {@link #build(InternalNetworks)}, which derives {@code direction} and {@code hostIp} from the
 * configured internal networks. Not thread-safe; use one per line.
 */
public final class LogEventBuilder {
    private long timestamp;
    private String observerVendor;
    private String observerProduct;
    private String observerHostname;
    private String format;
    private String eventCode;
    private String category;
    private String action;
    private String outcome;
    private String phase;
    private String reason;
    private String sourceIp;
    /** The source address's IPv4 value + 1 when the parser has parsed it already, else 0. */
    private long sourceIpv4;
    private Integer sourcePort;
    private String destinationIp;
    private long destinationIpv4;
    private Integer destinationPort;
    private String sourceNatIp;
    private Integer sourceNatPort;
    private String destinationNatIp;
    private Integer destinationNatPort;
    private String transport;
    private Long durationNanos;
    private Long sourceBytes;
    private Long destinationBytes;
    private Long networkBytes;
    private Long networkPackets;
    private Integer ipTtl;
    private Integer ipId;
    private String tcpFlags;
    private Integer icmpType;
    private Integer icmpCode;
    private String ingressInterface;
    private String egressInterface;
    private String ruleName;
    private String url;
    private String urlDomain;
    private String httpMethod;
    private Integer httpStatus;
    private String mimeType;
    private String userAgent;
    private String fileName;
    private String userName;
    private String assignedIp;
    private String connectionId;
    private String original;

    LogEventBuilder() {
    }

    public LogEventBuilder timestamp(long epochMillis) { this.timestamp = epochMillis; return this; }
    public long timestamp() { return timestamp; }
    public LogEventBuilder observerVendor(String v) { this.observerVendor = v; return this; }
    public LogEventBuilder observerProduct(String v) { this.observerProduct = v; return this; }
    public LogEventBuilder observerHostname(String v) { this.observerHostname = v; return this; }
    public LogEventBuilder format(String v) { this.format = v; return this; }
    public LogEventBuilder eventCode(String v) { this.eventCode = v; return this; }
    public LogEventBuilder category(String v) { this.category = v; return this; }
    public LogEventBuilder action(String v) { this.action = v; return this; }
    public LogEventBuilder outcome(String v) { this.outcome = v; return this; }
    public LogEventBuilder phase(String v) { this.phase = v; return this; }
    public LogEventBuilder reason(String v) { this.reason = v; return this; }
    public LogEventBuilder sourceIp(String v) { this.sourceIp = v; this.sourceIpv4 = 0; return this; }
    /** The source address with its IPv4 value (-1 for none) as the parser read it, so {@link #build} need not parse it again. */
    public LogEventBuilder sourceIp(String v, long ipv4) { this.sourceIp = v; this.sourceIpv4 = ipv4 + 1; return this; }
    public LogEventBuilder sourcePort(Integer v) { this.sourcePort = v; return this; }
    public LogEventBuilder destinationIp(String v) { this.destinationIp = v; this.destinationIpv4 = 0; return this; }
    /** As {@link #sourceIp(String, long)}. */
    public LogEventBuilder destinationIp(String v, long ipv4) { this.destinationIp = v; this.destinationIpv4 = ipv4 + 1; return this; }
    public LogEventBuilder destinationPort(Integer v) { this.destinationPort = v; return this; }
    public LogEventBuilder sourceNatIp(String v) { this.sourceNatIp = v; return this; }
    public LogEventBuilder sourceNatPort(Integer v) { this.sourceNatPort = v; return this; }
    public LogEventBuilder destinationNatIp(String v) { this.destinationNatIp = v; return this; }
    public LogEventBuilder destinationNatPort(Integer v) { this.destinationNatPort = v; return this; }
    public LogEventBuilder transport(String v) { this.transport = v; return this; }
    public LogEventBuilder durationNanos(Long v) { this.durationNanos = v; return this; }
    public LogEventBuilder sourceBytes(Long v) { this.sourceBytes = v; return this; }
    public LogEventBuilder destinationBytes(Long v) { this.destinationBytes = v; return this; }
    public LogEventBuilder networkBytes(Long v) { this.networkBytes = v; return this; }
    public LogEventBuilder networkPackets(Long v) { this.networkPackets = v; return this; }
    public LogEventBuilder ipTtl(Integer v) { this.ipTtl = v; return this; }
    public LogEventBuilder ipId(Integer v) { this.ipId = v; return this; }
    public LogEventBuilder tcpFlags(String v) { this.tcpFlags = v; return this; }
    public LogEventBuilder icmpType(Integer v) { this.icmpType = v; return this; }
    public LogEventBuilder icmpCode(Integer v) { this.icmpCode = v; return this; }
    public LogEventBuilder ingressInterface(String v) { this.ingressInterface = v; return this; }
    public LogEventBuilder egressInterface(String v) { this.egressInterface = v; return this; }
    public LogEventBuilder ruleName(String v) { this.ruleName = v; return this; }
    public LogEventBuilder url(String v) { this.url = v; return this; }
    public LogEventBuilder urlDomain(String v) { this.urlDomain = v; return this; }
    public LogEventBuilder httpMethod(String v) { this.httpMethod = v; return this; }
    public LogEventBuilder httpStatus(Integer v) { this.httpStatus = v; return this; }
    public LogEventBuilder mimeType(String v) { this.mimeType = v; return this; }
    public LogEventBuilder userAgent(String v) { this.userAgent = v; return this; }
    public LogEventBuilder fileName(String v) { this.fileName = v; return this; }
    public LogEventBuilder userName(String v) { this.userName = v; return this; }
    public LogEventBuilder assignedIp(String v) { this.assignedIp = v; return this; }
    public LogEventBuilder connectionId(String v) { this.connectionId = v; return this; }
    public LogEventBuilder original(String v) { this.original = v; return this; }

    /**
     * Builds the event. Addresses are put in canonical text form (IPv6 compressed, lower case), the
     * traffic direction and the internal host are derived from {@code internal}, and
     * {@code network.bytes} is the sum of both sides when only those are logged.
     */
    public LogEvent build(InternalNetworks internal) {
        return create(internal, timestamp, observerVendor, observerProduct, observerHostname, format, eventCode,
                category, action, outcome, phase, reason, sourceIp, sourceIpv4 - 1, sourcePort, destinationIp,
                destinationIpv4 - 1, destinationPort, sourceNatIp, sourceNatPort, destinationNatIp, destinationNatPort,
                transport, durationNanos, sourceBytes, destinationBytes, networkBytes, networkPackets, ipTtl, ipId,
                tcpFlags, icmpType, icmpCode, ingressInterface, egressInterface, ruleName, url, urlDomain, httpMethod,
                httpStatus, mimeType, userAgent, fileName, userName, assignedIp, connectionId, original);
    }

    /**
     * The event of these values, what {@link #build} makes, without a builder: for a parser's hot path, where
     * filling a builder first costs a few percent of the parse. The values are {@link LogEvent}'s
     * components in its order, less the derived {@code direction} and {@code hostIp}; after each of the
     * two endpoint addresses, its IPv4 value as the parser read it, or -1 when it did not read one (the
     * address is then checked and put in canonical form here); the value of a null address is not looked at.
     */
    public static LogEvent create(InternalNetworks internal, long timestamp, String observerVendor,
                                  String observerProduct, String observerHostname, String format, String eventCode,
                                  String category, String action, String outcome, String phase, String reason,
                                  String sourceIp, long sourceIpv4, Integer sourcePort, String destinationIp,
                                  long destinationIpv4, Integer destinationPort, String sourceNatIp,
                                  Integer sourceNatPort, String destinationNatIp, Integer destinationNatPort,
                                  String transport, Long durationNanos, Long sourceBytes, Long destinationBytes,
                                  Long networkBytes, Long networkPackets, Integer ipTtl, Integer ipId, String tcpFlags,
                                  Integer icmpType, Integer icmpCode, String ingressInterface, String egressInterface,
                                  String ruleName, String url, String urlDomain, String httpMethod, Integer httpStatus,
                                  String mimeType, String userAgent, String fileName, String userName,
                                  String assignedIp, String connectionId, String original) {
        // an address the parser read as IPv4 is in canonical form already
        String src = sourceIpv4 >= 0 ? sourceIp : IpAddresses.canonical(sourceIp);
        String dst = destinationIpv4 >= 0 ? destinationIp : IpAddresses.canonical(destinationIp);
        String assigned = IpAddresses.canonical(assignedIp);
        boolean srcIn = src != null && contains(internal, src, sourceIpv4);
        boolean dstIn = dst != null && contains(internal, dst, destinationIpv4);
        Long bytes = networkBytes == null && sourceBytes != null && destinationBytes != null
                ? Long.valueOf(sourceBytes + destinationBytes) : networkBytes;
        String sourceNat = IpAddresses.canonical(sourceNatIp);
        String destinationNat = IpAddresses.canonical(destinationNatIp);
        String direction = direction(src, dst, srcIn, dstIn);
        String host = host(src, dst, assigned, srcIn, dstIn);
        // every value computed before the event is allocated: with no call between the allocation and its
        // field stores, the JIT can leave out the collector's write barriers on those stores
        return new LogEvent(timestamp, observerVendor, observerProduct, observerHostname, format, eventCode,
                category, action, outcome, phase, reason, src, sourcePort, dst, destinationPort, sourceNat,
                sourceNatPort, destinationNat, destinationNatPort, transport, direction, host, durationNanos,
                sourceBytes, destinationBytes, bytes, networkPackets, ipTtl, ipId, tcpFlags, icmpType, icmpCode,
                ingressInterface, egressInterface, ruleName, url, urlDomain, httpMethod, httpStatus, mimeType,
                userAgent, fileName, userName, assigned, connectionId, original);
    }

    /** Outbound, inbound, internal or external by which ends are internal; null without both ends. */
    private static String direction(String src, String dst, boolean srcIn, boolean dstIn) {
        if (src == null || dst == null) {
            return null;
        }
        if (srcIn) {
            return dstIn ? "internal" : "outbound";
        }
        return dstIn ? "inbound" : "external";
    }

    /**
     * The internal end of a connection (the source when both are), or, without both ends, the address
     * a VPN assigned, else whichever end is internal.
     */
    private static String host(String src, String dst, String assigned, boolean srcIn, boolean dstIn) {
        if (src != null && dst != null) {
            return srcIn ? src : dstIn ? dst : null;
        }
        if (assigned != null) {
            return assigned;
        }
        return srcIn ? src : dstIn ? dst : null;
    }

    private static boolean contains(InternalNetworks internal, String ip, long ipv4) {
        return ipv4 >= 0 ? internal.containsIpv4((int) ipv4) : internal.contains(ip);
    }
}
