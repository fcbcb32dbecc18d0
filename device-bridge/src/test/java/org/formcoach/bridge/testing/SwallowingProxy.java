package org.formcoach.bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * A TCP proxy on 127.0.0.1 and a port of its own in front of a broker, for the CONNECT that
 * is never answered: the connections it is told to swallow (by their number, from 1) are
 * accepted and whatever they send is read and thrown away, with nothing ever sent back (the
 * broker never sees them); the others are passed to the broker byte for byte, both ways, and
 * can be cut ({@link #cutForwarded}) as a lost network would, or cut by the proxy itself once
 * the broker has answered the CONNECT ({@link Treatment#CUT_AFTER_CONNACK}). Plain sockets, one
 * thread per direction, all of them ended by {@link #close}.
 */
public final class SwallowingProxy implements AutoCloseable {
    /** What becomes of one connection. */
    public enum Treatment {
        /** Passed both ways. */
        FORWARD,
        /** Read and thrown away; nothing is sent back. */
        SWALLOW,
        /** Passed until the broker's CONNACK (4 bytes) has gone to the client, then closed both ways. */
        CUT_AFTER_CONNACK
    }

    /** An MQTT 3.1.1 CONNACK: fixed header, length, flags, return code. */
    private static final int CONNACK_BYTES = 4;

    private final ServerSocket server;
    private final int targetPort;
    private final IntFunction<Treatment> treatment;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong swallowedBytes = new AtomicLong();
    private final AtomicInteger swallowedClosedByPeer = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Socket> forwarded = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    private SwallowingProxy(int targetPort, IntFunction<Treatment> treatment) throws IOException {
        this.targetPort = targetPort;
        this.treatment = treatment;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("proxy-accept", this::acceptLoop);
    }

    /** Swallows the first {@code swallow} connections, forwards the rest to 127.0.0.1:targetPort. */
    public static SwallowingProxy inFrontOf(int targetPort, int swallow) throws IOException {
        return swallowing(targetPort, n -> n <= swallow);
    }

    /** Treats the connections by their number (from 1, in the order accepted). */
    public static SwallowingProxy treating(int targetPort, IntFunction<Treatment> treatment) throws IOException {
        return new SwallowingProxy(targetPort, treatment);
    }

    /** Swallows the connections whose number (from 1, in the order accepted) is {@code swallowed}. */
    public static SwallowingProxy swallowing(int targetPort, IntPredicate swallowed) throws IOException {
        return treating(targetPort, n -> swallowed.test(n) ? Treatment.SWALLOW : Treatment.FORWARD);
    }

    /** Swallows every connection. */
    public static SwallowingProxy swallowingEverything(int targetPort) throws IOException {
        return swallowing(targetPort, n -> true);
    }

    public String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted so far, swallowed or forwarded. */
    public int accepted() {
        return accepted.get();
    }

    /** Bytes read from swallowed connections (a CONNECT is some tens of bytes). */
    public long swallowedBytes() {
        return swallowedBytes.get();
    }

    /** Swallowed connections the client has closed itself (end of stream seen). */
    public int swallowedClosedByPeer() {
        return swallowedClosedByPeer.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            int n = accepted.incrementAndGet();
            if (!track(client)) {
                return;
            }
            Treatment t = treatment.apply(n);
            if (t == Treatment.SWALLOW) {
                start("proxy-swallow-" + n, () -> swallow(client));
            } else {
                forward(client, n, t == Treatment.CUT_AFTER_CONNACK ? CONNACK_BYTES : Long.MAX_VALUE);
            }
        }
    }

    private void swallow(Socket client) {
        byte[] buf = new byte[4096];
        try (InputStream in = client.getInputStream()) {
            int r;
            while ((r = in.read(buf)) >= 0) {
                swallowedBytes.addAndGet(r);
            }
            swallowedClosedByPeer.incrementAndGet();
        } catch (IOException e) {
            // reset by the client, or closed by close()
            if (!closed) {
                swallowedClosedByPeer.incrementAndGet();
            }
        }
    }

    /** Passes the connection to the broker; at most {@code downLimit} bytes go back before both ways are closed. */
    private void forward(Socket client, int n, long downLimit) {
        Socket broker = new Socket();
        try {
            broker.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(broker);
            return;
        }
        if (!track(broker)) {
            return;
        }
        synchronized (this) {
            forwarded.add(client);
        }
        start("proxy-up-" + n, () -> pump(client, broker, Long.MAX_VALUE));
        start("proxy-down-" + n, () -> pump(broker, client, downLimit));
    }

    /** Copies until either side ends or {@code limit} bytes have passed, then closes both, so the other direction ends too. */
    private static void pump(Socket from, Socket to, long limit) {
        byte[] buf = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            long passed = 0;
            int r;
            while (passed < limit && (r = in.read(buf, 0, (int) Math.min(buf.length, limit - passed))) >= 0) {
                out.write(buf, 0, r);
                out.flush();
                passed += r;
            }
        } catch (IOException e) {
            // one side gone
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Closes every forwarded connection open now, both ways, as a network that drops would. */
    public void cutForwarded() {
        List<Socket> open;
        synchronized (this) {
            open = new ArrayList<>(forwarded);
            forwarded.clear();
        }
        open.forEach(SwallowingProxy::closeQuietly);
    }

    private synchronized boolean track(Socket s) {
        if (closed) {
            closeQuietly(s);
            return false;
        }
        sockets.add(s);
        return true;
    }

    private synchronized void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Closes the listener and every connection, and waits for all of its threads to end. */
    @Override
    public void close() throws InterruptedException {
        Thread acceptor;
        synchronized (this) {
            closed = true;
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            sockets.forEach(SwallowingProxy::closeQuietly);
            acceptor = threads.get(0);
        }
        // The accept thread starts all the others: once it has ended, the list is complete.
        join(acceptor);
        List<Thread> rest;
        synchronized (this) {
            rest = new ArrayList<>(threads);
        }
        for (Thread t : rest) {
            join(t);
        }
    }

    private static void join(Thread t) throws InterruptedException {
        t.join(TimeUnit.SECONDS.toMillis(5));
        if (t.isAlive()) {
            throw new IllegalStateException("proxy thread " + t.getName() + " did not end");
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
