package io.quietwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogThrottleTest {
    private long now;
    private final LogThrottle throttle = new LogThrottle(2, 1, TimeUnit.MINUTES, () -> now);

    @Test
    void letsThePermitsThroughThenSuppresses() {
        assertThat(throttle.acquire()).isZero();
        assertThat(throttle.acquire()).isZero();
        assertThat(throttle.acquire()).isEqualTo(-1);
        assertThat(throttle.acquire()).isEqualTo(-1);
    }

    @Test
    void reportsTheSuppressedCountInTheNextWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.acquire();
        }
        now += TimeUnit.SECONDS.toNanos(59);
        assertThat(throttle.acquire()).isEqualTo(-1);
        now += TimeUnit.SECONDS.toNanos(1);
        assertThat(throttle.acquire()).isEqualTo(4);
        assertThat(throttle.acquire()).isZero();
        assertThat(throttle.acquire()).isEqualTo(-1);
    }
}
