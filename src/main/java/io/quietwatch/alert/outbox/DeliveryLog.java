package io.quietwatch.alert.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Every delivery attempt, one JSON line each ({@code deliveries.log} in the outbox folder): time,
 * sink, outbox sequence, alert id and delivery key, attempt, outcome, status code, reason.
 */
final class DeliveryLog implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DeliveryLog.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;

    DeliveryLog(Path file) throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized void record(long time, String sink, OutboxRecord r, int attempt, String outcome, int status, String reason,
                             long millis) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("@timestamp", Instant.ofEpochMilli(time).toString());
            g.writeStringField("sink", sink);
            g.writeNumberField("seq", r.seq());
            g.writeStringField("alert_id", r.alert().id());
            g.writeStringField("delivery_key", r.alert().deliveryKey());
            g.writeNumberField("attempt", attempt);
            g.writeStringField("outcome", outcome);
            if (status != 0) {
                g.writeNumberField("status", status);
            }
            if (reason != null && !reason.isEmpty()) {
                g.writeStringField("reason", reason.length() > 500 ? reason.substring(0, 500) : reason);
            }
            g.writeNumberField("took_ms", millis);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            out.write((w + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            LOG.warn("Cannot write the delivery log: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
