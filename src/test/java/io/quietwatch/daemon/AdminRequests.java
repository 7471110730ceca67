package io.quietwatch.daemon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/** Requests to a test daemon's admin API, carrying the bearer token the daemon wrote under its home. */
final class AdminRequests {
    private AdminRequests() {
    }

    /** A request for {@code path} on the admin port with {@code Authorization: Bearer} and the token of {@code home}. */
    static HttpRequest.Builder request(Path home, int adminPort, String path) throws IOException {
        String token = Files.readString(home.resolve("var/admin.token")).strip();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .header("Authorization", "Bearer " + token);
    }
}
