package io.quietwatch.web;

import io.quietwatch.config.DashboardConfig;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may log in to the dashboard. With users in the config, those; with none, user {@value #INITIAL_USER}
 * with a random password that the first start writes to {@code var/dashboard.password} (readable by the
 * daemon's user only) and later starts read again, like Jenkins' initial admin password.
 */
final class DashboardUsers {
    static final String INITIAL_USER = "admin";
    private static final Logger LOG = LogManager.getLogger(DashboardUsers.class);
    // a hash of a password nobody has: a login for an unknown user costs as much as for a known one
    private static final PasswordHash NOBODY = PasswordHash.parse(PasswordHash.create(Sessions.random().toCharArray(),
            PasswordHash.DEFAULT_ITERATIONS));

    private final Map<String, PasswordHash> users;

    private DashboardUsers(Map<String, PasswordHash> users) {
        this.users = users;
    }

    static DashboardUsers of(DashboardConfig config, Path initialPasswordFile) throws IOException {
        Map<String, PasswordHash> users = new LinkedHashMap<>();
        for (DashboardConfig.User u : config.users()) {
            users.put(u.name(), PasswordHash.parse(u.passwordHash()));
        }
        if (users.isEmpty()) {
            String password = initialPassword(initialPasswordFile);
            users.put(INITIAL_USER, PasswordHash.parse(PasswordHash.create(password.toCharArray(), PasswordHash.MIN_ITERATIONS)));
            LOG.info("Dashboard: no users configured; user '{}' logs in with the password in {} "
                    + "(add users with bin/quietwatch passwd to replace it)", INITIAL_USER, initialPasswordFile);
        }
        return new DashboardUsers(users);
    }

    /** Whether {@code password} is the password of {@code user}. */
    boolean check(String user, char[] password) {
        PasswordHash h = users.get(user);
        boolean ok = (h == null ? NOBODY : h).matches(password);
        return h != null && ok;
    }

    private static String initialPassword(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String p = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!p.isEmpty()) {
                return p;
            }
        }
        String p = Sessions.random().substring(0, 24);
        io.quietwatch.daemon.AdminServer.writeToken(file, p);
        return p;
    }
}
