package io.quietwatch.alert.sink.http;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where {@link Secret}s are read from: files relative to QuietWatch's home, and the environment.
 *
 * @param home folder that relative {@code *_file} paths are resolved against
 * @param env  environment lookup ({@code System::getenv} outside tests)
 */
public record SecretSource(Path home, Function<String, String> env) {
    public SecretSource {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(env, "env");
    }

    /** Files under {@code home}, the process environment. */
    public static SecretSource system(Path home) {
        return new SecretSource(home, System::getenv);
    }
}
