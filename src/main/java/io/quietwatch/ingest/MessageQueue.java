package io.quietwatch.ingest;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue between the inputs and the pipeline, bounded twice: by the number of messages and by their
 * bytes, so that a flood of large messages cannot fill the heap however few they are. An offer over
 * either bound is refused (UDP counts the message as dropped, TCP stops reading); receiving never waits.
 * The low-water mark, half of both bounds, tells paused TCP connections when to read again.
 */
public final class MessageQueue extends ArrayBlockingQueue<RawMessage> implements MessageHandoff {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;
    private final int lowWater;
    private final AtomicLong bytes = new AtomicLong();

    public MessageQueue(int capacity, long maxBytes) {
        super(capacity);
        this.maxBytes = maxBytes;
        this.lowWater = capacity / 2;
    }

    /** Bytes of the messages waiting. */
    public long bytes() {
        return bytes.get();
    }

    /** Below half of both bounds. */
    @Override
    public boolean hasRoom() {
        return size() <= lowWater && bytes.get() <= maxBytes / 2;
    }

    @Override
    public boolean offer(RawMessage m) {
        int n = m.bytes().length;
        if (bytes.addAndGet(n) > maxBytes) {
            bytes.addAndGet(-n);
            return false;
        }
        if (!super.offer(m)) {
            bytes.addAndGet(-n);
            return false;
        }
        return true;
    }

    @Override
    public RawMessage poll() {
        return released(super.poll());
    }

    @Override
    public RawMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        return released(super.poll(timeout, unit));
    }

    @Override
    public RawMessage take() throws InterruptedException {
        return released(super.take());
    }

    @Override
    public int drainTo(Collection<? super RawMessage> c, int maxElements) {
        return super.drainTo(new AbstractCollection<RawMessage>() {
            @Override
            public boolean add(RawMessage m) {
                released(m);
                return c.add(m);
            }

            @Override
            public Iterator<RawMessage> iterator() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size() {
                return c.size();
            }
        }, maxElements);
    }

    @Override
    public int drainTo(Collection<? super RawMessage> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    private RawMessage released(RawMessage m) {
        if (m != null) {
            bytes.addAndGet(-m.bytes().length);
        }
        return m;
    }
}
