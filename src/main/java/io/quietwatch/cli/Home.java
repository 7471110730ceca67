package io.quietwatch.cli;

import java.nio.file.Path;

/**
 * The QuietWatch home directory (the parent of {@code bin/}), which relative paths in the config are
 * resolved against. The launcher passes it as {@code -Dquietwatch.home}; without it, the working
 * directory.
 */
final class Home {
    private Home() {
    }

    static Path get() {
        String home = System.getProperty("quietwatch.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
