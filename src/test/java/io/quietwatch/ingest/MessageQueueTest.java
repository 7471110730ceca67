package io.quietwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quietwatch.config.InputConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageQueueTest {
    private final InputEndpoint endpoint = new InputEndpoint(InputConfig.of("udp", "127.0.0.1", 0));

    private RawMessage message(int size) {
        return new RawMessage(new byte[size], endpoint, null, 0);
    }

    @Test
    void refusesWhatWouldPassTheByteBudgetAndTakesAgainOnceDrained() throws Exception {
        MessageQueue q = new MessageQueue(100, 100);
        assertThat(q.offer(message(40))).isTrue();
        assertThat(q.offer(message(40))).isTrue();
        assertThat(q.offer(message(40))).as("120 bytes > 100").isFalse();
        assertThat(q.offer(message(20))).as("exactly 100 bytes").isTrue();
        assertThat(q.bytes()).isEqualTo(100);
        assertThat(q).hasSize(3);

        List<RawMessage> batch = new ArrayList<>();
        assertThat(q.drainTo(batch, 2)).isEqualTo(2);
        assertThat(q.bytes()).isEqualTo(20);
        assertThat(q.offer(message(80))).isTrue();
        assertThat(q.poll()).isNotNull();
        assertThat(q.poll(1, TimeUnit.MILLISECONDS)).isNotNull();
        assertThat(q.poll()).isNull();
        assertThat(q.bytes()).isZero();
    }

    @Test
    void refusesByCountToo() {
        MessageQueue q = new MessageQueue(2, 1_000_000);
        assertThat(q.offer(message(1))).isTrue();
        assertThat(q.offer(message(1))).isTrue();
        assertThat(q.offer(message(1))).isFalse();
        assertThat(q.bytes()).isEqualTo(2);
    }
}
