package io.quietwatch.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browser sessions: a random 256-bit id (the cookie) per login, each with its own CSRF token,
 * ending when unused for the configured time or on logout. Held in memory: a restart logs everyone out.
 */
final class Sessions {
    /** One session. */
    record Session(String id, String user, String csrf, long expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long idleMillis;

    Sessions(Clock clock, long idleMillis) {
        this.clock = clock;
        this.idleMillis = idleMillis;
    }

    Session create(String user) {
        long now = clock.millis();
        if (sessions.size() >= MAX_SESSIONS) {
            purge(now);
        }
        Session s = new Session(random(), user, random(), now + idleMillis);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time restarted; null when unknown or expired. */
    Session touch(String id) {
        if (id == null) {
            return null;
        }
        long now = clock.millis();
        Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        if (s.expiresAt() <= now) {
            sessions.remove(id);
            return null;
        }
        Session renewed = new Session(s.id(), s.user(), s.csrf(), now + idleMillis);
        sessions.replace(id, s, renewed);
        return renewed;
    }

    void end(String id) {
        sessions.remove(id);
    }

    private void purge(long now) {
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAt() <= now) {
                it.remove();
            }
        }
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
