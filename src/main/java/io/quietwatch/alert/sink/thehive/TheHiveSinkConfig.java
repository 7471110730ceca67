package io.quietwatch.alert.sink.thehive;

import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.ConfigText;
import io.quietwatch.alert.sink.http.HeaderValues;
import io.quietwatch.alert.sink.http.HttpTimeouts;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.Secret;
import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * TheHive 5 alerts ({@code type: thehive}).
 *
 * @param name                  sink name (default {@code thehive})
 * @param url                   TheHive's address, e.g. {@code https://thehive.example.com} (required)
 * @param apiKey                API key of the integration user (required); or {@code api_key_file}, {@code api_key_env}
 * @param organisation          optional organisation to file into ({@code X-Organisation}), for users in several
 * @param tags                  tags on every alert (default {@code [quietwatch]}); the detection id is added
 * @param tlp                   traffic light protocol 0-4 (default 2, amber)
 * @param pap                   permissible actions protocol 0-3 (default 2, amber)
 * @param caseTemplate          optional case template for cases opened from the alerts
 * @param connectTimeoutSeconds default 5
 * @param requestTimeoutSeconds default 10
 */
public record TheHiveSinkConfig(
        String name,
        String url,
        String apiKey,
        String apiKeyFile,
        String apiKeyEnv,
        String organisation,
        List<String> tags,
        Integer tlp,
        Integer pap,
        String caseTemplate,
        Integer connectTimeoutSeconds,
        Integer requestTimeoutSeconds) implements SinkConfig {

    public TheHiveSinkConfig {
        name = name == null ? "thehive" : name;
        tags = tags == null ? List.of("quietwatch") : Collections.unmodifiableList(new ArrayList<>(tags));
        tlp = tlp == null ? 2 : tlp;
        pap = pap == null ? 2 : pap;
    }

    public Secret apiKeySecret() {
        return new Secret("api_key", apiKey, apiKeyFile, apiKeyEnv);
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
        if (!apiKeySecret().given()) {
            p.add("api_key: is required (or api_key_file, api_key_env)");
        }
        p.addAll(apiKeySecret().problems());
        if (organisation != null && (organisation.isBlank() || HeaderValues.valueProblem(organisation) != null)) {
            p.add("organisation: must be an organisation name on one line");
        }
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                p.add("tags: a tag must not be empty");
            }
        }
        if (tlp < 0 || tlp > 4) {
            p.add("tlp: must be between 0 (clear) and 4 (red)");
        }
        if (pap < 0 || pap > 3) {
            p.add("pap: must be between 0 (clear) and 3 (red)");
        }
        if (caseTemplate != null && caseTemplate.isBlank()) {
            p.add("case_template: must not be empty");
        }
        p.addAll(timeouts().problems());
        return p;
    }

    @Override
    public String toString() {
        return new ConfigText("TheHiveSinkConfig").add("name", name).url("url", url).secret(apiKeySecret())
                .add("organisation", organisation == null ? null : AlertText.oneLine(organisation, 100))
                .add("tags", tags).add("tlp", tlp).add("pap", pap).add("case_template", caseTemplate)
                .add("connect_timeout_seconds", connectTimeoutSeconds).add("request_timeout_seconds", requestTimeoutSeconds)
                .toString();
    }
}
