package io.quietwatch.engine;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveHostsTest {
    private static final long HOUR = 3_600_000L;

    private static LogEvent start(String src, long t) {
        return LogEvent.builder().timestamp(t).phase("start").sourceIp(src).destinationIp("203.0.113.9").destinationPort(443)
                .build(InternalNetworks.defaults());
    }

    @Test
    void countsDistinctOutboundHostsAndForgetsIdleOnes() {
        ActiveHosts hosts = new ActiveHosts(24 * HOUR);
        for (int i = 0; i < 70_000; i++) {
            hosts.observe(start("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), i));
        }
        assertThat(hosts.observe(start("10.0.0.1", 5))).isFalse();
        assertThat(hosts.observe(start("fd00::1", 5))).isTrue();
        assertThat(hosts.observe(start("fd00::1", 6))).isFalse();
        assertThat(hosts.count()).isEqualTo(70_001);
        // inbound and non-start events are not hosts talking out
        assertThat(hosts.observe(LogEvent.builder().timestamp(1).phase("start").sourceIp("203.0.113.9")
                .destinationIp("10.9.9.9").build(InternalNetworks.defaults()))).isFalse();
        assertThat(hosts.observe(LogEvent.builder().timestamp(1).phase("end").sourceIp("10.9.9.9")
                .destinationIp("203.0.113.9").build(InternalNetworks.defaults()))).isFalse();
        // 10.0.0.1 is seen again later; everything else ages out
        hosts.observe(start("10.0.0.1", 30 * HOUR));
        assertThat(hosts.purge(30 * HOUR + 1)).isTrue();
        assertThat(hosts.count()).isEqualTo(1);
        assertThat(hosts.observe(start("10.0.0.2", 30 * HOUR))).isTrue();
        assertThat(hosts.count()).isEqualTo(2);
    }
}
