package io.quietwatch.alert.sink.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class HttpTransportTest {
    @Test
    void sendsOnceAndKeepsTheReply() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.start(); HttpTransport http = new HttpTransport("t", HttpTimeouts.of(1, 2))) {
            peer.reply(201, "{\"ok\":true}", "X-Request-Id", "r1");
            HttpReply r = http.send(http.postJson(peer.uri("/in"), "{\"a\":1}".getBytes()).build());
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("{\"ok\":true}");
            assertThat(r.header("x-request-id")).isEqualTo("r1");
            ScriptedPeer.Request req = peer.only();
            assertThat(req.method()).isEqualTo("POST");
            assertThat(req.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(req.header("Accept")).isEqualTo("application/json");
            assertThat(req.header("User-Agent")).startsWith("QuietWatch/");
            assertThat(req.text()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void capsTheReplyBody() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.start(); HttpTransport http = new HttpTransport("t", HttpTimeouts.of(1, 2))) {
            peer.reply(400, "e".repeat(HttpTransport.MAX_BODY_BYTES * 3));
            HttpReply r = http.send(http.request(peer.uri("/")).GET().build());
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).hasSize(HttpTransport.MAX_BODY_BYTES);
        }
    }

    @Test
    void doesNotFollowRedirects() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.start(); HttpTransport http = new HttpTransport("t", HttpTimeouts.of(1, 2))) {
            peer.reply(307, "", "Location", peer.url("/elsewhere"));
            HttpReply r = http.send(http.postJson(peer.uri("/"), new byte[] {'{', '}'}).build());
            assertThat(r.status()).isEqualTo(307);
            assertThat(peer.requests()).hasSize(1);
        }
    }

    @Test
    void aRefusedConnectionIsAFailureNamingTheTarget() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HttpTransport http = new HttpTransport("t", HttpTimeouts.of(1, 1))) {
            HttpReply r = http.send(http.request(URI.create("http://127.0.0.1:" + port + "/secret/path")).GET().build());
            assertThat(r.failed()).isTrue();
            assertThat(r.failure()).startsWith("cannot connect to http://127.0.0.1:" + port + "/" + AlertText.ELLIPSIS)
                    .doesNotContain("secret");
        }
    }
}
