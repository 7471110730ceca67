package io.quietwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quietwatch.config.InputConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputsTest {
    private static final MessageHandoff NONE = m -> true;

    private static InputEndpoint endpoint(String protocol) {
        return new InputEndpoint(InputConfig.of(protocol, "127.0.0.1", 0));
    }

    @Test
    void createsAnInputPerProtocol() {
        InputEndpoint udp = endpoint("UDP");
        assertThat(Inputs.create(udp, NONE)).isInstanceOf(SyslogUdpInput.class)
                .extracting(Input::endpoint).isSameAs(udp);
        assertThat(Inputs.create(endpoint("tcp"), NONE)).isInstanceOf(SyslogTcpInput.class);
    }

    @Test
    void rejectsAnUnknownProtocolNamingTheInputAndTheValue() {
        InputEndpoint dtls = new InputEndpoint(new InputConfig("edge", "dtls", null, 0, null, null, null, null, null));
        assertThatThrownBy(() -> Inputs.create(dtls, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'edge'")
                .hasMessageContaining("'dtls'");
    }

    @Test
    void aTlsInputWithoutCertificateAndKeyIsRefusedNamingTheSettings() {
        InputEndpoint tls = new InputEndpoint(new InputConfig("edge", "tls", null, 0, null, null, null, null, null));
        assertThatThrownBy(() -> Inputs.create(tls, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'edge'")
                .hasMessageContaining("tls.cert_file");
    }

    @Test
    void rejectsInvalidSettingsNamingTheInput() {
        InputEndpoint zero = new InputEndpoint(new InputConfig("z", "udp", null, 0, null, null, 0, null, null));
        assertThatThrownBy(() -> Inputs.create(zero, NONE)).hasMessageContaining("'z'")
                .hasMessageContaining("max_message_size");
        InputEndpoint bad = new InputEndpoint(new InputConfig("b", "tcp", null, 0, null, null, null, null,
                List.of("not-a-network")));
        assertThatThrownBy(() -> Inputs.create(bad, NONE)).hasMessageContaining("'b'")
                .hasMessageContaining("not-a-network");
    }

    @Test
    void closingAnInputThatNeverStartedIsHarmless() {
        for (String protocol : List.of("udp", "tcp")) {
            Input input = Inputs.create(endpoint(protocol), NONE);
            input.close();
            input.close();
            assertThat(input.localAddress()).isNull();
        }
    }
}
