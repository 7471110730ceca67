package io.quietwatch.alert.sink.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One secret setting (a password, token or key) given in one of three ways: inline ({@code key}),
 * from a file ({@code key_file}, read once at start, trailing line break ignored) or from an
 * environment variable ({@code key_env}). {@link #toString()} never shows the value.
 *
 * @param key   the setting's YAML key, e.g. {@code api_token}
 * @param value the inline value, or null
 * @param file  the file holding it, relative to QuietWatch's home unless absolute, or null
 * @param env   the environment variable holding it, or null
 */
public record Secret(String key, String value, String file, String env) {
    private static final int MAX_FILE_BYTES = 64 * 1024;

    /** Whether any of the three ways was used. */
    public boolean given() {
        return value != null || file != null || env != null;
    }

    /** Problems with the setting itself (before anything is read), each starting with its key. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        int ways = (value != null ? 1 : 0) + (file != null ? 1 : 0) + (env != null ? 1 : 0);
        if (ways > 1) {
            p.add(key + ": give only one of " + key + ", " + key + "_file, " + key + "_env");
        }
        if (value != null && value.isEmpty()) {
            p.add(key + ": must not be empty");
        }
        if (file != null && file.isBlank()) {
            p.add(key + "_file: must name a file");
        }
        if (env != null && !isEnvName(env)) {
            p.add(key + "_env: '" + AlertText.oneLine(env, 60) + "' is not an environment variable name");
        }
        return p;
    }

    /**
     * The secret's value, read from wherever it is; null, with a problem added, when it cannot be read,
     * is empty, or contains a line break or control character (it will go into a header).
     */
    public String resolve(SecretSource source, List<String> problems) {
        String found;
        String where;
        if (value != null) {
            found = value;
            where = key;
        } else if (file != null) {
            where = key + "_file";
            Path path = source.home().resolve(file);
            try {
                if (Files.size(path) > MAX_FILE_BYTES) {
                    problems.add(where + ": " + path + " is larger than " + MAX_FILE_BYTES + " bytes");
                    return null;
                }
                found = stripTrailingLineBreaks(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                problems.add(where + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
                return null;
            }
        } else if (env != null) {
            where = key + "_env";
            found = source.env().apply(env);
            if (found == null) {
                problems.add(where + ": the environment variable " + env + " is not set");
                return null;
            }
        } else {
            return null;
        }
        if (found.isEmpty()) {
            problems.add(where + ": the secret is empty");
            return null;
        }
        String bad = HeaderValues.valueProblem(found);
        if (bad != null) {
            problems.add(where + ": the secret " + bad);
            return null;
        }
        return found;
    }

    private static String stripTrailingLineBreaks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isEnvName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** {@code key=****}, {@code key_file=/path} or {@code key_env=NAME}; never the value. */
    @Override
    public String toString() {
        if (value != null) {
            return key + "=****";
        }
        if (file != null) {
            return key + "_file=" + file;
        }
        if (env != null) {
            return key + "_env=" + env;
        }
        return key + "=(none)";
    }
}
