package io.quietwatch.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rate-limited sample of the lines no parser could read, one JSON object per line
 * ({@code {"@timestamp", "input", "sender", "error": {"message"}, "event": {"original"}}}), so an
 * admin can see what is not understood. JSON escaping keeps control characters and CR/LF of hostile
 * lines inert. Lines beyond {@code maxPerSecond} are counted, not written.
 */
public final class DeadLetterLog implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DeadLetterLog.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_SAMPLE_CHARS = 16 * 1024;

    private final Path path;
    private final int maxPerSecond;
    private final Clock clock;
    private final LongAdder written = new LongAdder();
    private final LongAdder suppressed = new LongAdder();
    private BufferedWriter out;
    private long second = -1;
    private int inSecond;

    public DeadLetterLog(Path path, int maxPerSecond, Clock clock) {
        this.path = path;
        this.maxPerSecond = maxPerSecond;
        this.clock = clock;
    }

    /** Offers a line that could not be parsed; writes it unless this second's quota is used up. */
    public synchronized void offer(String input, String sender, String reason, String line) {
        long now = clock.millis();
        if (now / 1000 != second) {
            second = now / 1000;
            inSecond = 0;
        }
        if (inSecond >= maxPerSecond) {
            suppressed.increment();
            return;
        }
        inSecond++;
        try {
            if (out == null) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(toJson(now, input, sender, reason, line));
            out.write('\n');
            out.flush();
            written.increment();
        } catch (IOException e) {
            suppressed.increment();
            LOG.warn("Cannot write the dead-letter file {}: {}", path, e.toString());
        }
    }

    private static String toJson(long now, String input, String sender, String reason, String line) throws IOException {
        StringWriter w = new StringWriter(line.length() + 128);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("@timestamp", Instant.ofEpochMilli(now).toString());
            g.writeStringField("input", input);
            if (sender != null) {
                g.writeStringField("sender", sender);
            }
            g.writeObjectFieldStart("error");
            g.writeStringField("message", reason);
            g.writeEndObject();
            g.writeObjectFieldStart("event");
            g.writeStringField("original", line.length() > MAX_SAMPLE_CHARS ? line.substring(0, MAX_SAMPLE_CHARS) : line);
            if (line.length() > MAX_SAMPLE_CHARS) {
                g.writeNumberField("original_length", line.length());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return w.toString();
    }

    /** Samples written. */
    public long written() {
        return written.sum();
    }

    /** Lines not written because of the rate limit (they are still counted as unparsed). */
    public long suppressed() {
        return suppressed.sum();
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Closing the dead-letter file {} failed: {}", path, e.toString());
            }
            out = null;
        }
    }
}
