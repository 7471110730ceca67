package io.quietwatch.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store's contract on the embedded H2 database, a fresh file per test. */
class JdbcAlertStoreTest extends AlertStoreContract {
    @TempDir
    Path dir;

    @Override
    JdbcAlertStore.Target target() {
        return new JdbcAlertStore.Target("jdbc:h2:file:" + dir.resolve("alerts-db"), null, null);
    }

    @Override
    JdbcAlertStore.Target credentialsTarget() {
        return new JdbcAlertStore.Target("jdbc:h2:file:" + dir.resolve("guarded-db"), "quietwatch", "s3cret-pass");
    }

    @Override
    void emptyDatabase() {
        // a new temporary folder per test
    }
}
