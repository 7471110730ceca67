package io.quietwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JSON API of a real daemon fed by {@link DashboardFixture}: each endpoint returns the planted data,
 * behind the login, with the security headers; acknowledging needs the CSRF token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
    private DashboardFixture fixture;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String cookie;
    private String csrf;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        fixture = new DashboardFixture(home);
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("user", DashboardFixture.USER, "password", DashboardFixture.PASSWORD)))));
        assertThat(login.statusCode()).isEqualTo(200);
        String set = login.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = set.substring(0, set.indexOf(';'));
        csrf = json.readTree(login.body()).path("csrf_token").asText();
        // the last hour closes at the engine's next minute tick
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/scan-trend").path("ranks").size() > 0);
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private URI uri(String path) {
        return URI.create(fixture.baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getResponse(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = getResponse(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void uncommonPortsShowThePlantedPortAndItsHost() throws Exception {
        JsonNode ports = get("/api/uncommon-ports").path("ports");
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).path("port").asInt()).isEqualTo(4444);
        assertThat(ports.get(0).path("hosts").asLong()).isEqualTo(1);
        assertThat(ports.get(0).path("connections").asLong()).isEqualTo(1);
        assertThat(ports.get(0).path("bytes").asLong()).isEqualTo(98765);
        assertThat(ports.get(0).path("firstSeen").asLong()).isEqualTo(DashboardFixture.T0 + 3 * DashboardFixture.HOUR + 10 * 60_000L);
        JsonNode hosts = get("/api/uncommon-ports/hosts?transport=tcp&port=4444").path("hosts");
        assertThat(texts(hosts, "hostIp")).containsExactly("10.1.0.20");
        assertThat(getResponse("/api/uncommon-ports/hosts?transport=icmp&port=4444").statusCode()).isEqualTo(400);
    }

    @Test
    void tunnelsShowTheOpenSessionWithItsDurationAndTheClosedOneWithUserAndBytes() throws Exception {
        JsonNode t = get("/api/http-tunnels");
        JsonNode open = t.path("open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("hostIp").asText()).isEqualTo(DashboardFixture.OPEN_HOST);
        assertThat(open.get(0).path("destinationIp").asText()).isEqualTo(DashboardFixture.OPEN_DESTINATION);
        assertThat(open.get(0).path("startTime").asLong()).isEqualTo(DashboardFixture.OPEN_START);
        long expected = (t.path("engine_time").asLong() - DashboardFixture.OPEN_START) / 1000;
        assertThat(open.get(0).path("durationSeconds").asLong()).isEqualTo(expected).isGreaterThanOrEqualTo(4 * 3600 + 52 * 60);
        JsonNode closed = t.path("closed");
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).path("hostIp").asText()).isEqualTo(DashboardFixture.CLOSED_HOST);
        assertThat(closed.get(0).path("durationSeconds").asLong()).isEqualTo(7207);
        assertThat(closed.get(0).path("bytes").asLong()).isEqualTo(1234567);
        assertThat(texts(t.path("daily"), "hostIp")).containsExactly(DashboardFixture.CLOSED_HOST);
        assertThat(t.path("daily").get(0).path("totalSeconds").asLong()).isEqualTo(7207);
    }

    @Test
    void downloadsShowBothExecutablesWithTheirUrlsAsData() throws Exception {
        JsonNode d = get("/api/downloads").path("downloads");
        assertThat(texts(d, "url")).containsExactlyInAnyOrder("http://files.example.com/tools/setup.exe", DashboardFixture.XSS_URL);
        assertThat(texts(d, "user_name")).contains("bob", DashboardFixture.XSS_USER);
    }

    @Test
    void natSuspectsShowTheBoxWithTwoTtlFamilies() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/nat-suspects").path("suspects").size() == 1);
        JsonNode s = get("/api/nat-suspects").path("suspects").get(0);
        assertThat(s.path("hostIp").asText()).isEqualTo(DashboardFixture.NAT_HOST);
        assertThat(s.path("ttlFamilies").asInt()).isEqualTo(2);
        assertThat(s.path("estimatedHosts").asInt()).isEqualTo(2);
        assertThat(texts(s.path("families"), "family")).containsExactlyInAnyOrder("64", "128");
    }

    @Test
    void scanTrendChartsTheSurgeOn23AgainstItsBaseline() throws Exception {
        JsonNode o = get("/api/scan-trend");
        assertThat(o.path("hours")).hasSize(24);
        assertThat(o.path("hours").get(23).asLong()).isEqualTo(DashboardFixture.T0 + 5 * DashboardFixture.HOUR);
        JsonNode ranks = o.path("ranks");
        assertThat(texts(ranks, "port")).containsExactly("23", "445");
        assertThat(ranks.get(0).path("packets").asLong()).isEqualTo(3 * 5 + 30);
        assertThat(ranks.get(1).path("packets").asLong()).isEqualTo(12);
        JsonNode p23 = o.path("ports").get(0);
        assertThat(p23.path("port").asInt()).isEqualTo(23);
        JsonNode last = p23.path("points").get(23);
        assertThat(last.path("packets").asLong()).isEqualTo(30);
        assertThat(last.path("mean").asDouble()).isEqualTo(3.0);
        assertThat(last.path("baselineHours").asInt()).isEqualTo(5);
    }

    @Test
    void alertsFilterAndAcknowledgeWithTheCsrfToken() throws Exception {
        JsonNode all = get("/api/alerts");
        assertThat(texts(all.path("alerts"), "detection")).contains("http-tunnel", "executable-download", "nat-device");
        JsonNode byHost = get("/api/alerts?host=" + DashboardFixture.CLOSED_HOST);
        assertThat(byHost.path("total").asLong()).isEqualTo(1);
        JsonNode closed = byHost.path("alerts").get(0);
        // one incident per connection: raised while it was open, its closing folds into it
        assertThat(closed.path("rule").asText()).isEqualTo("http-tunnel-open");
        JsonNode dl = get("/api/alerts?detection=executable-download&severity=high");
        assertThat(texts(dl.path("alerts"), "detection")).containsOnly("executable-download");
        assertThat(getResponse("/api/alerts?severity=urgent").statusCode()).isEqualTo(400);

        String id = closed.path("id").asText();
        String path = "/api/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        JsonNode detail = get(path);
        assertThat(detail.path("evidence").get(0).path("event").path("original").asText()).contains("Built outbound TCP connection 4243");
        assertThat(detail.path("acknowledged").isNull()).isTrue();

        HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri(path + "/acknowledge")).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(get(path).path("acknowledged").isNull()).isTrue();
        HttpResponse<String> ack = send(HttpRequest.newBuilder(uri(path + "/acknowledge")).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(get(path).path("acknowledged").path("by").asText()).isEqualTo(DashboardFixture.USER);
        assertThat(get("/api/alerts?acknowledged=false&host=" + DashboardFixture.CLOSED_HOST).path("total").asLong()).isZero();
    }

    @Test
    void healthCountsTheFixtureAndMetricsNeedALogin() throws Exception {
        JsonNode h = get("/api/health");
        assertThat(h.path("processed").asLong()).isEqualTo(fixture.sent);
        assertThat(h.path("unparsed").asLong()).as("every fixture line parses").isZero();
        assertThat(h.path("inputs").get(0).path("name").asText()).isEqualTo("tcp-in");
        assertThat(h.path("inputs").get(0).path("received").asLong()).isEqualTo(fixture.sent);
        assertThat(texts(h.path("rules"), "name")).contains("http-tunnel-closed", "nat-device");
        assertThat(h.path("sinks").path("file").path("healthy").asBoolean()).isTrue();

        HttpResponse<String> open = send(HttpRequest.newBuilder(uri("/health")));
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json.readTree(open.body()).path("status").asText()).isEqualTo("up");
        assertThat(send(HttpRequest.newBuilder(uri("/metrics"))).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = getResponse("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("quietwatch_");
    }

    @Test
    void withoutALoginEveryEndpointRefusesAndHeadersAreSet() throws Exception {
        for (String path : List.of("/api/uncommon-ports", "/api/http-tunnels", "/api/downloads", "/api/nat-suspects",
                "/api/scan-trend", "/api/alerts", "/api/health")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)));
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            HttpResponse<String> ok = getResponse(path);
            assertThat(ok.headers().firstValue("Content-Security-Policy")).as(path).get().asString().startsWith("default-src 'self'");
            assertThat(ok.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(ok.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(ok.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        }
    }
}
