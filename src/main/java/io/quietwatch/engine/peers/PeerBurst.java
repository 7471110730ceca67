package io.quietwatch.engine.peers;

/**
 * What {@link PeerWindow} reports when a host reaches its peer threshold or contacts a known endpoint.
 * EPL reads the components as methods, e.g. {@code b.burst.peers()}.
 *
 * @param trigger    {@link #PEERS} (many distinct peers) or {@link #ENDPOINT} (a known endpoint)
 * @param endpoint   the endpoint contacted, for {@link #ENDPOINT}; null otherwise
 * @param port       the remote port of the contact that completed the burst (0 when unknown)
 * @param peers      distinct peers in the window when it was reported
 * @param ports      distinct remote ports of those peers
 * @param portSample up to five of those ports, ascending, comma separated ({@code "6881, 20012, ..."})
 * @param peerSample up to five peers as {@code address:port}, stalest first
 * @param firstSeen  engine time of the stalest contact in the window, epoch milliseconds (for
 *                   {@link #ENDPOINT}: the endpoint contact itself)
 * @param lastSeen   engine time of the contact that completed the burst
 * @param evidence   what the caller passed along with that contact (the event, for the alert), or null
 */
public record PeerBurst(String trigger, String endpoint, int port, int peers, int ports, String portSample,
                        String peerSample, long firstSeen, long lastSeen, Object evidence) {
    public static final String PEERS = "peers";
    public static final String ENDPOINT = "endpoint";

    /** The same burst carrying {@code evidence}. */
    public PeerBurst withEvidence(Object evidence) {
        return new PeerBurst(trigger, endpoint, port, peers, ports, portSample, peerSample, firstSeen, lastSeen, evidence);
    }

    /** True when a known endpoint, not the peer count, made the burst. */
    public boolean isEndpoint() {
        return ENDPOINT.equals(trigger);
    }
}
