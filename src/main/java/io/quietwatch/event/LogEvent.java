package io.quietwatch.event;

/**
 * One normalised log event: a firewall connection record, a denied packet, a proxy request or a VPN
 * session, with Elastic Common Schema meanings. Every parser produces this record; the Esper runtime
 * receives it as the event type {@code LogEvent}, whose properties are the component names below
 * (EPL: {@code LogEvent(destinationPort = 443, phase = 'end')}).
 *
 * <p>Reference fields are {@code null} when the line does not carry them; so are the boxed numbers.
 * The JSON form (see {@link EventJson}) uses the ECS names given on each component.
 *
 * @param timestamp         event time, epoch milliseconds ({@code @timestamp})
 * @param observerVendor    device vendor ({@code observer.vendor})
 * @param observerProduct   device product ({@code observer.product})
 * @param observerHostname  device name from the syslog header or the line ({@code observer.hostname})
 * @param format            name of the parser that read the line ({@code quietwatch.format})
 * @param eventCode         vendor message id, e.g. {@code 302014} ({@code event.code})
 * @param category          {@code network}, {@code web}, {@code session} ({@code event.category})
 * @param action            vendor's action word, e.g. {@code teardown}, {@code deny} ({@code event.action})
 * @param outcome           {@code allowed} or {@code denied} when the device decided ({@code event.type})
 * @param phase             {@code start} or {@code end} of a connection/session ({@code event.type})
 * @param reason            vendor's reason text, e.g. {@code TCP FINs} ({@code event.reason})
 * @param sourceIp          initiator address ({@code source.ip})
 * @param sourcePort        initiator port ({@code source.port})
 * @param destinationIp     responder address ({@code destination.ip})
 * @param destinationPort   responder port ({@code destination.port})
 * @param sourceNatIp       translated source address ({@code source.nat.ip})
 * @param sourceNatPort     translated source port ({@code source.nat.port})
 * @param destinationNatIp  translated destination address ({@code destination.nat.ip})
 * @param destinationNatPort translated destination port ({@code destination.nat.port})
 * @param transport         {@code tcp}, {@code udp}, {@code icmp}, ... lower case ({@code network.transport})
 * @param direction         {@code outbound}, {@code inbound}, {@code internal}, {@code external},
 *                          derived from {@code internal_networks} ({@code network.direction})
 * @param hostIp            the internal end of the traffic, the host alerts are about ({@code host.ip})
 * @param durationNanos     connection duration in nanoseconds ({@code event.duration})
 * @param sourceBytes       bytes sent by the source ({@code source.bytes})
 * @param destinationBytes  bytes sent by the destination ({@code destination.bytes})
 * @param networkBytes      total bytes, where only a total is logged or as the sum ({@code network.bytes})
 * @param networkPackets    total packets ({@code network.packets})
 * @param ipTtl             IPv4 TTL or IPv6 hop limit ({@code ip.ttl})
 * @param ipId              IPv4 identification field ({@code ip.id})
 * @param tcpFlags          TCP flags as logged, space separated ({@code quietwatch.tcp_flags})
 * @param icmpType          ICMP type ({@code icmp.type})
 * @param icmpCode          ICMP code ({@code icmp.code})
 * @param ingressInterface  interface the packet came in on ({@code observer.ingress.interface.name})
 * @param egressInterface   interface the packet left on ({@code observer.egress.interface.name})
 * @param ruleName          ACL, policy or log prefix that matched ({@code rule.name})
 * @param url               full URL as logged ({@code url.original})
 * @param urlDomain         host part of the URL ({@code url.domain})
 * @param httpMethod        HTTP request method ({@code http.request.method})
 * @param httpStatus        HTTP response status ({@code http.response.status_code})
 * @param mimeType          response content type ({@code http.response.mime_type})
 * @param userAgent         user agent string ({@code user_agent.original})
 * @param fileName          file name of a download ({@code file.name})
 * @param userName          user the log or a VPN session names ({@code user.name})
 * @param assignedIp        address a VPN gateway assigned to the user ({@code quietwatch.vpn.assigned_ip})
 * @param connectionId      device's session/connection id, pairs start with end ({@code quietwatch.connection_id})
 * @param original          the whole line as received ({@code event.original})
 */
public record LogEvent(
        long timestamp,
        String observerVendor,
        String observerProduct,
        String observerHostname,
        String format,
        String eventCode,
        String category,
        String action,
        String outcome,
        String phase,
        String reason,
        String sourceIp,
        Integer sourcePort,
        String destinationIp,
        Integer destinationPort,
        String sourceNatIp,
        Integer sourceNatPort,
        String destinationNatIp,
        Integer destinationNatPort,
        String transport,
        String direction,
        String hostIp,
        Long durationNanos,
        Long sourceBytes,
        Long destinationBytes,
        Long networkBytes,
        Long networkPackets,
        Integer ipTtl,
        Integer ipId,
        String tcpFlags,
        Integer icmpType,
        Integer icmpCode,
        String ingressInterface,
        String egressInterface,
        String ruleName,
        String url,
        String urlDomain,
        String httpMethod,
        Integer httpStatus,
        String mimeType,
        String userAgent,
        String fileName,
        String userName,
        String assignedIp,
        String connectionId,
        String original) {

    public static final String ALLOWED = "allowed";
    public static final String DENIED = "denied";
    public static final String START = "start";
    public static final String END = "end";
    public static final String CATEGORY_NETWORK = "network";
    public static final String CATEGORY_WEB = "web";
    public static final String CATEGORY_SESSION = "session";

    /** The remote end: the address on the other side of {@link #hostIp()}, or null. */
    public String remoteIp() {
        if (hostIp == null) {
            return null;
        }
        return hostIp.equals(sourceIp) ? destinationIp : sourceIp;
    }

    /** Duration in whole seconds, or null. Convenient in EPL: {@code durationSeconds >= 3600}. */
    public Long durationSeconds() {
        return durationNanos == null ? null : durationNanos / 1_000_000_000L;
    }

    /** The same event at another time (replays with a time offset, benchmarks). */
    public LogEvent withTimestamp(long epochMillis) {
        return new LogEvent(epochMillis, observerVendor, observerProduct, observerHostname, format, eventCode, category,
                action, outcome, phase, reason, sourceIp, sourcePort, destinationIp, destinationPort, sourceNatIp,
                sourceNatPort, destinationNatIp, destinationNatPort, transport, direction, hostIp, durationNanos,
                sourceBytes, destinationBytes, networkBytes, networkPackets, ipTtl, ipId, tcpFlags, icmpType, icmpCode,
                ingressInterface, egressInterface, ruleName, url, urlDomain, httpMethod, httpStatus, mimeType, userAgent,
                fileName, userName, assignedIp, connectionId, original);
    }

    /** A fresh builder. */
    public static LogEventBuilder builder() {
        return new LogEventBuilder();
    }
}
