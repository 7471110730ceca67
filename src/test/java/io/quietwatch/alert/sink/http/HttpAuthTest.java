package io.quietwatch.alert.sink.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpAuthTest {
    private static String header(HttpAuth auth, String name) {
        HttpRequest r = auth.apply(HttpRequest.newBuilder(URI.create("http://x/"))).build();
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void makesTheHeaders() {
        assertThat(header(HttpAuth.bearer("tok"), "Authorization")).isEqualTo("Bearer tok");
        String basic = header(HttpAuth.basic("alice@example.com", "pä:ss"), "Authorization");
        assertThat(basic).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("alice@example.com:pä:ss");
        assertThat(header(HttpAuth.header("X-Api-Key", "k"), "X-Api-Key")).isEqualTo("k");
        assertThat(header(HttpAuth.none(), "Authorization")).isNull();
    }

    @Test
    void refusesLineBreaksControlsAndBadNames() {
        assertThatThrownBy(() -> HttpAuth.bearer("tok\r\nX-Evil: 1")).hasMessage("bearer token contains a line break");
        assertThatThrownBy(() -> HttpAuth.bearer("tok\u0000")).hasMessage("bearer token contains a control character");
        assertThatThrownBy(() -> HttpAuth.basic("a:b", "p")).hasMessageContaining("must not contain ':'");
        assertThatThrownBy(() -> HttpAuth.basic("alice\n", "p")).hasMessage("user name contains a line break");
        assertThatThrownBy(() -> HttpAuth.basic("alice", "")).hasMessage("password is empty");
        assertThatThrownBy(() -> HttpAuth.header("X Key", "k")).hasMessageContaining("is not a header name");
        assertThatThrownBy(() -> HttpAuth.header("Host", "k")).hasMessageContaining("cannot be configured");
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(HttpAuth.bearer("s3cr3t-token").toString()).doesNotContain("s3cr3t").contains("****");
        assertThat(HttpAuth.basic("alice", "s3cr3t").toString()).doesNotContain("s3cr3t", "YWxp");
    }
}
