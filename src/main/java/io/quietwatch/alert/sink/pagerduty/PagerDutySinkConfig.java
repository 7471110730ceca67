package io.quietwatch.alert.sink.pagerduty;

import io.quietwatch.alert.sink.http.ConfigText;
import io.quietwatch.alert.sink.http.HttpTimeouts;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.Secret;
import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * PagerDuty Events API v2 ({@code type: pagerduty}).
 *
 * @param name                  sink name (default {@code pagerduty})
 * @param url                   events endpoint (default {@code https://events.pagerduty.com/v2/enqueue})
 * @param routingKey            the service integration's routing key (required); or {@code routing_key_file}, {@code routing_key_env}
 * @param group                 optional {@code payload.group}, e.g. the site or network the alerts come from
 * @param clientUrl             optional link shown with the incident (e.g. the QuietWatch dashboard)
 * @param connectTimeoutSeconds default 5
 * @param requestTimeoutSeconds default 10
 */
public record PagerDutySinkConfig(
        String name,
        String url,
        String routingKey,
        String routingKeyFile,
        String routingKeyEnv,
        String group,
        String clientUrl,
        Integer connectTimeoutSeconds,
        Integer requestTimeoutSeconds) implements SinkConfig {

    public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

    public PagerDutySinkConfig {
        name = name == null ? "pagerduty" : name;
        url = url == null ? DEFAULT_URL : url;
    }

    public Secret routingKeySecret() {
        return new Secret("routing_key", routingKey, routingKeyFile, routingKeyEnv);
    }

    public HttpTimeouts timeouts() {
        return HttpTimeouts.of(connectTimeoutSeconds, requestTimeoutSeconds);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        String u = HttpUrls.problem("url", url);
        if (u != null) {
            p.add(u);
        }
        if (!routingKeySecret().given()) {
            p.add("routing_key: is required (or routing_key_file, routing_key_env)");
        }
        p.addAll(routingKeySecret().problems());
        if (clientUrl != null) {
            String c = HttpUrls.problem("client_url", clientUrl);
            if (c != null) {
                p.add(c);
            }
        }
        p.addAll(timeouts().problems());
        return p;
    }

    @Override
    public String toString() {
        return new ConfigText("PagerDutySinkConfig").add("name", name).url("url", url).secret(routingKeySecret())
                .add("group", group).url("client_url", clientUrl)
                .add("connect_timeout_seconds", connectTimeoutSeconds).add("request_timeout_seconds", requestTimeoutSeconds)
                .toString();
    }
}
