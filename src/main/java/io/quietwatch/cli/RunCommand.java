package io.quietwatch.cli;

import io.quietwatch.config.ConfigLoader;
import io.quietwatch.daemon.Daemon;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the daemon, until SIGTERM or Ctrl-C. */
@Command(name = "run", description = "Run the daemon: listen for syslog, apply the rules, write alerts.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Result r = config.load(spec.commandLine().getErr());
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        Daemon daemon;
        try {
            daemon = Daemon.start(r.config(), Home.get(), Clock.systemUTC());
        } catch (Daemon.StartupException e) {
            spec.commandLine().getErr().println("quietwatch: not started: " + e.getMessage());
            return Main.EXIT_INVALID;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Log4j's own shutdown hook is disabled in its configuration, so the stop sequence can still log
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
            LogManager.shutdown();
        }, "quietwatch-shutdown"));
        reloadOnHangup(daemon);
        LOG.info("QuietWatch running (home {})", Home.get());
        stopped.await();
        return 0;
    }

    /** SIGHUP reloads the changed rule files, as {@code quietwatch reload} does. */
    private static void reloadOnHangup(Daemon daemon) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> {
                Thread t = new Thread(() -> daemon.reloadRules("SIGHUP"), "quietwatch-sighup-reload");
                // the signal thread has no application class loader, and Esper's compiler needs it to find LogEvent
                t.setContextClassLoader(RunCommand.class.getClassLoader());
                t.start();
            });
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGHUP cannot be handled here ({}); use 'quietwatch reload'", e.getMessage());
        }
    }
}
