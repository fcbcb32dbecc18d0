package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
import org.formcoach.engine.trace.TraceWriter;

/** The live, stream and ports commands as a user runs them. */
class LiveCommandTest {
    @Test
    void shouldRefuseToOpenTheEmbeddedBrokerToTheNetworkWithoutCredentials() {
        assertEquals(ExitCodes.USAGE, FormcoachCommand.execute("live", "--mqtt", "--bind", "0.0.0.0", "--exercise", "plank"));
    }

    @Test
    void shouldRequireExactlyOneSource() {
        assertEquals(ExitCodes.USAGE, FormcoachCommand.execute("live", "--exercise", "plank"));
        assertEquals(ExitCodes.USAGE, FormcoachCommand.execute("live", "--serial", "/dev/null", "--mqtt", "--exercise", "plank"));
    }

    @Test
    void shouldRefuseAnInvalidDeviceIdAndUnknownColumns() {
        assertEquals(ExitCodes.USAGE, FormcoachCommand.execute("live", "--serial", "/tmp/x", "--device", "a/b", "--exercise", "plank"));
        assertEquals(ExitCodes.USAGE, FormcoachCommand.execute("live", "--serial", "/tmp/x", "--columns", "t,ax,ay,az,gx,gy,temp",
                "--exercise", "plank"));
    }

    @Test
    void shouldListSerialPorts() {
        assertEquals(ExitCodes.OK, FormcoachCommand.execute("ports"));
    }

    @Test
    void shouldCoachAStreamedTraceThroughTheEmbeddedBrokerAndSendTheAlertBack(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("plank.csv.gz");
        List<Sample> samples = BodyMotion.at(100).noise(0.05, 0.001, 1)
                .stand(3).move(2.5, 85, 0, 0).hold(8).move(3, 97, 0, 0).hold(6).samples(Placement.SACRUM);
        try (TraceWriter w = TraceWriter.create(trace, TraceWriter.options().sensorColumn(true).rateHz(100))) {
            for (Sample s : samples) {
                w.write(s);
            }
        }
        int port = freePort();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> live = pool.submit(() -> FormcoachCommand.execute("live", "--mqtt", "--port",
                    Integer.toString(port), "--exercise", "plank", "--format", "jsonl", "--duration", "12"));
            assertTrue(awaitListening(port), "the embedded broker came up");
            Thread.sleep(500); // the bridge's own connect and subscribe
            int streamed = FormcoachCommand.execute("stream", trace.toString(), "--mqtt", "tcp://127.0.0.1:" + port,
                    "--device", "belt-09", "--speed", "10", "--linger", "1");
            assertEquals(ExitCodes.OK, streamed);
            assertEquals(ExitCodes.OK, live.get(60, TimeUnit.SECONDS));
        } finally {
            System.setOut(original);
            pool.shutdownNow();
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\"type\":\"alert\",\"exercise\":\"plank\",\"fault\":\"hip_sag\""), out);
        assertTrue(out.contains("\"device\":\"belt-09\""), out);
        assertTrue(out.contains("ALERT hip_sag warn (#1)"), () -> "the device got the alert back: " + out);
        assertTrue(out.contains("\"type\":\"device_summary\",\"device\":\"belt-09\""), out);
    }

    @Test
    void shouldGuideCalibrationRecordTheSessionAndPrintTheSummary(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("plank.csv.gz");
        writePlank(trace);
        Path recording = dir.resolve("monday.csv.gz");
        int port = freePort();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> live = pool.submit(() -> FormcoachCommand.execute("live", "--mqtt", "--port",
                    Integer.toString(port), "--exercise", "plank", "--view", "plain", "--no-dashboard", "--record",
                    recording.toString(), "--duration", "10"));
            assertTrue(awaitListening(port), "the embedded broker came up");
            Thread.sleep(500);
            assertEquals(ExitCodes.OK, FormcoachCommand.execute("stream", trace.toString(), "--mqtt",
                    "tcp://127.0.0.1:" + port, "--device", "belt-10", "--speed", "4", "--linger", "0.5"));
            assertEquals(ExitCodes.OK, live.get(60, TimeUnit.SECONDS));
        } finally {
            System.setOut(original);
            pool.shutdownNow();
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[belt-10]") && out.contains("calibrating: stand tall and still for 2 s"), out);
        assertTrue(out.contains("calibrating: now get down into your plank"), out);
        assertTrue(out.contains("WARN  hips sagging"), out);
        assertTrue(out.contains("Session summary: belt-10"), out);
        assertTrue(out.contains("plank     held"), out);
        assertTrue(out.contains("Recorded 2251 samples to " + recording), "every sample recorded: " + out);
        String events = Files.readString(dir.resolve("monday.events.jsonl"));
        assertTrue(events.contains("\"fault\":\"hip_sag\"") && events.contains("\"type\":\"summary\""), events);
    }

    private static void writePlank(Path trace) throws IOException {
        List<Sample> samples = BodyMotion.at(100).noise(0.05, 0.001, 1)
                .stand(3).move(2.5, 85, 0, 0).hold(8).move(3, 97, 0, 0).hold(6).samples(Placement.SACRUM);
        try (TraceWriter w = TraceWriter.create(trace, TraceWriter.options().sensorColumn(true).rateHz(100))) {
            for (Sample s : samples) {
                w.write(s);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }
}
