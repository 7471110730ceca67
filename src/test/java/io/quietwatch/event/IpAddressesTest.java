package io.quietwatch.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "000.0.0.0", "2001:db8::1", "::ffff:10.0.0.1", "fe80::1%eth0", "10.0.0",
        "host.example", "-", "a:b", ""})
    void literalWithTheIpv4ValueAlreadyReadIsTheSame(String value) {
        String s = "x=" + value + " y";
        int from = 2;
        int to = from + value.length();

        String once = IpAddresses.literal(s, from, to);

        assertThat(IpAddresses.literal(s, from, to, IpAddresses.parseIpv4(s, from, to))).isEqualTo(once);
        assertThat(once).isEqualTo(value.equals("10.0.0") || value.equals("host.example") || value.equals("-")
                || value.equals("a:b") || value.isEmpty() ? null : value);
    }
}
