package org.formcoach.cli.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The live dashboard's web server (the JDK's {@code com.sun.net.httpserver}): {@code /} is
 * one self-contained page (HTML, CSS and script inline: no CDN, no fonts, works offline),
 * {@code /events} a server-sent-event stream of JSON messages. Bound to 127.0.0.1 unless
 * told otherwise. Read-only: it takes no input from browsers.
 *
 * <p>{@link #broadcast} hands a message to every connected browser's bounded queue and keeps
 * the last few seconds, so a browser that connects mid-session starts with a filled plot.
 */
public final class DashboardServer implements AutoCloseable {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;
    /** Browsers at once; more get 503 (each holds an HTTP thread). */
    static final int MAX_CLIENTS = 16;
    static final int HISTORY_STATUS = 250;
    static final int HISTORY_EVENTS = 40;
    private static final String PAGE = "dashboard.html";

    private final HttpServer http;
    private final ExecutorService executor;
    private final byte[] page;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final ArrayDeque<String> recentStatus = new ArrayDeque<>();
    private final ArrayDeque<String> recentEvents = new ArrayDeque<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong droppedByGone = new AtomicLong();
    private volatile String hello = "{\"type\":\"hello\"}";
    private volatile boolean closed;

    private DashboardServer(HttpServer http, ExecutorService executor, byte[] page) {
        this.http = http;
        this.executor = executor;
        this.page = page;
    }

    /**
     * Starts serving.
     *
     * @param port 0 for any free port
     * @throws BindException when the port is taken
     */
    public static DashboardServer start(String bind, int port) throws IOException {
        InetAddress address = InetAddress.getByName(bind);
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 32);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "formcoach-dashboard-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        DashboardServer server = new DashboardServer(http, executor, loadPage());
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /** Whether browsers on other machines can reach an address (anything but loopback). */
    public static boolean isOpenToNetwork(String bind) {
        try {
            return !InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static byte[] loadPage() {
        try (InputStream in = DashboardServer.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard page is missing from the jar: " + PAGE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address to open in a browser. */
    public String url() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The first message every browser gets (what the session is). */
    public void hello(String json) {
        this.hello = json;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            Headers h = ex.getResponseHeaders();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Cache-Control", "no-store");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                h.set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            switch (path) {
                case "/", "/index.html" -> {
                    h.set("Content-Type", "text/html; charset=utf-8");
                    h.set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                            + "style-src 'unsafe-inline'; connect-src 'self'; img-src data:");
                    if (method.equals("HEAD")) {
                        ex.sendResponseHeaders(200, -1);
                    } else {
                        ex.sendResponseHeaders(200, page.length);
                        ex.getResponseBody().write(page);
                    }
                }
                case "/events" -> stream(ex);
                default -> {
                    byte[] body = "not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    h.set("Content-Type", "text/plain; charset=utf-8");
                    ex.sendResponseHeaders(404, body.length);
                    ex.getResponseBody().write(body);
                }
            }
        } finally {
            ex.close();
        }
    }

    private void stream(HttpExchange ex) throws IOException {
        Headers h = ex.getResponseHeaders();
        if (closed || clients.size() >= MAX_CLIENTS) {
            h.set("Retry-After", "5");
            ex.sendResponseHeaders(503, -1);
            return;
        }
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        SseClient client = new SseClient(String.valueOf(ex.getRemoteAddress()));
        register(client);
        connections.incrementAndGet();
        OutputStream body = ex.getResponseBody();
        try {
            body.write("retry: 2000\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.flush();
            client.pump(body);
        } catch (IOException gone) {
            // The browser went away; nothing to tell anyone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
            droppedByGone.addAndGet(client.dropped());
            client.close();
        }
    }

    private void register(SseClient client) {
        synchronized (lock) {
            client.offer(hello);
            for (String s : recentStatus) {
                client.offer(s);
            }
            for (String e : recentEvents) {
                client.offer(e);
            }
            clients.add(client);
        }
    }

    /** A status message (kept in the short history for browsers that connect later). */
    void broadcastStatus(String json) {
        broadcast(json, recentStatus, HISTORY_STATUS);
    }

    /** An event message (kept in the history). */
    void broadcastEvent(String json) {
        broadcast(json, recentEvents, HISTORY_EVENTS);
    }

    private void broadcast(String json, ArrayDeque<String> history, int keep) {
        synchronized (lock) {
            history.addLast(json);
            if (history.size() > keep) {
                history.removeFirst();
            }
            for (SseClient c : clients) {
                c.offer(json);
            }
        }
    }

    /** Browsers connected now. */
    public int clients() {
        return clients.size();
    }

    /** Streams opened so far. */
    public int connections() {
        return connections.get();
    }

    /** Messages dropped because a browser could not keep up, over all browsers so far. */
    public long droppedMessages() {
        long n = droppedByGone.get();
        for (SseClient c : clients) {
            n += c.dropped();
        }
        return n;
    }

    /**
     * Ends every stream after what is queued for it (at most {@code drainMillis}), then stops
     * the server.
     */
    public void close(long drainMillis) {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + drainMillis * 1_000_000;
        for (SseClient c : clients) {
            c.close();
        }
        while (System.nanoTime() < deadline && !clients.isEmpty()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        http.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        close(1000);
    }
}
