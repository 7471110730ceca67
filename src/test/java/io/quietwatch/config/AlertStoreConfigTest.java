package io.quietwatch.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code alert_store:} section: defaults, keys, and bad values at their line and column. */
class AlertStoreConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Set.of("cisco-asa"));

    @Test
    void defaultsToTheEmbeddedDatabaseUnderHome() {
        AlertStoreConfig c = loader.parse("", "q.yaml").config().alertStore();
        assertThat(c.enabled()).isTrue();
        assertThat(c.retentionDays()).isEqualTo(30);
        assertThat(c.maxAlerts()).isEqualTo(100_000);
        assertThat(c.jdbcUrl(Path.of("/opt/qw"))).isEqualTo("jdbc:h2:file:/opt/qw/var/alerts-db;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(c.embeddedFile(Path.of("/opt/qw"))).isEqualTo(Path.of("/opt/qw/var/alerts-db.mv.db"));
    }

    @Test
    void theShippedConfigurationDescribesTheDefaults() {
        ConfigLoader.Result r = loader.load(Path.of("conf/quietwatch.yaml"), "conf/quietwatch.yaml");
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().alertStore()).isEqualTo(AlertStoreConfig.defaults());
    }

    @Test
    void readsEveryKey() {
        String yaml = """
                alert_store:
                  enabled: true
                  url: jdbc:postgresql://db.example:5432/soc
                  user: quietwatch
                  password_env: QW_DB_PASSWORD
                  retention_days: 90
                  max_alerts: 500000
                  queue_capacity: 2000
                """;
        ConfigLoader.Result r = loader.parse(yaml, "q.yaml");
        assertThat(r.problems()).isEmpty();
        AlertStoreConfig c = r.config().alertStore();
        assertThat(c).isEqualTo(new AlertStoreConfig(true, "jdbc:postgresql://db.example:5432/soc", "quietwatch", null, null,
                "QW_DB_PASSWORD", 90, 500_000, 2000));
        assertThat(c.jdbcUrl(Path.of("/opt/qw"))).isEqualTo("jdbc:postgresql://db.example:5432/soc");
        assertThat(c.embeddedFile(Path.of("/opt/qw"))).isNull();
        assertThat(c.passwordSecret().toString()).isEqualTo("password_env=QW_DB_PASSWORD");
    }

    @Test
    void badValuesAreReportedAtTheirKeys() {
        String yaml = """
                alert_store:
                  url: jdbc:mysql://db/soc
                  password: secret
                  password_file: conf/db.password
                  retention_days: 0
                  max_alerts: -5
                  colour: blue
                """;
        ConfigLoader.Result r = loader.parse(yaml, "conf/q.yaml");
        assertThat(r.problems()).extracting(ConfigProblem::toString).containsExactly(
                "conf/q.yaml:7:3: alert_store.colour: unknown key 'colour'");

        r = loader.parse(yaml.replace("  colour: blue\n", ""), "conf/q.yaml");
        assertThat(r.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "conf/q.yaml:2:8: alert_store.url: 'jdbc:mysql://db/soc' is not a jdbc:h2: or jdbc:postgresql: URL",
                "conf/q.yaml:3:13: alert_store.password: give only one of password, password_file, password_env",
                "conf/q.yaml:5:19: alert_store.retention_days: must be between 1 and 36500",
                "conf/q.yaml:6:15: alert_store.max_alerts: must be between 1 and 100000000");
    }
}
