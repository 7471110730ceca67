package io.quietwatch.alert.sink.servicenow;

import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.ConfigText;
import io.quietwatch.alert.sink.http.HeaderValues;
import io.quietwatch.alert.sink.http.HttpTimeouts;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.Secret;
import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * ServiceNow incidents through the Table API ({@code type: servicenow}).
 *
 * @param name                  sink name (default {@code servicenow})
 * @param instanceUrl           the instance, e.g. {@code https://example.service-now.com} (required)
 * @param table                 table to insert into (default {@code incident})
 * @param username              user for basic authentication, with {@code password}
 * @param password              password; or {@code password_file}, {@code password_env}
 * @param bearerToken           OAuth access token instead of a user and password; or {@code _file}, {@code _env}
 * @param callerId              optional {@code caller_id} (sys_id or user name)
 * @param assignmentGroup       optional {@code assignment_group} (sys_id or group name)
 * @param category              optional {@code category}
 * @param dedupeSearch          look for a record with {@code correlation_id} = alert id before inserting (default true)
 * @param connectTimeoutSeconds default 5
 * @param requestTimeoutSeconds default 10
 */
public record ServiceNowSinkConfig(
        String name,
        String instanceUrl,
        String table,
        String username,
        String password,
        String passwordFile,
        String passwordEnv,
        String bearerToken,
        String bearerTokenFile,
        String bearerTokenEnv,
        String callerId,
        String assignmentGroup,
        String category,
        Boolean dedupeSearch,
        Integer connectTimeoutSeconds,
        Integer requestTimeoutSeconds) implements SinkConfig {

    public ServiceNowSinkConfig {
        name = name == null ? "servicenow" : name;
        table = table == null ? "incident" : table;
        dedupeSearch = dedupeSearch == null || dedupeSearch;
    }

    public Secret passwordSecret() {
        return new Secret("password", password, passwordFile, passwordEnv);
    }

    public Secret bearerTokenSecret() {
        return new Secret("bearer_token", bearerToken, bearerTokenFile, bearerTokenEnv);
    }

    public HttpTimeouts timeouts() {
        return HttpTimeouts.of(connectTimeoutSeconds, requestTimeoutSeconds);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        String u = HttpUrls.problem("instance_url", instanceUrl);
        if (u != null) {
            p.add(u);
        }
        if (!isTableName(table)) {
            p.add("table: '" + AlertText.oneLine(table, 60) + "' is not a table name (lower-case letters, digits, underscores)");
        }
        p.addAll(passwordSecret().problems());
        p.addAll(bearerTokenSecret().problems());
        boolean basic = username != null || passwordSecret().given();
        if (basic && bearerTokenSecret().given()) {
            p.add("bearer_token: give either bearer_token or username and password, not both");
        } else if (!basic && !bearerTokenSecret().given()) {
            p.add("username: username and password (or bearer_token) are required");
        } else if (basic && (username == null || !passwordSecret().given())) {
            p.add(username == null ? "username: is required with password" : "password: is required with username");
        }
        if (username != null && (HeaderValues.valueProblem(username) != null || username.indexOf(':') >= 0)) {
            p.add("username: must not contain ':' or control characters");
        }
        p.addAll(timeouts().problems());
        return p;
    }

    private static boolean isTableName(String t) {
        if (t.isEmpty() || t.length() > 80) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new ConfigText("ServiceNowSinkConfig").add("name", name).url("instance_url", instanceUrl)
                .add("table", table).add("username", username).secret(passwordSecret()).secret(bearerTokenSecret())
                .add("caller_id", callerId).add("assignment_group", assignmentGroup).add("category", category)
                .add("dedupe_search", dedupeSearch)
                .add("connect_timeout_seconds", connectTimeoutSeconds).add("request_timeout_seconds", requestTimeoutSeconds)
                .toString();
    }
}
