package io.quietwatch.alert.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A receiver on 127.0.0.1 (JDK {@code HttpServer}, ephemeral port) that records every request and
 * answers from a script: status, headers, body, and an optional delay before answering. An
 * exchange with nothing scripted gets {@code 599 unscripted}, so a test sees the surprise.
 */
public final class ScriptedPeer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One scripted reply. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
    }

    /** One received request. */
    public record Request(String method, String path, String rawQuery, Headers headers, byte[] body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public List<String> headerValues(String name) {
            List<String> v = headers.get(name);
            return v == null ? List.of() : v;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("request body is not JSON: " + text(), e);
            }
        }

        /** The decoded value of a query parameter, or null. */
        public String query(String name) {
            if (rawQuery == null) {
                return null;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (k.equals(name)) {
                    return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ScriptedPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A started peer. */
    public static ScriptedPeer start() throws IOException {
        return new ScriptedPeer();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    /** Scripts the next reply; {@code headers} are name, value pairs. */
    public ScriptedPeer reply(int status, String body, String... headers) {
        return replyAfter(0, status, body, headers);
    }

    /** Scripts the next reply, sent after {@code delayMillis}. */
    public ScriptedPeer replyAfter(long delayMillis, int status, String body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        script.add(new Reply(status, body, h, delayMillis));
        return this;
    }

    /** Every request so far, in order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The only request so far. */
    public Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                    copy(ex.getRequestHeaders()), body));
            Reply r = script.poll();
            if (r == null) {
                r = new Reply(599, "unscripted", Map.of(), 0);
            }
            if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] out = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
            if (out.length > 0 && !r.headers().containsKey("Content-Type")) {
                ex.getResponseHeaders().add("Content-Type", "application/json");
            }
            ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    private static Headers copy(Headers h) {
        Headers c = new Headers();
        h.forEach((k, v) -> c.put(k, new ArrayList<>(v)));
        return c;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
