package io.quietwatch.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InternalNetworksTest {
    private final InternalNetworks defaults = InternalNetworks.defaults();
    private final InternalNetworks odd = InternalNetworks.of(List.of("100.64.0.0/10", "203.0.113.77", "2001:db8:1::/48", "0.0.0.0/2"));

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1, true", "10.255.255.255, true", "11.0.0.1, false", "172.16.0.1, true", "172.31.255.1, true",
            "172.32.0.1, false", "192.168.1.1, true", "192.169.1.1, false", "8.8.8.8, false", "fd00::1, true",
            "fe80::1, false", "2001:db8::1, false", "not-an-ip, false", "10.1.2, false", "10.1.2.3.4, false",
            "1000.1.1.1, false", "'', false"})
    void defaultPrivateRanges(String ip, boolean inside) {
        assertThat(defaults.contains(ip)).as(ip).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({
            "100.64.0.1, true", "100.127.255.255, true", "100.128.0.1, false", "203.0.113.77, true",
            "203.0.113.78, false", "2001:db8:1:ffff::1, true", "2001:db8:2::1, false", "1.2.3.4, true",
            "63.0.0.1, true", "64.0.0.1, false", "99.1.1.1, false", "298.0.0.1, false"})
    void blocksOfAnySize(String ip, boolean inside) {
        assertThat(odd.contains(ip)).as(ip).isEqualTo(inside);
    }
}
