package io.quietwatch.alert.sink.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertJson;
import io.quietwatch.alert.AlertSink.Outcome;
import io.quietwatch.alert.SinkException;
import io.quietwatch.alert.sink.http.FailureScript;
import io.quietwatch.alert.sink.http.ScriptedPeer;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.alert.sink.http.TestAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:31:05Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    private ScriptedPeer peer;
    private WebhookSink sink;

    @BeforeEach
    void peer() throws Exception {
        peer = ScriptedPeer.start();
    }

    @AfterEach
    void close() {
        if (sink != null) {
            sink.close();
        }
        peer.close();
    }

    private WebhookSinkConfig config(String bearer, String user, String password, String hmacFile, Map<String, String> headers) {
        return new WebhookSinkConfig("hook", peer.url("/hooks/qw"), bearer, null, null, user, null, null, password,
                null, hmacFile, null, headers, 1, 1);
    }

    private WebhookSink started(WebhookSinkConfig c) throws SinkException {
        sink = new WebhookSink(c, new SecretSource(home, Map.of("HOOK_PW", "pw:with:colons")::get), CLOCK);
        sink.start();
        return sink;
    }

    @Test
    void postsTheAlertJsonSignedWithIdempotencyKey() throws Exception {
        Files.writeString(home.resolve("hmac.key"), "k3y\n");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Team", "soc-eu");
        started(config("tok-123", null, null, "hmac.key", headers));
        peer.reply(200, "");
        Alert alert = TestAlerts.typical();

        assertThat(sink.deliver(alert).outcome()).isEqualTo(Outcome.DELIVERED);

        ScriptedPeer.Request r = peer.only();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/hooks/qw");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.header("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(r.header("Idempotency-Key")).isEqualTo(alert.id()).matches("[0-9a-f]{32}");
        assertThat(r.header("X-Team")).isEqualTo("soc-eu");
        assertThat(r.header("X-QuietWatch-Timestamp")).isEqualTo("1714559465");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k3y".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1714559465.".getBytes(StandardCharsets.US_ASCII));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body()));
        assertThat(r.header("X-QuietWatch-Signature")).isEqualTo(expected);

        assertThat(r.text()).isEqualTo(AlertJson.toJson(alert));
        JsonNode json = r.json();
        assertThat(json.path("id").asText()).isEqualTo(alert.id());
        assertThat(json.path("detection").asText()).isEqualTo("uncommon-port");
        assertThat(json.path("severity").asText()).isEqualTo("high");
        assertThat(json.path("host").path("ip").asText()).isEqualTo("10.0.0.5");
        assertThat(json.path("destination").path("port").asInt()).isEqualTo(4444);
        assertThat(json.path("evidence")).hasSize(2);
    }

    @Test
    void basicCredentialsFromTheEnvironmentAndNoSignatureWithoutASecret() throws Exception {
        started(config(null, "quietwatch", "HOOK_PW", null, null));
        peer.reply(204, "");
        assertThat(sink.deliver(TestAlerts.typical()).outcome()).isEqualTo(Outcome.DELIVERED);
        ScriptedPeer.Request r = peer.only();
        assertThat(new String(Base64.getDecoder().decode(r.header("Authorization").substring("Basic ".length())),
                StandardCharsets.UTF_8)).isEqualTo("quietwatch:pw:with:colons");
        assertThat(r.header("X-QuietWatch-Signature")).isNull();
        assertThat(r.header("X-QuietWatch-Timestamp")).isNull();
    }

    @Test
    void classifiesScriptedFailures() throws Exception {
        started(config(null, null, null, null, null));
        FailureScript.run(peer, sink, TestAlerts.typical(), 201);
    }

    @Test
    void hostileAlertTextStaysInsideTheJsonBody() throws Exception {
        started(config("tok", null, null, null, null));
        peer.reply(200, "");
        Alert alert = TestAlerts.hostile();
        assertThat(sink.deliver(alert).outcome()).isEqualTo(Outcome.DELIVERED);
        ScriptedPeer.Request r = peer.only();
        for (String h : TestAlerts.INJECTED_HEADERS) {
            assertThat(r.header(h)).as(h).isNull();
        }
        assertThat(r.headers().keySet()).allSatisfy(k -> assertThat(k).doesNotContainIgnoringCase("injected"));
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.path("host").path("ip").asText()).isEqualTo(alert.hostIp());
        assertThat(json.path("user").path("name").asText()).isEqualTo(alert.userName());
        assertThat(json.path("evidence").get(0).path("url").path("original").asText()).contains(TestAlerts.JNDI, "\r\nX-Injected");
        assertThat(r.text()).doesNotContain("\r", "\n");
    }

    @Test
    void refusesToStartListingEveryProblem() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "x");
        headers.put("Content-Length", "1");
        headers.put("X-Bad", "a\r\nX-Evil: 1");
        headers.put("Idempotency-Key", "mine");
        headers.put("Authorization", "Bearer other");
        WebhookSinkConfig c = new WebhookSinkConfig("hook", "ftp://x", "t", null, null, "u", null, null, null,
                "s", "f", null, headers, 0, 301);
        sink = new WebhookSink(c, SecretSource.system(home), CLOCK);
        assertThatThrownBy(sink::start).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).containsExactly(
                        "url: must start with https:// or http://",
                        "hmac_secret: give only one of hmac_secret, hmac_secret_file, hmac_secret_env",
                        "bearer_token: give either bearer_token or username and password, not both",
                        "password: is required with username",
                        "headers: 'Host' is set by the HTTP client and cannot be configured",
                        "headers: 'Content-Length' is set by the HTTP client and cannot be configured",
                        "headers: the value of 'X-Bad' contains a line break",
                        "headers: 'Idempotency-Key' is set by the sink",
                        "headers: 'Authorization' clashes with bearer_token or username/password",
                        "connect_timeout_seconds: must be between 1 and 300",
                        "request_timeout_seconds: must be between 1 and 300"));
    }

    @Test
    void unreadableSecretsStopTheStart() {
        sink = new WebhookSink(new WebhookSinkConfig("hook", peer.url("/"), null, "missing-token", null, null, null,
                null, null, null, null, "QW_NOT_SET_ANYWHERE", null, null, null), new SecretSource(home, n -> null), CLOCK);
        assertThatThrownBy(sink::start).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("bearer_token_file: cannot read "),
                        p -> assertThat(p).isEqualTo("hmac_secret_env: the environment variable QW_NOT_SET_ANYWHERE is not set")));
        assertThat(sink.deliver(TestAlerts.typical()).outcome()).isEqualTo(Outcome.RETRY_LATER);
    }

    @Test
    void toStringMasksSecretsHeaderValuesAndUrlPaths() {
        WebhookSinkConfig c = new WebhookSinkConfig("hook", "https://hooks.example.com/services/T0/B0/s3cr3tpath",
                "tok-s3cr3t", null, null, null, null, null, null, "hmac-s3cr3t", null, null,
                Map.of("X-Api-Key", "key-s3cr3t"), null, null);
        assertThat(c.toString()).doesNotContain("s3cr3t").contains("bearer_token=****", "hmac_secret=****",
                "X-Api-Key=****", "https://hooks.example.com/");
    }
}
