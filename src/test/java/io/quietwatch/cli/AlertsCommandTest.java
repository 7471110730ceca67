package io.quietwatch.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quietwatch alerts}: reads the store itself only when no daemon can be asked. */
class AlertsCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String admin, Path tokenFile) throws IOException {
        Path config = dir.resolve("q.yaml");
        Files.writeString(config, "alert_store:\n  url: jdbc:h2:file:" + dir.resolve("alerts-db") + "\n");
        return Main.execute(new PrintWriter(out), new PrintWriter(err), "alerts", "-c", config.toString(),
                "--admin", admin, "--token-file", tokenFile.toString());
    }

    private Path token() throws IOException {
        return Files.writeString(dir.resolve("admin.token"), "t0ken");
    }

    @Test
    void withoutATokenFileTheStoreIsRead() throws IOException {
        assertThat(run("http://127.0.0.1:9", dir.resolve("none.token"))).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void withNothingListeningTheStoreIsRead() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(run("http://127.0.0.1:" + port, token())).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRefusedTokenIsAnErrorNotAReasonToOpenTheDaemonsStore() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            byte[] body = "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(401, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            assertThat(run("http://127.0.0.1:" + server.getAddress().getPort(), token())).isEqualTo(1);
        } finally {
            server.stop(0);
        }
        assertThat(err.toString()).contains("refused the token");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("alerts-db.mv.db")).doesNotExist();
    }
}
