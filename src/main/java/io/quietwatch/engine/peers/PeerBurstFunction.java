package io.quietwatch.engine.peers;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunction;

/**
 * The state of {@code peerBurst(...)} for one group: a {@link PeerWindow} and the burst the last event
 * completed, with that event's optional eighth parameter as its evidence. Events never leave (the
 * function is meant for statements without a data window).
 */
final class PeerBurstFunction implements AggregationFunction {
    private final PeerWindow window = new PeerWindow();
    private PeerBurst last;

    @Override
    public void enter(Object value) {
        last = null;
        if (!(value instanceof Object[] p) || p.length < 7) {
            return;
        }
        if (p[0] == null || !(p[2] instanceof Number time) || !(p[4] instanceof Number windowMillis)
                || !(p[5] instanceof Number minPeers) || !(p[6] instanceof Number minPorts)) {
            return;
        }
        int port = p[1] instanceof Number n ? n.intValue() : 0;
        boolean endpoint = Boolean.TRUE.equals(p[3]);
        PeerBurst burst = window.add(p[0].toString(), port, time.longValue(), endpoint, windowMillis.longValue(),
                minPeers.intValue(), minPorts.intValue());
        // the evidence is kept only when it completes a burst, never for the contacts the window holds
        last = burst == null || p.length < 8 ? burst : burst.withEvidence(p[7]);
    }

    @Override
    public void leave(Object value) {
        // no data window: nothing leaves
    }

    @Override
    public Object getValue() {
        return last;
    }

    @Override
    public void clear() {
        window.clear();
        last = null;
    }
}
