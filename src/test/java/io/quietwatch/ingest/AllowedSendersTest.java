package io.quietwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedSendersTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void anEmptyListAllowsEveryone() throws Exception {
        AllowedSenders all = AllowedSenders.of("in", List.of());
        assertThat(all.allowsEveryone()).isTrue();
        assertThat(all.allows(ip("127.0.0.1"))).isTrue();
        assertThat(all.allows(ip("2001:db8::1"))).isTrue();
        assertThat(all.allows(null)).isTrue();
    }

    @Test
    void matchesIpv4Blocks() throws Exception {
        AllowedSenders s = AllowedSenders.of("in", List.of("10.0.0.0/8", "192.168.1.7"));
        assertThat(s.allows(ip("10.200.3.4"))).isTrue();
        assertThat(s.allows(ip("192.168.1.7"))).isTrue();
        assertThat(s.allows(ip("192.168.1.8"))).isFalse();
        assertThat(s.allows(ip("11.0.0.1"))).isFalse();
        assertThat(s.allows(ip("127.0.0.1"))).isFalse();
        assertThat(s.allows(ip("::1"))).isFalse();
        assertThat(s.allows(null)).isFalse();
    }

    @Test
    void matchesIpv6Blocks() throws Exception {
        AllowedSenders s = AllowedSenders.of("in", List.of("2001:db8::/32", "::1"));
        assertThat(s.allows(ip("2001:db8:ffff::5"))).isTrue();
        assertThat(s.allows(ip("::1"))).isTrue();
        assertThat(s.allows(ip("2001:db9::1"))).isFalse();
        assertThat(s.allows(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void matchesIpv4MappedIpv6AddressesAsIpv4() throws Exception {
        AllowedSenders s = AllowedSenders.of("in", List.of("10.0.0.0/8"));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        assertThat(s.allows(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
        mapped[12] = 11;
        assertThat(s.allows(Inet6Address.getByAddress(null, mapped, -1))).isFalse();
    }

    @Test
    void namesTheInputAndTheBadBlock() {
        assertThatThrownBy(() -> AllowedSenders.of("fw-in", List.of("10.0.0.0/8", "10.0.0.300/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fw-in")
                .hasMessageContaining("allowed_senders")
                .hasMessageContaining("10.0.0.300/8");
    }
}
