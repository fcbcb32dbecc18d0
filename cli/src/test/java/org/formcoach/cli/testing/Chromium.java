package org.formcoach.cli.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with nothing but the JDK:
 * the browser is started with {@code --remote-debugging-port=0}, prints its DevTools
 * WebSocket address on standard error, and {@link java.net.http.WebSocket} speaks the
 * protocol's JSON messages. One page, attached with a flat session. No downloads: the
 * browser is the system's (Debian's {@code chromium}, installed by {@code .ci/run}).
 */
public final class Chromium implements AutoCloseable {
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium");

    private final Process process;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> stderr = java.util.Collections.synchronizedList(new ArrayList<>());
    private String session;

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The browser to run: {@code FORMCOACH_CHROMIUM}, else the first of the usual paths that exists; null if none. */
    public static Path executable() {
        String env = System.getenv("FORMCOACH_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (String c : CANDIDATES) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    /** Starts a headless browser with a fresh profile in {@code profile} and attaches to its page. */
    public static Chromium launch(Path executable, Path profile) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1100,1000", "about:blank");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread err = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the browser ended
            }
            url.completeExceptionally(new IllegalStateException("chromium exited without a DevTools address: "
                    + String.join("\n", lines)));
        }, "chromium-stderr");
        err.setDaemon(true);
        err.start();
        String ws;
        try {
            ws = url.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            kill(p);
            throw e;
        }
        Listener listener = new Listener();
        WebSocket socket;
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(ws), listener).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            kill(p);
            throw e;
        }
        Chromium c = new Chromium(p, socket);
        listener.owner = c;
        c.stderr.addAll(lines);
        try {
            c.attachToPage();
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private void attachToPage() throws Exception {
        Map<String, Object> targets = call(null, "Target.getTargets", "{}");
        String target = null;
        for (Object o : (List<Object>) targets.get("targetInfos")) {
            Map<String, Object> t = (Map<String, Object>) o;
            if ("page".equals(t.get("type"))) {
                target = (String) t.get("targetId");
                break;
            }
        }
        if (target == null) {
            target = (String) call(null, "Target.createTarget", "{\"url\":\"about:blank\"}").get("targetId");
        }
        session = (String) call(null, "Target.attachToTarget",
                "{\"targetId\":" + MiniJson.quote(target) + ",\"flatten\":true}").get("sessionId");
        call("Page.enable", "{}");
        call("Runtime.enable", "{}");
    }

    /** Sends a command to the page and waits for its result. */
    public Map<String, Object> call(String method, String params) throws Exception {
        return call(session, method, params);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String sessionId, String method, String params) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String message = "{\"id\":" + id + (sessionId == null ? "" : ",\"sessionId\":" + MiniJson.quote(sessionId))
                + ",\"method\":" + MiniJson.quote(method) + ",\"params\":" + params + "}";
        synchronized (socket) {
            socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        }
        Map<String, Object> r = reply.get(30, TimeUnit.SECONDS);
        if (r.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return (Map<String, Object>) r.getOrDefault("result", Map.of());
    }

    /** Opens {@code url} in the page. */
    public void navigate(String url) throws Exception {
        call("Page.navigate", "{\"url\":" + MiniJson.quote(url) + "}");
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON-like). */
    @SuppressWarnings("unchecked")
    public Object evaluate(String expression) throws Exception {
        Map<String, Object> r = call("Runtime.evaluate", "{\"expression\":" + MiniJson.quote(expression)
                + ",\"returnByValue\":true,\"awaitPromise\":true}");
        if (r.containsKey("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return ((Map<String, Object>) r.get("result")).get("value");
    }

    /** Sets the page's size (a phone or a desktop window). */
    public void viewport(int width, int height, double scale, boolean mobile) throws Exception {
        call("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height
                + ",\"deviceScaleFactor\":" + scale + ",\"mobile\":" + mobile + "}");
    }

    /** A PNG of the page as it is drawn now. */
    public byte[] screenshot() throws Exception {
        Map<String, Object> r = call("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true}");
        return Base64.getDecoder().decode((String) r.get("data"));
    }

    /** What the browser printed on standard error (for failure messages). */
    public String stderr() {
        return String.join("\n", stderr);
    }

    private void onMessage(String text) {
        Map<String, Object> m = MiniJson.object(text);
        Object id = m.get("id");
        if (id instanceof Long l) {
            CompletableFuture<Map<String, Object>> f = pending.remove(l);
            if (f != null) {
                f.complete(m);
            }
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Chromium c = owner;
                if (c != null) {
                    c.onMessage(text);
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** Ends the browser and every process it started. */
    @Override
    public void close() {
        try {
            socket.abort();
        } catch (RuntimeException ignored) {
            // going anyway
        }
        kill(process);
    }

    private static void kill(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        for (ProcessHandle h : children) {
            h.destroy();
        }
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle h : children) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }
}
