package io.quietwatch.cli;

import io.quietwatch.testing.SyslogLines;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** The daemon as a process of {@code bin/quietwatch run}, its UDP input found in its output, fed over loopback. */
final class LauncherDaemon {
    private static final Path LAUNCHER = Path.of("bin/quietwatch").toAbsolutePath();
    private static final Pattern UDP = Pattern.compile("UDP input (\\S+) listening on \\S*:(\\d+)");

    private LauncherDaemon() {
    }

    /** Starts the launcher on {@code config}, its standard output and error appended to {@code out}. */
    static Process start(Path config, Path out) throws IOException {
        return new ProcessBuilder(LAUNCHER.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
    }

    /** The port of the {@code occurrence}-th UDP input start logged in {@code out} (1 for the first), waiting up to {@code atMost}. */
    static int udpPort(Path out, int occurrence, Duration atMost) {
        int[] port = {0};
        await().atMost(atMost).until(() -> {
            Matcher m = UDP.matcher(Files.readString(out));
            int n = 0;
            while (m.find()) {
                if (++n == occurrence) {
                    port[0] = Integer.parseInt(m.group(2));
                }
            }
            return port[0] > 0;
        });
        return port[0];
    }

    /** Each line as one datagram to {@code port} on loopback. */
    static void send(int port, List<String> lines) throws IOException {
        SyslogLines.sendUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), lines);
    }
}
