package io.quietwatch.cli;

import io.quietwatch.config.DashboardConfig;
import io.quietwatch.web.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code passwd}: reads a dashboard password (twice, without echo, or once from standard input with
 * {@code --stdin}) and prints the {@code users:} entry with its PBKDF2 hash for {@code conf/quietwatch.yaml}.
 */
@Command(name = "passwd", description = "Hash a dashboard password and print the users: entry for conf/quietwatch.yaml.")
final class PasswdCommand implements Callable<Integer> {
    static final int MIN_LENGTH = 8;

    @Parameters(index = "0", paramLabel = "USER", defaultValue = "admin", description = "The user name (default: admin).")
    String user;
    @Option(names = "--stdin", description = "Read the password from the first line of standard input (no prompt).")
    boolean stdin;
    @Option(names = "--iterations", defaultValue = "" + PasswordHash.DEFAULT_ITERATIONS,
            description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}).")
    int iterations;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (!DashboardConfig.User.validName(user)) {
            err.println("quietwatch: a user name holds only letters, digits and . _ @ - (at most 64)");
            return Main.EXIT_INVALID;
        }
        try {
            PasswordHash.checkIterations(iterations);
        } catch (IllegalArgumentException e) {
            err.println("quietwatch: --" + e.getMessage());
            return Main.EXIT_INVALID;
        }
        char[] password = stdin ? fromStdin() : fromConsole();
        if (password == null) {
            return Main.EXIT_INVALID;
        }
        try {
            if (password.length < MIN_LENGTH) {
                err.println("quietwatch: the password must have at least " + MIN_LENGTH + " characters");
                return Main.EXIT_INVALID;
            }
            String hash = PasswordHash.create(password, iterations);
            spec.commandLine().getOut().println("    - {name: " + user + ", password_hash: \"" + hash + "\"}");
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] fromStdin() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private char[] fromConsole() {
        Console console = System.console();
        if (console == null) {
            spec.commandLine().getErr().println("quietwatch: no terminal to read the password from; use --stdin");
            return null;
        }
        char[] first = console.readPassword("Password for %s: ", user);
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            spec.commandLine().getErr().println("quietwatch: the two passwords differ");
            return null;
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
