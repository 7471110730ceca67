package io.quietwatch.config;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code admin.metrics_open}: read, defaulted to closed, and checked with the file's line and column. */
class AdminMetricsConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Set.of("cisco-asa"));

    @Test
    void metricsAreBehindTheTokenUnlessOpened() {
        assertThat(loader.parse("", "q.yaml").config().admin().metricsOpen()).isFalse();
        ConfigLoader.Result r = loader.parse("""
                admin:
                  port: 9600
                  metrics_open: true
                """, "q.yaml");
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().admin()).isEqualTo(new AdminConfig(true, "127.0.0.1", 9600, true));
    }

    @Test
    void openMetricsOnADisabledEndpointAndANonBooleanArePositionedProblems() {
        ConfigLoader.Result disabled = loader.parse("""
                admin:
                  enabled: false
                  metrics_open: true
                """, "q.yaml");
        assertThat(disabled.problems()).extracting(Object::toString).containsExactly(
                "q.yaml:3:17: admin.metrics_open: serves /metrics on the admin endpoint, which is disabled (admin.enabled: false)");

        ConfigLoader.Result notBoolean = loader.parse("""
                admin:
                  metrics_open: sometimes
                """, "q.yaml");
        assertThat(notBoolean.problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("q.yaml:2:");
            assertThat(p.message()).contains("admin.metrics_open");
        });
    }
}
