package io.quietwatch.alert.sink.jira;

import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.ConfigText;
import io.quietwatch.alert.sink.http.HeaderValues;
import io.quietwatch.alert.sink.http.HttpTimeouts;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.Secret;
import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira issues ({@code type: jira}), on Jira Cloud (REST v3, Atlassian Document Format) or Jira Data
 * Center / Server (REST v2, wiki markup).
 *
 * @param name                  sink name (default {@code jira})
 * @param flavour               {@code cloud} (default) or {@code datacenter}
 * @param baseUrl               the site, e.g. {@code https://example.atlassian.net} or {@code https://jira.example.com/jira} (required)
 * @param projectKey            project the issues go to, e.g. {@code SEC} (required)
 * @param issueType             issue type name (default {@code Task})
 * @param labels                labels on every issue (default {@code [quietwatch]}); {@code qw-<alert id>} is always added
 * @param priorities            optional priority name per severity ({@code critical: Highest}); no priority is sent when absent
 * @param email                 Cloud: the account's e-mail address, with {@code api_token}
 * @param apiToken              Cloud: API token; or {@code api_token_file}, {@code api_token_env}
 * @param personalAccessToken   Data Center: personal access token (sent as bearer); or {@code _file}, {@code _env}
 * @param username              Data Center: user for basic authentication, with {@code password}
 * @param password              Data Center: password; or {@code password_file}, {@code password_env}
 * @param dedupeSearch          search for an issue labelled {@code qw-<alert id>} before creating one (default true)
 * @param connectTimeoutSeconds default 5
 * @param requestTimeoutSeconds default 10
 */
public record JiraSinkConfig(
        String name,
        String flavour,
        String baseUrl,
        String projectKey,
        String issueType,
        List<String> labels,
        Map<String, String> priorities,
        String email,
        String apiToken,
        String apiTokenFile,
        String apiTokenEnv,
        String personalAccessToken,
        String personalAccessTokenFile,
        String personalAccessTokenEnv,
        String username,
        String password,
        String passwordFile,
        String passwordEnv,
        Boolean dedupeSearch,
        Integer connectTimeoutSeconds,
        Integer requestTimeoutSeconds) implements SinkConfig {

    public static final String CLOUD = "cloud";
    public static final String DATACENTER = "datacenter";

    public JiraSinkConfig {
        name = name == null ? "jira" : name;
        flavour = flavour == null ? CLOUD : flavour.strip();
        issueType = issueType == null ? "Task" : issueType;
        labels = labels == null ? List.of("quietwatch") : Collections.unmodifiableList(new ArrayList<>(labels));
        priorities = priorities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(priorities));
        dedupeSearch = dedupeSearch == null || dedupeSearch;
    }

    public boolean cloud() {
        return CLOUD.equals(flavour);
    }

    public Secret apiTokenSecret() {
        return new Secret("api_token", apiToken, apiTokenFile, apiTokenEnv);
    }

    public Secret personalAccessTokenSecret() {
        return new Secret("personal_access_token", personalAccessToken, personalAccessTokenFile, personalAccessTokenEnv);
    }

    public Secret passwordSecret() {
        return new Secret("password", password, passwordFile, passwordEnv);
    }

    public HttpTimeouts timeouts() {
        return HttpTimeouts.of(connectTimeoutSeconds, requestTimeoutSeconds);
    }

    /** The configured priority name for {@code severity}, or null. */
    public String priorityFor(AlertSeverity severity) {
        return priorities.get(severity.word());
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!CLOUD.equals(flavour) && !DATACENTER.equals(flavour)) {
            p.add("flavour: '" + AlertText.oneLine(flavour, 40) + "' is not one of cloud, datacenter");
        }
        String u = HttpUrls.problem("base_url", baseUrl);
        if (u != null) {
            p.add(u);
        }
        if (projectKey == null || !isProjectKey(projectKey)) {
            p.add("project_key: must be a project key such as SEC (letters, digits, underscores, starting with a letter)");
        }
        if (issueType.isBlank() || HeaderValues.valueProblem(issueType) != null) {
            p.add("issue_type: must be an issue type name such as Task");
        }
        for (String label : labels) {
            if (label == null || label.isEmpty() || label.length() > 255 || hasSpaceOrControl(label)) {
                p.add("labels: '" + AlertText.oneLine(label, 60) + "' is not a label (1-255 characters, no spaces)");
            }
        }
        for (Map.Entry<String, String> e : priorities.entrySet()) {
            if (!List.of("low", "medium", "high", "critical").contains(e.getKey())) {
                p.add("priorities: '" + AlertText.oneLine(e.getKey(), 40) + "' is not one of low, medium, high, critical");
            } else if (e.getValue() == null || e.getValue().isBlank()) {
                p.add("priorities: the priority for " + e.getKey() + " is empty");
            }
        }
        p.addAll(apiTokenSecret().problems());
        p.addAll(personalAccessTokenSecret().problems());
        p.addAll(passwordSecret().problems());
        if (CLOUD.equals(flavour)) {
            cloudCredentials(p);
        } else if (DATACENTER.equals(flavour)) {
            dataCenterCredentials(p);
        }
        p.addAll(timeouts().problems());
        return p;
    }

    private void cloudCredentials(List<String> p) {
        if (email == null || email.isBlank()) {
            p.add("email: is required for Jira Cloud (with api_token)");
        } else if (HeaderValues.valueProblem(email) != null || email.indexOf(':') >= 0) {
            p.add("email: is not an e-mail address");
        }
        if (!apiTokenSecret().given()) {
            p.add("api_token: is required for Jira Cloud (or api_token_file, api_token_env)");
        }
        if (personalAccessTokenSecret().given() || username != null || passwordSecret().given()) {
            p.add("flavour: personal_access_token, username and password are for datacenter; Jira Cloud uses email and api_token");
        }
    }

    private void dataCenterCredentials(List<String> p) {
        boolean pat = personalAccessTokenSecret().given();
        boolean basic = username != null || passwordSecret().given();
        if (email != null || apiTokenSecret().given()) {
            p.add("flavour: email and api_token are for cloud; Data Center uses personal_access_token or username and password");
        }
        if (pat && basic) {
            p.add("personal_access_token: give either personal_access_token or username and password, not both");
        } else if (!pat && !basic) {
            p.add("personal_access_token: is required for Data Center (or username and password)");
        } else if (basic && (username == null || !passwordSecret().given())) {
            p.add(username == null ? "username: is required with password" : "password: is required with username");
        }
        if (username != null && (HeaderValues.valueProblem(username) != null || username.indexOf(':') >= 0)) {
            p.add("username: must not contain ':' or control characters");
        }
    }

    private static boolean isProjectKey(String key) {
        if (key.isEmpty() || key.length() > 255 || !Character.isLetter(key.charAt(0))) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSpaceOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return new ConfigText("JiraSinkConfig").add("name", name).add("flavour", flavour).url("base_url", baseUrl)
                .add("project_key", projectKey).add("issue_type", issueType).add("labels", labels)
                .add("priorities", priorities.isEmpty() ? null : priorities).add("email", email)
                .secret(apiTokenSecret()).secret(personalAccessTokenSecret()).add("username", username)
                .secret(passwordSecret()).add("dedupe_search", dedupeSearch)
                .add("connect_timeout_seconds", connectTimeoutSeconds).add("request_timeout_seconds", requestTimeoutSeconds)
                .toString();
    }
}
