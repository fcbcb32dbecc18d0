package org.formcoach.cli.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One browser's server-sent-event stream. The feed thread {@link #offer}s messages into a
 * bounded queue and never waits; the client's own HTTP thread writes them out. A browser
 * that cannot keep up (slow phone, stalled tab) fills its queue and loses messages — counted
 * in {@link #dropped} and told to it in the next message it gets — instead of slowing the
 * feed, the other browsers or the engine.
 */
final class SseClient {
    static final int QUEUE = 512;
    /** A comment line this often keeps proxies and idle connections open. */
    static final long KEEPALIVE_MS = 10_000;

    @SuppressWarnings("StringOperationCanBeSimplified") // a distinct object, compared by identity
    private static final String BYE = new String("bye");

    private final ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final String address;
    private volatile boolean open = true;
    private long droppedTold;

    SseClient(String address) {
        this.address = address;
    }

    /** Queues a message (a JSON object); false when the queue is full and it was dropped. */
    boolean offer(String json) {
        if (!open) {
            return false;
        }
        if (queue.offer(json)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** Writes messages until the browser goes away or the server closes. Runs on the client's HTTP thread. */
    void pump(OutputStream body) throws IOException, InterruptedException {
        StringBuilder frame = new StringBuilder(512);
        while (true) {
            String json = queue.poll(KEEPALIVE_MS, TimeUnit.MILLISECONDS);
            frame.setLength(0);
            boolean bye = false;
            if (json == null) {
                if (!open) {
                    return;
                }
                frame.append(": keep-alive\n\n");
            } else {
                do {
                    if (json == BYE) { // identity: the sentinel, not a message
                        bye = true;
                        break;
                    }
                    frame.append("data: ").append(json).append("\n\n");
                    sent.incrementAndGet();
                } while (frame.length() < 16_384 && (json = queue.poll()) != null);
                long d = dropped.get();
                if (d != droppedTold) {
                    droppedTold = d;
                    frame.append("data: {\"type\":\"dropped\",\"dropped\":").append(d).append("}\n\n");
                }
            }
            if (frame.length() > 0) {
                body.write(frame.toString().getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            if (bye) {
                return;
            }
        }
    }

    /** Ends the stream after what is queued has been written. */
    void close() {
        open = false;
        if (!queue.offer(BYE)) {
            queue.clear();
            queue.offer(BYE);
        }
    }

    /** Whether everything queued has been handed to the connection. */
    boolean drained() {
        return queue.isEmpty();
    }

    boolean isOpen() {
        return open;
    }

    long dropped() {
        return dropped.get();
    }

    long sent() {
        return sent.get();
    }

    String address() {
        return address;
    }
}
