package io.quietwatch.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * Who is asking: a browser session (cookie {@value #COOKIE}) or a client with {@code Authorization: Bearer}
 * and the content of a token file. Browser sessions must send their CSRF token with every POST; token
 * clients need not, a browser never adds their header by itself.
 */
final class Access {
    static final String COOKIE = "qw_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** An authenticated caller; {@code session} is null for a token client. */
    record Caller(String user, Sessions.Session session) {
    }

    private final Sessions sessions;
    private final List<Path> tokenFiles;

    Access(Sessions sessions, List<Path> tokenFiles) {
        this.sessions = sessions;
        this.tokenFiles = List.copyOf(tokenFiles);
    }

    /** The caller, or null when the request carries no valid session or token. */
    Caller caller(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokenMatches(auth.substring(7).strip()) ? new Caller("token", null) : null;
        }
        Sessions.Session s = sessions.touch(cookie(ex, COOKIE));
        return s == null ? null : new Caller(s.user(), s);
    }

    /** Whether a POST from {@code caller} carries the CSRF token of its session (token clients need none). */
    static boolean csrfOk(HttpExchange ex, Caller caller) {
        if (caller.session() == null) {
            return true;
        }
        String given = ex.getRequestHeaders().getFirst(CSRF_HEADER);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                caller.session().csrf().getBytes(StandardCharsets.UTF_8));
    }

    private boolean tokenMatches(String given) {
        byte[] g = given.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (Path f : tokenFiles) {
            try {
                String t = Files.readString(f, StandardCharsets.UTF_8).strip();
                ok |= !t.isEmpty() && MessageDigest.isEqual(g, t.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a missing token file (admin endpoint disabled) grants nothing
            }
        }
        return ok;
    }

    static String cookie(HttpExchange ex, String name) {
        List<String> headers = ex.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String h : headers) {
            for (String part : h.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    static String sessionCookie(String id, boolean https) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    static String clearedCookie(boolean https) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}
