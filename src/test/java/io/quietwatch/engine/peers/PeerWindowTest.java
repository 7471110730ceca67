package io.quietwatch.engine.peers;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PeerWindowTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final long WINDOW = 600_000L;

    private final PeerWindow window = new PeerWindow();

    private PeerBurst add(String peer, int port, long t) {
        return window.add(peer, port, t, false, WINDOW, 30, 3);
    }

    @Test
    void thirtiethDistinctPeerOnSeveralPortsMakesABurst() {
        for (int i = 1; i < 30; i++) {
            assertThat(add("203.0.113." + i, 20000 + i, T0 + i * 1000L)).isNull();
        }
        PeerBurst b = add("203.0.113.30", 20030, T0 + 30_000);
        assertThat(b).isNotNull();
        assertThat(b.trigger()).isEqualTo(PeerBurst.PEERS);
        assertThat(b.isEndpoint()).isFalse();
        assertThat(b.endpoint()).isNull();
        assertThat(b.peers()).isEqualTo(30);
        assertThat(b.ports()).isEqualTo(30);
        assertThat(b.portSample()).isEqualTo("20001, 20002, 20003, 20004, 20005, ...");
        assertThat(b.peerSample()).startsWith("203.0.113.1:20001, 203.0.113.2:20002, ").hasToString(
                "203.0.113.1:20001, 203.0.113.2:20002, 203.0.113.3:20003, 203.0.113.4:20004, 203.0.113.5:20005");
        assertThat(b.firstSeen()).isEqualTo(T0 + 1000);
        assertThat(b.lastSeen()).isEqualTo(T0 + 30_000);
        assertThat(window.size()).as("peers are forgotten once reported").isZero();
    }

    @Test
    void aPeerContactedAgainCountsOnce() {
        for (int i = 0; i < 100; i++) {
            assertThat(add("203.0.113." + (i % 29), 20000 + i % 29, T0 + i)).isNull();
        }
        assertThat(window.size()).isEqualTo(29);
    }

    @Test
    void peersOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 20; i++) {
            add("198.51.100." + i, 30000 + i, T0 + i);
        }
        long later = T0 + WINDOW + 20;
        for (int i = 0; i < 20; i++) {
            assertThat(add("203.0.113." + i, 40000 + i, later + i)).as("peer %d after the window", i).isNull();
        }
        assertThat(window.size()).isEqualTo(20);
        for (int i = 20; i < 29; i++) {
            assertThat(add("203.0.113." + i, 40000 + i, later + i)).isNull();
        }
        assertThat(add("203.0.113.29", 40029, later + 29)).isNotNull();
    }

    @Test
    void aRecentContactKeepsAnOldPeerInTheWindow() {
        add("198.51.100.1", 30001, T0);
        add("198.51.100.1", 30001, T0 + WINDOW - 1);
        add("198.51.100.2", 30002, T0 + WINDOW + 1);
        assertThat(window.size()).isEqualTo(2);
    }

    @Test
    void aSweepOfOnePortIsNotABurstAndHoldsAtMostTheThreshold() {
        for (int i = 0; i < 1000; i++) {
            assertThat(add("203.0." + (i / 250) + "." + (i % 250), 5060, T0 + i)).isNull();
            assertThat(window.size()).isLessThanOrEqualTo(30);
        }
        // two ports are still a sweep; a third makes it look like P2P
        assertThat(add("198.51.100.1", 5061, T0 + 2000)).isNull();
        PeerBurst b = add("198.51.100.2", 40000, T0 + 2001);
        assertThat(b).isNotNull();
        assertThat(b.ports()).isEqualTo(3);
        assertThat(b.portSample()).isEqualTo("5060, 5061, 40000");
    }

    @Test
    void afterABurstTheHostIsLeftAloneForOneWindowThenCountedAfresh() {
        long t = T0;
        for (int i = 0; i < 30; i++) {
            add("203.0.113." + i, 20000 + i, t++);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(add("198.51.100." + (i % 250), 30000 + i, t++)).isNull();
            assertThat(add("149.154.167.51", 443, t, true)).as("an endpoint within the quiet window").isNull();
        }
        assertThat(window.size()).isZero();
        long after = T0 + 29 + WINDOW;
        List<PeerBurst> bursts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            PeerBurst b = add("192.0.2." + i, 50000 + i, after + i);
            if (b != null) {
                bursts.add(b);
            }
        }
        assertThat(bursts).singleElement().satisfies(b -> assertThat(b.firstSeen()).isEqualTo(after));
    }

    private PeerBurst add(String peer, int port, long t, boolean endpoint) {
        return window.add(peer, port, t, endpoint, WINDOW, 30, 3);
    }

    @Test
    void aKnownEndpointIsReportedAtOnce() {
        add("203.0.113.7", 51413, T0);
        PeerBurst b = add("149.154.167.51", 443, T0 + 5000, true);
        assertThat(b).isNotNull();
        assertThat(b.trigger()).isEqualTo(PeerBurst.ENDPOINT);
        assertThat(b.isEndpoint()).isTrue();
        assertThat(b.endpoint()).isEqualTo("149.154.167.51");
        assertThat(b.port()).isEqualTo(443);
        assertThat(b.peers()).isEqualTo(2);
        assertThat(b.firstSeen()).isEqualTo(T0 + 5000);
        assertThat(b.lastSeen()).isEqualTo(T0 + 5000);
    }

    @Test
    void aLowerThresholdShrinksWhatIsHeld() {
        for (int i = 0; i < 20; i++) {
            window.add("203.0.113." + i, 10000, T0 + i, false, WINDOW, 30, 3);
        }
        assertThat(window.size()).isEqualTo(20);
        assertThat(window.add("203.0.113.99", 10000, T0 + 50, false, WINDOW, 5, 3)).isNull();
        assertThat(window.size()).isEqualTo(5);
        assertThat(window.add("203.0.113.98", 10001, T0 + 51, false, WINDOW, 5, 1)).isNotNull();
    }

    @Test
    void aMissingPeerIsIgnoredAndClearEndsTheQuietWindow() {
        assertThat(add(null, 1, T0)).isNull();
        assertThat(window.size()).isZero();
        assertThat(add("149.154.167.51", 443, T0, true)).isNotNull();
        assertThat(add("149.154.167.51", 443, T0 + 1, true)).isNull();
        window.clear();
        assertThat(add("149.154.167.51", 443, T0 + 2, true)).isNotNull();
    }

    @Test
    void peersThatAreNotIpv4AddressesAreCountedAndNamedAsGiven() {
        for (int i = 0; i < 28; i++) {
            assertThat(add("2001:db8::" + Integer.toHexString(i + 1), 30000 + i, T0 + i)).isNull();
        }
        assertThat(add("2001:db8::1", 30000, T0 + 28)).as("the same IPv6 peer again").isNull();
        assertThat(add("198.51.100.7", 30028, T0 + 29)).isNull();
        PeerBurst b = add("peer.example.net", 30029, T0 + 30);
        assertThat(b).isNotNull();
        assertThat(b.peers()).isEqualTo(30);
        assertThat(b.peerSample()).isEqualTo("2001:db8::2:30001, 2001:db8::3:30002, 2001:db8::4:30003, 2001:db8::5:30004, "
                + "2001:db8::6:30005");
        PeerBurst named = new PeerWindow().add("web.whatsapp.com", 443, T0, true, WINDOW, 30, 3);
        assertThat(named.endpoint()).isEqualTo("web.whatsapp.com");
        assertThat(named.peerSample()).isEqualTo("web.whatsapp.com:443");
    }

    @Test
    void aFloodOfAMillionRandomPeersNeverHoldsMoreThanTheThreshold() {
        SplittableRandom rnd = new SplittableRandom(7);
        int bursts = 0;
        int most = 0;
        for (int i = 0; i < 1_000_000; i++) {
            String peer = (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
            // 1,000 flows a second for 1,000 seconds: one burst per window
            if (add(peer, 1024 + rnd.nextInt(64511), T0 + i) != null) {
                bursts++;
            }
            most = Math.max(most, window.size());
        }
        assertThat(most).isEqualTo(29);
        assertThat(bursts).isEqualTo(2);
    }
}
