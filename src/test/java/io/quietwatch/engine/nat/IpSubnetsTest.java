package io.quietwatch.engine.nat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpSubnetsTest {
    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "10.1.2.50, 24, 64, 10.1.2.0/24",
            "10.1.2.50, 16, 64, 10.1.0.0/16",
            "192.168.255.255, 32, 64, 192.168.255.255/32",
            "172.16.5.4, 0, 64, 0.0.0.0/0",
            "172.16.5.4, 40, 64, 172.16.5.4/32",
            "172.16.5.4, -3, 64, 0.0.0.0/0",
            "2001:db8:1:2:aaaa:bbbb:cccc:dddd, 24, 64, 2001:db8:1:2::/64",
            "2001:DB8:1:2::7, 24, 48, 2001:db8:1::/48",
            "fd00::1, 24, 128, fd00::1/128",
            "fd12:3456:789a:1::1, 24, 200, fd12:3456:789a:1::1/128",
            "fd12:3456:789a:1::1, 24, 0, ::/0",
            "::ffff:10.1.2.3, 24, 96, ::ffff:0:0/96",
            "not-an-address, 24, 64, NULL",
            "10.1.2, 24, 64, NULL",
            "NULL, 24, 64, NULL"})
    void subnet(String ip, int v4, int v6, String expected) {
        assertThat(IpSubnets.subnet(ip, v4, v6)).isEqualTo(expected);
    }
}
