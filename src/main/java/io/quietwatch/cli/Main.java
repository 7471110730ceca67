package io.quietwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quietwatch} command line. */
@Command(name = "quietwatch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Security event correlation: syslog in, EPL rules, alerts out.",
        subcommands = {RunCommand.class, ParseCommand.class, ReplayCommand.class, ValidateCommand.class,
                TestRulesCommand.class, TestSinkCommand.class, OutboxCommand.class, LoadgenCommand.class, StatusCommand.class, AlertsCommand.class,
                ReloadCommand.class, PasswdCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status for bad configuration, rules or arguments. */
    public static final int EXIT_INVALID = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8)),
                new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true), args);
    }

    /** Runs a command line with the given output streams (tests call this); flushes them. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("quietwatch: " + e.getMessage());
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"QuietWatch " + (v == null ? "(development build)" : v)};
        }
    }
}
