package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.config.AlertStoreConfig;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.store.AlertStore.StoredAlert;
import io.quietwatch.store.AlertStoreException;
import io.quietwatch.store.JdbcAlertStore;
import io.quietwatch.store.StoredAlertJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code alerts}: the stored alerts, newest first. Asks the running daemon ({@code GET /alerts} on the admin
 * endpoint), since the embedded database is locked while the daemon holds it; when no daemon answers,
 * opens the store itself.
 */
@Command(name = "alerts", description = "List the stored alerts, newest first: from the running daemon, or from the store when no daemon answers.")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Mixin
    AdminClient client;
    @Option(names = "--detection", paramLabel = "ID", description = "Only this detection, e.g. http-tunnel.")
    String detection;
    @Option(names = "--severity", paramLabel = "LEVEL", description = "Only this severity and above: low, medium, high, critical.")
    String severity;
    @Option(names = "--host", paramLabel = "IP", description = "Only alerts about this internal host.")
    String host;
    @Option(names = "--open", description = "Only alerts not acknowledged yet.")
    boolean open;
    @Option(names = "--since", paramLabel = "INSTANT", description = "Only alerts stamped at or after this time, e.g. 2026-11-26T00:00:00Z.")
    String since;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (1-1000, default ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--json", description = "One JSON object per alert (the alert's JSON with 'acknowledged').")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader.Result r = config.load(err);
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        if (!r.config().alertStore().enabled()) {
            err.println("quietwatch: the alert store is disabled (alert_store.enabled: false)");
            return 1;
        }
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "detection", detection);
        put(params, "severity", severity);
        put(params, "host", host);
        put(params, "acknowledged", open ? "false" : null);
        put(params, "since", since);
        params.put("limit", Integer.toString(limit));
        List<StoredAlert> found;
        try {
            found = r.config().admin().enabled() ? fromDaemon(r, params) : null;
            if (found == null) {
                found = fromStore(r.config().alertStore(), params);
            }
        } catch (IllegalArgumentException | AlertStoreException | IOException e) {
            err.println("quietwatch: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (StoredAlert s : found) {
            out.println(json ? StoredAlertJson.tree(s).toString() : line(s));
        }
        return 0;
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (value != null) {
            params.put(key, value);
        }
    }

    /**
     * The daemon's answer, or null when no daemon is there to ask.
     *
     * @throws IOException when the daemon is there but the request failed (a refused token, say): the store
     *                     is then the daemon's, and not to be opened from here
     */
    private List<StoredAlert> fromDaemon(ConfigLoader.Result r, Map<String, String> params) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/alerts?");
        params.forEach((k, v) -> path.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        AdminClient.Response response;
        try {
            response = client.send(r.config().admin(), "GET", path.substring(0, path.length() - 1));
        } catch (AdminClient.Unreachable e) {
            return null;
        }
        if (response.status() != 200) {
            throw new IllegalArgumentException("the daemon answered " + response.status() + ": " + response.json().path("error").asText());
        }
        List<StoredAlert> found = new ArrayList<>();
        for (JsonNode n : response.json()) {
            found.add(StoredAlertJson.read(n));
        }
        return found;
    }

    private static List<StoredAlert> fromStore(AlertStoreConfig c, Map<String, String> params) {
        Path home = Home.get();
        Path embedded = c.embeddedFile(home);
        if (embedded != null && !Files.exists(embedded)) {
            return List.of();
        }
        try (JdbcAlertStore store = JdbcAlertStore.open(c, home, Clock.systemUTC())) {
            return store.find(StoredAlertJson.query(params));
        }
    }

    private static String line(StoredAlert s) {
        Alert a = s.alert();
        String state = s.acknowledged() ? "ack:" + AlertText.oneLine(s.acknowledgedBy(), 20) : "open";
        return String.format("%-20s  %-8s  %-20s  %-15s  %-12s  %s", Instant.ofEpochMilli(a.timestamp()),
                a.severity().word(), AlertText.oneLine(a.detection(), 40), a.hostIp() == null ? "-" : AlertText.oneLine(a.hostIp(), 40),
                state, AlertText.oneLine(a.title(), 200));
    }
}
