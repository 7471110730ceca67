package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.config.AdminConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code --admin URL --token-file FILE}: how {@code status} and {@code reload} reach the running daemon's
 * admin endpoint. Without {@code --admin}, the address and port of the config's {@code admin:} section.
 */
final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--admin", paramLabel = "URL", description = "Daemon admin endpoint, e.g. http://127.0.0.1:9514 (default: from the config's admin section).")
    URI admin;
    @Option(names = "--token-file", paramLabel = "FILE", description = "Admin token file (default: var/admin.token under the home directory).")
    Path tokenFile;

    /** A response: the HTTP status and the JSON body. */
    record Response(int status, String body, JsonNode json) {
    }

    /** No daemon to ask: no admin token file, or nothing listening at the admin endpoint. */
    static final class Unreachable extends IOException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sends {@code method path} with the token; throws with a readable message when the daemon is not there
     * ({@link Unreachable}) or does not answer as it should (any other {@link IOException}).
     */
    Response send(AdminConfig config, String method, String path) throws IOException, InterruptedException {
        URI base = admin != null ? admin : URI.create("http://" + config.bindAddress() + ":" + config.port());
        URI uri = base.resolve(path);
        Path tf = tokenFile != null ? tokenFile : Home.get().resolve("var/admin.token");
        if (!Files.exists(tf)) {
            throw new Unreachable("no admin token at " + tf + " (is the daemon running with this home?)", null);
        }
        String token = Files.readString(tf).strip();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unreachable("cannot reach the daemon at " + uri + ": " + e, e);
        } catch (IOException e) {
            throw new IOException("cannot reach the daemon at " + uri + ": " + e, e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IOException(uri + " answered " + r.statusCode() + " with something that is not JSON");
        }
        if (r.statusCode() == 401) {
            throw new IOException(uri + " refused the token in " + tf);
        }
        return new Response(r.statusCode(), r.body(), json);
    }
}
