package io.quietwatch.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The store's contract on a real PostgreSQL server (JdbcAlertStoreTest runs it on embedded H2), whose
 * JDBC URL (with user and password) comes from {@code QW_TEST_POSTGRES_URL}; {@code .ci/run} starts the
 * server and sets it. Without it the tests fail, so CI cannot pass without the server; a developer without
 * PostgreSQL skips them with {@code -Dqw.test.skipPostgres=true}.
 */
class JdbcAlertStoreIT extends AlertStoreContract {
    static final String URL_VARIABLE = "QW_TEST_POSTGRES_URL";

    @Override
    JdbcAlertStore.Target target() {
        return new JdbcAlertStore.Target(postgresUrl(), null, null);
    }

    /** The test URL without its query, and the user and password its query names. */
    @Override
    JdbcAlertStore.Target credentialsTarget() {
        String url = postgresUrl();
        int q = url.indexOf('?');
        java.util.Map<String, String> params = new java.util.HashMap<>();
        for (String pair : q < 0 ? new String[0] : url.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return new JdbcAlertStore.Target(q < 0 ? url : url.substring(0, q), params.get("user"), params.get("password"));
    }

    @Override
    void emptyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS qw_alerts");
            s.execute("DROP TABLE IF EXISTS qw_schema_version");
        }
    }

    static String postgresUrl() {
        assumeFalse(Boolean.getBoolean("qw.test.skipPostgres"), "PostgreSQL runs skipped by -Dqw.test.skipPostgres=true");
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            fail(URL_VARIABLE + " is not set: run .ci/run (it starts PostgreSQL and sets it), set it to a jdbc:postgresql:// URL, "
                    + "or skip the PostgreSQL runs with -Dqw.test.skipPostgres=true");
        }
        return url;
    }
}
