package io.quietwatch.alert.sink.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sink's HTTP client: HTTP/1.1, no redirects followed, no proxy, the sink's timeouts, its own
 * named threads. {@link #send} makes exactly one exchange and never throws; a reply body is kept up
 * to {@link #MAX_BODY_BYTES}.
 */
public final class HttpTransport implements AutoCloseable {
    /** Reply bytes kept: enough for an error message or a one-result search. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String USER_AGENT = "QuietWatch/" + version();

    private final HttpTimeouts timeouts;
    private final ExecutorService executor;
    private final HttpClient client;

    /** A client for sink {@code sinkName}. */
    public HttpTransport(String sinkName, HttpTimeouts timeouts) {
        this.timeouts = timeouts;
        this.executor = Executors.newCachedThreadPool(threads("qw-sink-" + sinkName + "-http-"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeouts.connect())
                .executor(executor)
                .build();
    }

    /** A request to {@code uri} with the request timeout, {@code Accept: application/json} and QuietWatch's User-Agent. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeouts.request())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    /** A JSON {@code POST} of {@code body} to {@code uri}. */
    public HttpRequest.Builder postJson(URI uri, byte[] body) {
        return request(uri)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Sends {@code request} once and waits for the whole reply, at most the connect plus request timeouts. */
    public HttpReply send(HttpRequest request) {
        String target = HttpUrls.display(request.uri());
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, info -> new CappedBodySubscriber(MAX_BODY_BYTES));
        // the client's own timeout ends at the reply headers; this one also covers a body that trickles
        long deadline = timeouts.connect().toMillis() + timeouts.request().toMillis() + 500;
        try {
            HttpResponse<byte[]> r = pending.get(deadline, TimeUnit.MILLISECONDS);
            return HttpReply.of(r.statusCode(), r.headers(), new String(r.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return HttpReply.failed("no complete reply from " + target + " within " + deadline + " ms");
        } catch (ExecutionException e) {
            return HttpReply.failed(describe(e.getCause(), target));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return HttpReply.failed("interrupted while waiting for " + target);
        }
    }

    private String describe(Throwable cause, String target) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connecting to " + target + " timed out after " + timeouts.connectSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no reply from " + target + " within " + timeouts.requestSeconds() + " s";
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause != null && cause.getCause() instanceof UnresolvedAddressException) {
            return "cannot connect to " + target + ": " + message(cause);
        }
        if (cause instanceof IOException) {
            return "I/O error with " + target + ": " + message(cause);
        }
        return "request to " + target + " failed: " + message(cause);
    }

    private static String message(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        return AlertText.oneLine(t.getClass().getSimpleName() + (m == null ? "" : " " + m), 200);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String version() {
        String v = HttpTransport.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Stops the client's threads. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
