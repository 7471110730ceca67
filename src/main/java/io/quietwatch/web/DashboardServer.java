package io.quietwatch.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.quietwatch.config.DashboardConfig;
import io.quietwatch.config.TlsConfig;
import io.quietwatch.ingest.TlsServerContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLParameters;

/**
 * The dashboard's web server: the page and its files, the JSON API under {@code /api/}, {@code /health}
 * and {@code /metrics}, over HTTP or HTTPS (JDK {@code HttpServer}). Everything but the page's own files,
 * the login and (by default) {@code /health} needs a session or a bearer token; see {@link DashboardApi}.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DashboardServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private DashboardServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and serves.
     *
     * @param home   the QuietWatch home: {@code var/dashboard.password} and {@code var/admin.token} live there
     * @throws IOException when the port cannot be bound or the initial password cannot be written
     */
    public static DashboardServer start(DashboardConfig config, Path home, DashboardSources sources, Clock clock)
            throws IOException {
        boolean https = config.tls() != null;
        List<Path> tokens = new ArrayList<>(List.of(home.resolve("var/admin.token")));
        if (config.tokenFile() != null) {
            tokens.add(home.resolve(config.tokenFile()));
        }
        DashboardUsers users = DashboardUsers.of(config, home.resolve("var/dashboard.password"));
        Sessions sessions = new Sessions(clock, config.sessionMinutes() * 60_000L);
        DashboardApi api = new DashboardApi(config, users, sessions, new Access(sessions, tokens), new LoginLimiter(clock),
                sources, clock, https);
        HttpServer server;
        InetSocketAddress at = new InetSocketAddress(config.bindAddress(), config.port());
        try {
            if (https) {
                HttpsServer s = HttpsServer.create(at, 64);
                s.setHttpsConfigurator(new HttpsConfigurator(TlsServerContext.jdk("dashboard",
                        new TlsConfig(home.resolve(config.tls().certFile()).toString(),
                                home.resolve(config.tls().keyFile()).toString(), null, null))) {
                    @Override
                    public void configure(HttpsParameters params) {
                        // TLS 1.2 and 1.3 only, as the syslog inputs
                        SSLParameters p = getSSLContext().getDefaultSSLParameters();
                        p.setProtocols(TlsServerContext.PROTOCOLS.toArray(String[]::new));
                        params.setSSLParameters(p);
                    }
                });
                server = s;
            } else {
                server = HttpServer.create(at, 64);
            }
        } catch (IOException e) {
            throw new IOException("dashboard: cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "quietwatch-dashboard-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", ex -> serve(api, ex, https));
        server.setExecutor(executor);
        server.start();
        DashboardServer d = new DashboardServer(server, executor);
        LOG.info("Dashboard on {}://{}:{}/", https ? "https" : "http", config.bindAddress(), d.port());
        return d;
    }

    private static void serve(DashboardApi api, HttpExchange ex, boolean https) throws IOException {
        try (ex) {
            WebReply reply;
            try {
                reply = api.handle(ex);
            } catch (RuntimeException e) {
                LOG.error("Dashboard request {} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
                reply = WebReply.error(500, "internal error: " + e.getClass().getSimpleName());
            }
            reply.send(ex, https, reply.contentType().startsWith("text/css") || reply.contentType().startsWith("text/javascript"));
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
