package io.quietwatch.engine.scantrend;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class HourTallyTest {
    static LogEvent deny(long t, String src, String transport, Integer port) {
        return LogEvent.builder().timestamp(t).outcome("denied").transport(transport).sourceIp(src)
                .destinationIp("10.0.0.25").destinationPort(port).build(InternalNetworks.defaults());
    }

    private static PortTally port(HourTally h, String transport, int port) {
        return h.ports().stream().filter(p -> p.transport().equals(transport) && p.port() == port).findFirst().orElseThrow();
    }

    @Test
    void countsPacketsSourcesAndTimesPerTransportAndPort() {
        HourTally h = new HourTally();
        h.add(deny(1000, "198.51.100.1", "tcp", 23));
        h.add(deny(900, "198.51.100.2", "tcp", 23));
        h.add(deny(1100, "198.51.100.1", "tcp", 23));
        h.add(deny(1200, "198.51.100.1", "udp", 23));
        assertThat(h.packets()).isEqualTo(4);
        assertThat(h.firstSeen()).isEqualTo(900);
        assertThat(h.ports()).extracting(PortTally::transport, PortTally::port, PortTally::packets, PortTally::sources)
                .containsExactly(tuple("tcp", 23, 3L, 2L), tuple("udp", 23, 1L, 1L));
        PortTally tcp23 = port(h, "tcp", 23);
        assertThat(tcp23.firstSeen()).isEqualTo(900);
        assertThat(tcp23.lastSeen()).isEqualTo(1100);
        assertThat(tcp23.topDestination()).isEqualTo("10.0.0.25");
        assertThat(tcp23.topDestinationPackets()).isEqualTo(3);
        assertThat(tcp23.topDestinationInternal()).isTrue();
        assertThat(tcp23.samples()).hasSize(3);
        assertThat(tcp23.foldedPorts()).isZero();
        assertThat(h.folds()).isEmpty();
    }

    @Test
    void keepsOnlyTheFirstFewEventsAsEvidence() {
        HourTally h = new HourTally();
        for (int i = 0; i < 10; i++) {
            h.add(deny(i, "198.51.100." + i, "tcp", 445));
        }
        assertThat(port(h, "tcp", 445).samples()).extracting(LogEvent::timestamp).containsExactly(0L, 1L, 2L);
    }

    @Test
    void eventsWithoutAUsablePortOrTransportGoToTheFold() {
        HourTally h = new HourTally();
        h.add(deny(1, "198.51.100.1", "tcp", null));
        h.add(deny(2, "198.51.100.2", "tcp", 70000));
        h.add(deny(3, "198.51.100.3", null, 80));
        assertThat(h.ports()).isEmpty();
        assertThat(h.folds()).extracting(PortTally::transport, PortTally::packets, PortTally::sources)
                .containsExactly(tuple("tcp", 2L, 2L), tuple("other", 1L, 1L));
        assertThat(h.packets()).isEqualTo(3);
    }

    @Test
    void aFifthTransportSharesTheOtherFold() {
        HourTally h = new HourTally();
        for (String t : List.of("tcp", "udp", "sctp", "dccp", "udplite")) {
            h.add(deny(1, "198.51.100.1", t, 7));
        }
        assertThat(h.ports()).extracting(PortTally::transport).containsExactly("tcp", "udp", "sctp", "dccp");
        assertThat(h.folds()).extracting(PortTally::transport, PortTally::foldedPorts).containsExactly(tuple("other", 1L));
    }

    @Test
    void atCapacityAPortSeenOnceGivesWayToANewOne() {
        HourTally h = new HourTally(3);
        h.add(deny(1, "198.51.100.1", "tcp", 1));
        h.add(deny(2, "198.51.100.1", "tcp", 2));
        h.add(deny(3, "198.51.100.2", "tcp", 2));
        h.add(deny(4, "198.51.100.1", "tcp", 3));
        h.add(deny(5, "198.51.100.3", "tcp", 4));
        assertThat(h.ports()).extracting(PortTally::port).containsExactly(2, 3, 4);
        assertThat(h.folds()).singleElement().satisfies(f -> {
            assertThat(f.port()).isEqualTo(PortTally.FOLDED);
            assertThat(f.packets()).isEqualTo(1);
            assertThat(f.foldedPorts()).isEqualTo(1);
            assertThat(f.samples()).extracting(LogEvent::destinationPort).containsExactly(1);
        });
    }

    @Test
    void atCapacityWithNoPortSeenOnceNewPortsAreFolded() {
        HourTally h = new HourTally(2);
        for (int port = 1; port <= 2; port++) {
            h.add(deny(1, "198.51.100.1", "udp", port));
            h.add(deny(2, "198.51.100.2", "udp", port));
        }
        for (int port = 100; port < 110; port++) {
            h.add(deny(3, "198.51.100.9", "udp", port));
        }
        h.add(deny(4, "198.51.100.5", "udp", 1));
        assertThat(h.ports()).extracting(PortTally::port, PortTally::packets).containsExactly(tuple(1, 3L), tuple(2, 2L));
        assertThat(h.folds()).singleElement().satisfies(f -> {
            assertThat(f.packets()).isEqualTo(10);
            assertThat(f.foldedPorts()).isEqualTo(10);
            assertThat(f.sources()).isEqualTo(1);
        });
        assertThat(h.packets()).isEqualTo(15);
    }

    @Test
    void aSweepOfEveryPortKeepsTheHeavyOnesAndCountsEveryPacket() {
        HourTally h = new HourTally(100);
        for (int i = 0; i < 50; i++) {
            h.add(deny(i, "198.51.100." + i, "tcp", 23));
        }
        for (int port = 0; port <= 0xFFFF; port++) {
            h.add(deny(100, "203.0.113.1", "tcp", port));
        }
        assertThat(h.ports()).hasSize(100);
        assertThat(port(h, "tcp", 23).packets()).isEqualTo(51);
        long tracked = h.ports().stream().mapToLong(PortTally::packets).sum();
        long folded = h.folds().stream().mapToLong(PortTally::packets).sum();
        assertThat(tracked + folded).isEqualTo(50 + 65_536);
        assertThat((double) h.folds().get(0).foldedPorts()).isBetween(65_436 * 0.93, 65_436 * 1.07);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new HourTally(0)).hasMessageContaining("port capacity");
    }
}
