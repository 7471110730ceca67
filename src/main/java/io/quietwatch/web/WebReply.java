package io.quietwatch.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One response of the dashboard, written with the headers every response carries: a content security
 * policy that allows only the dashboard's own files (no inline script), no sniffing, no framing, no
 * referrer, and no caching of anything but the static files.
 */
record WebReply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    static WebReply json(int status, Object value) {
        return new WebReply(status, "application/json; charset=utf-8",
                Json.write(value).getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static WebReply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    static WebReply text(int status, String contentType, String body) {
        return new WebReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    WebReply with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    void send(HttpExchange ex, boolean https, boolean cacheable) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", cacheable ? "no-cache" : "no-store");
        if (https) {
            h.set("Strict-Transport-Security", "max-age=31536000");
        }
        headers.forEach(h::add);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
