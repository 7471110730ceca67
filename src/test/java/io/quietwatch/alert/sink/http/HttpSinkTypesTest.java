package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.alert.sink.jira.JiraSinkConfig;
import io.quietwatch.alert.sink.pagerduty.PagerDutySinkConfig;
import io.quietwatch.alert.sink.servicenow.ServiceNowSinkConfig;
import io.quietwatch.alert.sink.thehive.TheHiveSinkConfig;
import io.quietwatch.alert.sink.webhook.WebhookSinkConfig;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.ConfigProblem;
import io.quietwatch.config.SinkConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The five HTTP sink types are discovered and bound from YAML like every sink: the README examples parse. */
class HttpSinkTypesTest {
    /** The README's example, one entry per sink. */
    static final String EXAMPLES = """
            sinks:
              - type: webhook
                name: soc-hook
                url: https://hooks.example.com/quietwatch
                bearer_token_env: QW_HOOK_TOKEN
                hmac_secret_file: conf/secrets/hook-hmac
                headers:
                  X-Team: soc
                request_timeout_seconds: 5
              - type: pagerduty
                routing_key_file: conf/secrets/pagerduty-routing-key
                group: head-office
              - type: jira
                flavour: cloud
                base_url: https://example.atlassian.net
                project_key: SEC
                issue_type: Task
                labels: [quietwatch, network]
                priorities: {critical: Highest, high: High, medium: Medium, low: Low}
                email: soc-bot@example.com
                api_token_env: QW_JIRA_TOKEN
              - type: jira
                name: jira-dc
                flavour: datacenter
                base_url: https://jira.example.com/jira
                project_key: SEC
                personal_access_token_file: conf/secrets/jira-pat
                dedupe_search: false
              - type: servicenow
                instance_url: https://example.service-now.com
                username: quietwatch.integration
                password_env: QW_SNOW_PASSWORD
                assignment_group: Security Operations
                category: security
              - type: thehive
                url: https://thehive.example.com
                api_key_env: QW_THEHIVE_KEY
                organisation: SOC
                tags: [quietwatch]
                tlp: 2
                pap: 2
            """;

    @Test
    void theTypesAreDiscovered() {
        Map<String, SinkType> all = SinkType.all();
        assertThat(all).containsKeys("webhook", "pagerduty", "jira", "servicenow", "thehive");
        assertThat(all.get("webhook").configClass()).isEqualTo(WebhookSinkConfig.class);
        assertThat(all.get("pagerduty").configClass()).isEqualTo(PagerDutySinkConfig.class);
        assertThat(all.get("jira").configClass()).isEqualTo(JiraSinkConfig.class);
        assertThat(all.get("servicenow").configClass()).isEqualTo(ServiceNowSinkConfig.class);
        assertThat(all.get("thehive").configClass()).isEqualTo(TheHiveSinkConfig.class);
    }

    @Test
    void theReadmeExamplesBindWithSnakeCaseKeys() {
        ConfigLoader.Result r = new ConfigLoader(Set.of()).parse(EXAMPLES, "q.yaml");
        assertThat(r.problems()).isEmpty();
        List<SinkConfig> sinks = r.config().sinks();
        assertThat(sinks).extracting(SinkConfig::name)
                .containsExactly("soc-hook", "pagerduty", "jira", "jira-dc", "servicenow", "thehive");
        WebhookSinkConfig hook = (WebhookSinkConfig) sinks.get(0);
        assertThat(hook.bearerTokenEnv()).isEqualTo("QW_HOOK_TOKEN");
        assertThat(hook.hmacSecretFile()).isEqualTo("conf/secrets/hook-hmac");
        assertThat(hook.headers()).containsEntry("X-Team", "soc");
        assertThat(hook.timeouts()).isEqualTo(new HttpTimeouts(5, 5));
        assertThat(((PagerDutySinkConfig) sinks.get(1)).url()).isEqualTo(PagerDutySinkConfig.DEFAULT_URL);
        JiraSinkConfig jira = (JiraSinkConfig) sinks.get(2);
        assertThat(jira.priorities()).containsEntry("critical", "Highest");
        assertThat(jira.apiTokenEnv()).isEqualTo("QW_JIRA_TOKEN");
        JiraSinkConfig dc = (JiraSinkConfig) sinks.get(3);
        assertThat(dc.cloud()).isFalse();
        assertThat(dc.dedupeSearch()).isFalse();
        assertThat(((ServiceNowSinkConfig) sinks.get(4)).assignmentGroup()).isEqualTo("Security Operations");
        assertThat(((TheHiveSinkConfig) sinks.get(5)).organisation()).isEqualTo("SOC");
    }

    @Test
    void unknownKeysAndBadValuesAreReportedAtTheirLines() {
        String yaml = """
                sinks:
                  - type: webhook
                    url: ftp://example.com/
                    bearer_tokn: x
                  - type: jira
                    base_url: https://example.atlassian.net
                    project_key: SEC
                    email: soc@example.com
                """;
        ConfigLoader.Result r = new ConfigLoader(Set.of()).parse(yaml, "q.yaml");
        assertThat(r.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("q.yaml:4:").contains("unknown key 'bearer_tokn'"));
        ConfigLoader.Result values = new ConfigLoader(Set.of()).parse(yaml.replace("    bearer_tokn: x\n", ""), "q.yaml");
        assertThat(values.problems()).extracting(ConfigProblem::toString).contains(
                "q.yaml:3:10: sinks[0].url: must start with https:// or http://",
                "q.yaml:4:5: sinks[1].api_token: is required for Jira Cloud (or api_token_file, api_token_env)");
    }

    @Test
    void theTypesMakeSinksThatReadSecretsFromHome() throws Exception {
        SinkType.Context context = new SinkType.Context(Path.of("/nonexistent-home"), Clock.systemUTC());
        SinkConfig c = new TheHiveSinkConfig(null, "https://hive", null, "key", null, null, null, null, null, null, null, null);
        try (AlertSink sink = SinkType.all().get("thehive").create(c, context)) {
            assertThat(sink.name()).isEqualTo("thehive");
            org.assertj.core.api.Assertions.assertThatThrownBy(sink::start)
                    .hasMessageContaining("api_key_file: cannot read /nonexistent-home/key");
        }
    }
}
