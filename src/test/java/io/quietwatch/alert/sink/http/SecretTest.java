package io.quietwatch.alert.sink.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {
    @TempDir
    Path home;

    private SecretSource source() {
        return new SecretSource(home, Map.of("QW_TOKEN", "from-env", "QW_BAD", "a\r\nX-Evil: 1")::get);
    }

    @Test
    void readsInlineFileOrEnvironment() throws Exception {
        Files.writeString(home.resolve("token.txt"), "from-file\n");
        List<String> problems = new ArrayList<>();
        assertThat(new Secret("api_token", "inline", null, null).resolve(source(), problems)).isEqualTo("inline");
        assertThat(new Secret("api_token", null, "token.txt", null).resolve(source(), problems)).isEqualTo("from-file");
        assertThat(new Secret("api_token", null, home.resolve("token.txt").toString(), null).resolve(source(), problems))
                .isEqualTo("from-file");
        assertThat(new Secret("api_token", null, null, "QW_TOKEN").resolve(source(), problems)).isEqualTo("from-env");
        assertThat(problems).isEmpty();
    }

    @Test
    void unreadableEmptyOrMultiLineSecretsAreProblems() throws Exception {
        Files.writeString(home.resolve("two-lines"), "abc\r\nX-Evil: 1\n");
        Files.writeString(home.resolve("empty"), "\n");
        List<String> problems = new ArrayList<>();
        assertThat(new Secret("password", null, "missing.txt", null).resolve(source(), problems)).isNull();
        assertThat(new Secret("password", null, null, "QW_UNSET").resolve(source(), problems)).isNull();
        assertThat(new Secret("password", null, null, "QW_BAD").resolve(source(), problems)).isNull();
        assertThat(new Secret("password", null, "two-lines", null).resolve(source(), problems)).isNull();
        assertThat(new Secret("password", null, "empty", null).resolve(source(), problems)).isNull();
        assertThat(problems).satisfiesExactly(
                p -> assertThat(p).startsWith("password_file: cannot read ").contains("missing.txt"),
                p -> assertThat(p).isEqualTo("password_env: the environment variable QW_UNSET is not set"),
                p -> assertThat(p).isEqualTo("password_env: the secret contains a line break"),
                p -> assertThat(p).isEqualTo("password_file: the secret contains a line break"),
                p -> assertThat(p).isEqualTo("password_file: the secret is empty"));
        assertThat(String.join(" ", problems)).doesNotContain("abc", "X-Evil");
    }

    @Test
    void settingProblemsAndMasking() {
        assertThat(new Secret("api_token", "x", "f", null).problems())
                .containsExactly("api_token: give only one of api_token, api_token_file, api_token_env");
        assertThat(new Secret("api_token", "", null, null).problems())
                .containsExactly("api_token: must not be empty");
        assertThat(new Secret("api_token", null, null, "1BAD-NAME").problems())
                .containsExactly("api_token_env: '1BAD-NAME' is not an environment variable name");
        assertThat(new Secret("api_token", "s3cr3t", null, null)).hasToString("api_token=****");
        assertThat(new Secret("api_token", null, "/run/secrets/t", null)).hasToString("api_token_file=/run/secrets/t");
        assertThat(new Secret("api_token", null, null, "T")).hasToString("api_token_env=T");
        assertThat(new Secret("api_token", null, null, null).given()).isFalse();
    }
}
