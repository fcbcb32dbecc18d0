package org.formcoach.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.cli.live.Fanout;
import org.formcoach.cli.live.LiveBoard;
import org.formcoach.cli.testing.MemoryTransport;
import org.formcoach.cli.testing.Traces;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;

/** The dashboard's server and feed, spoken to with plain HTTP clients. */
class DashboardServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Reads an event stream on a thread, keeping the JSON of each {@code data:} line. */
    private static final class Reader implements AutoCloseable {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile InputStream body;

        Reader(String url) {
            thread = new Thread(() -> {
                try {
                    HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "events")).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    body = r.body();
                    BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("data: ")) {
                            messages.add(line.substring(6));
                        }
                    }
                } catch (Exception e) {
                    // closed
                }
            }, "sse-reader");
            thread.setDaemon(true);
            thread.start();
        }

        String await(String fragment, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (String m : messages) {
                    if (m.contains(fragment)) {
                        return m;
                    }
                }
                Thread.sleep(20);
            }
            return null;
        }

        long count(String fragment) {
            return messages.stream().filter(m -> m.contains(fragment)).count();
        }

        @Override
        public void close() throws Exception {
            if (body != null) {
                body.close();
            }
            thread.interrupt();
        }
    }

    @Test
    @Timeout(60)
    void shouldStreamTheSessionsStatusAndAlertsAsServerSentEvents() throws Exception {
        DashboardServer server = DashboardServer.start("127.0.0.1", 0);
        LiveBoard board = new LiveBoard();
        DashboardFeed feed = new DashboardFeed(server, board).start();
        LiveListener links = new LiveListener() {
            @Override
            public void coachEvent(String device, CoachEvent event) {
            }

            @Override
            public void bridgeEvent(BridgeEvent event) {
                board.bridgeEvent(event);
            }
        };
        server.hello("{\"type\":\"hello\",\"title\":\"test\"}");
        try (Reader browser = new Reader(server.url())) {
            awaitClients(server, 1);
            MemoryTransport device = new MemoryTransport("belt-03", Traces.saggingPlank(), 8);
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, new Fanout(List.of(feed, links)))
                    .tap(board).transport(device).start()) {
                assertNotNull(browser.await("\"type\":\"alert\"", Duration.ofSeconds(30)), browser.messages::toString);
            }
            assertEquals("{\"type\":\"hello\",\"title\":\"test\"}", browser.messages.get(0), "first the hello");
            String status = browser.await("\"phase\":\"hold\"", Duration.ofSeconds(5));
            assertNotNull(status, "status messages follow the coach");
            assertTrue(status.contains("\"device\":\"belt-03\"") && status.contains("\"exercise\":\"plank\"")
                    && status.contains("\"rules\":[{\"fault\":\"hip_sag\"") && status.contains("\"warn\":3.50")
                    && status.contains("\"fault_deg\":6.00") && status.contains("\"loss_pct\":0.00"), status);
            String alert = browser.await("\"type\":\"alert\"", Duration.ofSeconds(1));
            assertTrue(alert.contains("\"device\":\"belt-03\"") && alert.contains("\"fault\":\"hip_sag\""), alert);
            // 22.5 s at 8× is about 2.8 s of wall time: the feed sends some tens of updates, not one per sample.
            long statuses = browser.count("\"type\":\"status\"");
            assertTrue(statuses > 10 && statuses < 2251 / 4, "decimated to the feed's tick: " + statuses);
            feed.end(List.of("Session summary: test"));
            assertNotNull(browser.await("\"type\":\"end\"", Duration.ofSeconds(5)));
        } finally {
            server.close(1000);
        }
    }

    @Test
    @Timeout(60)
    void shouldDropMessagesForAStalledBrowserWithoutHoldingUpTheOthers() throws Exception {
        DashboardServer server = DashboardServer.start("127.0.0.1", 0);
        try (Socket stalled = new Socket("127.0.0.1", server.port()); Reader healthy = new Reader(server.url())) {
            stalled.setReceiveBufferSize(4096);
            OutputStream o = stalled.getOutputStream();
            o.write("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.flush(); // ... and never read a byte.
            awaitClients(server, 2);
            String filler = "x".repeat(8000);
            int n = 3000; // 24 MB: more than the stalled socket's buffers and its queue together
            for (int i = 0; i < n; i++) {
                server.broadcastStatus("{\"type\":\"status\",\"i\":" + i + ",\"pad\":\"" + filler + "\"}");
                if (i % 5 == 0) {
                    Thread.sleep(1); // a steady feed, as in a session, that the healthy browser keeps up with
                }
            }
            server.broadcastEvent("{\"type\":\"marker\"}");
            assertNotNull(healthy.await("\"type\":\"marker\"", Duration.ofSeconds(30)),
                    "the reading browser got everything up to the last message");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.droppedMessages() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(server.droppedMessages() > 0, "the stalled browser's queue overflowed and was counted");
            assertEquals(2, server.clients(), "both still connected");
        } finally {
            server.close(500);
        }
    }

    @Test
    void shouldServeOneSelfContainedPageOnLoopbackAndRefuseEverythingElse() throws Exception {
        DashboardServer server = DashboardServer.start(DashboardServer.DEFAULT_BIND, 0);
        try {
            assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
            String html = page.body();
            assertTrue(html.contains("new EventSource(\"events\")"), "the page listens to /events");
            assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\"//"),
                    "nothing fetched from elsewhere: no CDN, no fonts");
            assertTrue(html.contains("name=\"viewport\""), "readable on a phone");
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "events"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "admin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertFalse(DashboardServer.isOpenToNetwork("127.0.0.1"));
            assertTrue(DashboardServer.isOpenToNetwork("0.0.0.0"));
        } finally {
            server.close(200);
        }
    }

    private static void awaitClients(DashboardServer server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.clients() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, server.clients(), "browsers connected");
    }

    @SuppressWarnings("unused")
    private static List<String> lines(String s) {
        return new ArrayList<>(s.lines().toList());
    }
}
