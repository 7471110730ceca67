package io.quietwatch.config;

/**
 * A problem in the configuration, positioned in its file.
 *
 * @param file    the file as named on the command line, or {@code <defaults>}
 * @param line    1-based line (1 when unknown)
 * @param column  1-based column (1 when unknown)
 * @param message what is wrong, starting with the key path ({@code inputs[0].port: ...})
 */
public record ConfigProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
