package io.quietwatch.cli;

import io.quietwatch.config.ConfigLoader;
import io.quietwatch.web.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quietwatch passwd --stdin}: the printed users: entry is valid config and its hash checks the password. */
class PasswdCommandTest {
    private final InputStream stdin = System.in;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private int run(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void printsAUsersEntryTheConfigAccepts() {
        assertThat(run("s3cret passphrase\n", "passwd", "--stdin", "--iterations", "100000", "alice")).isZero();
        String entry = out.toString().strip();
        assertThat(entry).startsWith("- {name: alice, password_hash: \"pbkdf2-sha256$100000$");
        ConfigLoader.Result r = new ConfigLoader(Set.of()).parse("dashboard:\n  users:\n    " + entry + "\n", "q.yaml");
        assertThat(r.problems()).isEmpty();
        String hash = r.config().dashboard().users().get(0).passwordHash();
        assertThat(PasswordHash.parse(hash).matches("s3cret passphrase".toCharArray())).isTrue();
        assertThat(PasswordHash.parse(hash).matches("s3cret passphrasf".toCharArray())).isFalse();
    }

    @Test
    void refusesShortPasswordsBadNamesAndCheapHashes() {
        assertThat(run("short\n", "passwd", "--stdin")).isEqualTo(Main.EXIT_INVALID);
        assertThat(err.toString()).contains("at least 8 characters");
        assertThat(run("long enough password\n", "passwd", "--stdin", "bob smith")).isEqualTo(Main.EXIT_INVALID);
        assertThat(run("long enough password\n", "passwd", "--stdin", "--iterations", "1000")).isEqualTo(Main.EXIT_INVALID);
        assertThat(run("long enough password\n", "passwd", "--stdin", "--iterations", "20000000")).isEqualTo(Main.EXIT_INVALID);
        assertThat(err.toString()).contains("--iterations must be between 100000 and 10000000");
        assertThat(out.toString()).isEmpty();
    }
}
