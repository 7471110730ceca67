package io.quietwatch.engine.scantrend;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static io.quietwatch.engine.scantrend.HourTallyTest.deny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ScanTrendRowsTest {
    private static void packets(HourTally h, String transport, int port, int packets, int sources) {
        for (int i = 0; i < packets; i++) {
            h.add(deny(i, "198.51.100." + (i % sources), transport, port));
        }
    }

    @Test
    void portsAreRankedByPacketsThenSourcesThenName() {
        HourTally h = new HourTally();
        packets(h, "tcp", 445, 5, 1);
        packets(h, "tcp", 23, 9, 3);
        packets(h, "udp", 53, 5, 5);
        packets(h, "tcp", 22, 5, 5);
        Map<String, Object>[] rows = ScanTrendRows.rows(h, 10);
        assertThat(rows).extracting(r -> r.get("transport"), r -> r.get("port"), r -> r.get("rank"), r -> r.get("sources"))
                .containsExactly(tuple("tcp", 23, 1, 3L), tuple("tcp", 22, 2, 5L), tuple("udp", 53, 3, 5L),
                        tuple("tcp", 445, 4, 1L));
        assertThat(rows[0]).containsEntry("packets", 9L).containsEntry("foldedPorts", 0L)
                .containsEntry("topDestination", "10.0.0.25").containsEntry("topDestinationPackets", 9L)
                .containsEntry("topDestinationInternal", true).containsEntry("firstSeen", 0L).containsEntry("lastSeen", 8L);
        assertThat((Object[]) rows[0].get("evidence")).hasSize(3);
    }

    @Test
    void portsBeyondTheLimitJoinTheFoldRowOfTheirTransport() {
        HourTally h = new HourTally(3);
        packets(h, "tcp", 1, 10, 2);
        packets(h, "tcp", 2, 8, 2);
        packets(h, "udp", 3, 6, 2);
        packets(h, "tcp", 4, 1, 1);   // beyond the tally's own capacity of 3: folded at once
        Map<String, Object>[] rows = ScanTrendRows.rows(h, 1);
        assertThat(rows).extracting(r -> r.get("transport"), r -> r.get("port"), r -> r.get("rank"), r -> r.get("packets"),
                        r -> r.get("foldedPorts"), r -> r.get("topDestination"))
                .containsExactly(tuple("tcp", 1, 1, 10L, 0L, "10.0.0.25"),
                        tuple("tcp", -1, null, 9L, 2L, null),
                        tuple("udp", -1, null, 6L, 1L, null));
    }

    @Test
    void metadataNamesEveryColumnOfARow() {
        HourTally h = new HourTally();
        packets(h, "tcp", 23, 1, 1);
        Map<String, Object> row = ScanTrendRows.rows(h, 5)[0];
        assertThat(ScanTrendRows.rowsMetadata().keySet()).containsExactlyElementsOf(row.keySet());
        ScanTrendRows.rowsMetadata().forEach((k, type) -> {
            if (row.get(k) != null) {
                assertThat(row.get(k)).as(k).isInstanceOf((Class<?>) type);
            }
        });
        assertThat(Arrays.asList(ScanTrendRows.rows(null, 5))).isEmpty();
        assertThat(ScanTrendRows.rows(new HourTally(), 5)).isEmpty();
    }
}
