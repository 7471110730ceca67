package io.quietwatch.engine;

/**
 * A problem in a rule file, positioned in the file (1-based line and column).
 *
 * @param file    the file as the admin named it (e.g. {@code epl-rules/http-tunnel.epl})
 * @param line    line in the file
 * @param column  column in the line
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
