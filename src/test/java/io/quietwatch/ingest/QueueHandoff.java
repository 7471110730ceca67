package io.quietwatch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/** A test handoff collecting messages in a queue; can be told to refuse everything. */
final class QueueHandoff implements MessageHandoff {
    final LinkedBlockingQueue<RawMessage> queue = new LinkedBlockingQueue<>();
    volatile boolean refuse;

    @Override
    public boolean offer(RawMessage message) {
        return !refuse && queue.offer(message);
    }

    /** Drains the queue into a list (in arrival order). */
    List<RawMessage> drain() {
        List<RawMessage> out = new ArrayList<>();
        queue.drainTo(out);
        return out;
    }

    static String text(RawMessage m) {
        return new String(m.bytes(), StandardCharsets.UTF_8);
    }
}
