package org.formcoach.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.formcoach.cli.io.TraceInput;
import org.formcoach.cli.report.EventsFile;
import org.formcoach.cli.testing.Sessions;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.EventJson;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceHeader;
import org.formcoach.engine.trace.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionRecorderTest {
    private static final RecordingInfo INFO = new RecordingInfo(Exercise.HINGE, Instant.parse("2024-05-06T09:30:00Z"),
            "belt-01", 100, true, CoachSettings.defaults().with("hinge.lumbar_extension.warn_deg", 5));

    @TempDir
    Path dir;

    private final List<RecordingException> failures = new CopyOnWriteArrayList<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"session.csv", "session.csv.gz"})
    void shouldReadBackExactlyTheSamplesAndEventsThatWereRecorded(String name) throws IOException {
        Path trace = dir.resolve(name);
        List<Sample> samples = twoSensors(500);
        List<CoachEvent> events = someEvents();
        try (SessionRecorder recorder = SessionRecorder.start(trace, INFO, failures::add)) {
            int e = 0;
            for (int i = 0; i < samples.size(); i++) {
                recorder.recordSample(samples.get(i));
                if (i % 150 == 0 && e < events.size()) {
                    recorder.recordEvent(events.get(e++));
                }
            }
            while (e < events.size()) {
                recorder.recordEvent(events.get(e++));
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertSamples(samples, readAll(trace));
        List<String> lines = Files.readAllLines(dir.resolve("session.events.jsonl"));
        assertEquals(events.stream().map(EventJson::toJson).toList(), lines);
    }

    @Test
    void shouldWriteTheSessionMetadataInTheTraceHeader() throws IOException {
        Path trace = dir.resolve("meta.csv.gz");
        SessionRecorder.start(trace, INFO, failures::add).close();
        try (TraceReader reader = TraceReader.open(trace)) {
            TraceHeader header = reader.header();
            assertEquals("hinge", header.get("exercise"));
            assertEquals("2024-05-06T09:30:00Z", header.get("recorded"));
            assertEquals("belt-01", header.device());
            assertEquals(100.0, header.rateHz());
            assertTrue(header.hasSensorColumn());
            assertEquals("5", header.get("setting.hinge.lumbar_extension.warn_deg"));
            assertEquals(1, header.metadata().keySet().stream().filter(k -> k.startsWith("setting.")).count(),
                    "only the changed setting: " + header.metadata());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cut.csv", "cut.csv.gz"})
    void shouldLeaveAReadableFileWhenTheProcessDiesAfterAFlush(String name) throws Exception {
        Path trace = dir.resolve(name);
        List<Sample> samples = twoSensors(300);
        SessionRecorder recorder = SessionRecorder.start(trace, INFO, failures::add);
        try {
            for (Sample s : samples) {
                recorder.recordSample(s);
            }
            recorder.recordEvent(someEvents().get(0));
            awaitFlushOf(recorder, samples.size());
            // What a killed process leaves: the bytes on disk now, never closed (no gzip trailer).
            Path copy = dir.resolve("copy-" + name);
            Files.copy(trace, copy);
            Path eventsCopy = dir.resolve("copy-" + name + ".events.jsonl");
            Files.copy(recorder.eventsPath(), eventsCopy);

            try (TraceInput input = TraceInput.open(copy)) {
                List<Sample> read = new ArrayList<>();
                Sample s = new Sample();
                while (input.reader().next(s)) {
                    Sample kept = new Sample();
                    kept.copyFrom(s);
                    read.add(kept);
                }
                assertSamples(samples, read);
                assertEquals(0, input.reader().badRows());
                if (name.endsWith(".gz")) {
                    assertNotNull(input.cutShort(), "an unclosed gzip stream has no trailer");
                }
            }
            assertEquals(List.of(EventJson.toJson(someEvents().get(0))), Files.readAllLines(eventsCopy));
        } finally {
            recorder.close();
        }
    }

    @Test
    void shouldRefuseAtOnceToRecordIntoAMissingDirectoryNamingIt() {
        Path trace = dir.resolve("no-such-dir").resolve("s.csv.gz");
        RecordingException e = assertThrows(RecordingException.class,
                () -> SessionRecorder.start(trace, INFO, failures::add));
        assertTrue(e.getMessage().contains(trace.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
        assertEquals(trace, e.file());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldRefuseAtOnceWhenTheDiskIsFull() {
        // /dev/full accepts the open and fails every write with ENOSPC: a full disk.
        Path full = Path.of("/dev/full");
        RecordingException e = assertThrows(RecordingException.class, () -> SessionRecorder.start(full,
                dir.resolve("s.events.jsonl"), INFO, 64, 64, failures::add));
        assertTrue(e.getMessage().contains("/dev/full"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("no space"), e.getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldReportADiskThatFillsUpDuringTheSessionWithinAFlushInterval() throws Exception {
        // The events file is empty at the start (nothing to flush), so the disk fills "later".
        CompletableFuture<RecordingException> reported = new CompletableFuture<>();
        SessionRecorder recorder = SessionRecorder.start(dir.resolve("s.csv"), Path.of("/dev/full"), INFO, 1024, 64,
                reported::complete);
        try {
            long before = System.nanoTime();
            recorder.recordEvent(someEvents().get(0));
            RecordingException e = reported.get(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - before) / 1e9;
            assertTrue(seconds < 1 + SessionRecorder.FLUSH_INTERVAL_MS / 1000.0, "reported after " + seconds + " s");
            assertTrue(e.getMessage().contains("/dev/full"), e.getMessage());
            assertTrue(e.getMessage().contains("recording stopped"), e.getMessage());
            assertFalse(recorder.isRecording());
            assertEquals(e, recorder.failure());
            recorder.recordSample(twoSensors(1).get(0)); // ignored, no exception
        } finally {
            recorder.close();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldCountAndNoteTheSamplesItHadToDropWhenTheDiskStalls() throws Exception {
        // A named pipe nobody reads stalls the writer like a hung disk; the engine thread must not wait.
        Path fifo = dir.resolve("stalled.csv");
        CompletableFuture<InputStream> reader = stalledPipe(fifo);
        SessionRecorder recorder = SessionRecorder.start(fifo, dir.resolve("stalled.events.jsonl"), INFO, 16, 64,
                failures::add);
        List<Sample> samples = twoSensors(40_000);
        for (Sample s : samples) {
            recorder.recordSample(s);
        }
        long dropped = recorder.droppedSamples();
        assertTrue(dropped > 0, "the pipe and buffers hold far fewer than 80000 rows, the ring 16");
        CompletableFuture<byte[]> drained = drain(reader);
        recorder.close();
        byte[] written = drained.get(30, TimeUnit.SECONDS);
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(dropped, recorder.droppedSamples(), "nothing offered after the loop");

        long rows = 0;
        try (TraceReader read = TraceReader.open(new ByteArrayInputStream(written), "stalled.csv")) {
            Sample s = new Sample();
            while (read.next(s)) {
                rows++;
            }
        }
        assertEquals(samples.size(), rows + dropped, "every sample is either in the file or counted as dropped");
        assertTrue(new String(written, StandardCharsets.UTF_8).contains("# the recorder dropped"),
                "the loss is noted in the trace itself");
        List<CoachEvent> events = EventsFile.read(dir.resolve("stalled.events.jsonl")).events();
        assertTrue(events.stream().anyMatch(e -> e instanceof CoachEvent.Warning w
                && w.code().equals("recording_dropped")), "and as a warning event: " + events);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldCountTheEventsItHadToDropWhenTheDiskStalls() throws Exception {
        Path fifo = dir.resolve("stalled.events.jsonl");
        CompletableFuture<InputStream> reader = stalledPipe(fifo);
        SessionRecorder recorder = SessionRecorder.start(dir.resolve("ev.csv"), fifo, INFO, 16, 4, failures::add);
        CoachEvent event = someEvents().get(0);
        int offered = 50_000;
        for (int i = 0; i < offered; i++) {
            recorder.recordEvent(event);
        }
        long dropped = recorder.droppedEvents();
        assertTrue(dropped > 0, "the pipe and buffers hold far fewer than 50000 events, the queue 4");
        CompletableFuture<byte[]> drained = drain(reader);
        recorder.close();
        String written = new String(drained.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertTrue(failures.isEmpty(), failures.toString());
        long lines = written.lines().filter(l -> l.equals(EventJson.toJson(event))).count();
        assertEquals(offered, lines + dropped, "every event is either in the file or counted as dropped");
    }

    @Test
    void shouldNotAllocateOnTheEngineThreadPerSample() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        try (SessionRecorder recorder = SessionRecorder.start(dir.resolve("alloc.csv.gz"), INFO, failures::add)) {
            Sample s = new Sample().set(0, Placement.SACRUM, 0.01, -0.02, 0.99, 0.5, -0.25, 1.125);
            for (int i = 0; i < 20_000; i++) { // warm up: class loading, the first compilation
                s.timeS += 0.01;
                recorder.recordSample(s);
            }
            long before = threads.getThreadAllocatedBytes(me);
            for (int i = 0; i < 200_000; i++) { // taken or dropped: neither may allocate
                s.timeS += 0.01;
                recorder.recordSample(s);
            }
            long allocated = threads.getThreadAllocatedBytes(me) - before;
            assertTrue(allocated < 2048, allocated + " bytes for 200000 samples");
        }
    }

    /** A named pipe whose reader opens it but reads nothing until {@link #drain}. */
    private static CompletableFuture<InputStream> stalledPipe(Path fifo) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newInputStream(fifo); // blocks until the recorder opens the pipe
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static CompletableFuture<byte[]> drain(CompletableFuture<InputStream> reader) {
        return reader.thenApplyAsync(in -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitFlushOf(SessionRecorder recorder, long samples) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recorder.samplesWritten() < samples && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long flushes = recorder.flushes();
        while (recorder.flushes() <= flushes && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(recorder.flushes() > flushes, "no flush within 10 s");
    }

    /** Samples of two sensors, interleaved, with distinct values and magnetometer on every other row. */
    private static List<Sample> twoSensors(int instants) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < instants; i++) {
            double t = 12.5 + i * 0.01;
            for (Placement p : new Placement[]{Placement.SACRUM, Placement.THORACOLUMBAR}) {
                Sample s = new Sample().set(t, p, 0.01 * (i % 7), -0.02 * (i % 5), 0.98 + 0.001 * (i % 3),
                        0.5 * (i % 11), -0.25 * (i % 13), 1.125);
                if (i % 2 == 0) {
                    s.setMag(20.5, -3.25, 41.0);
                }
                out.add(s);
            }
        }
        return out;
    }

    private static List<CoachEvent> someEvents() {
        return Sessions.coach(Sessions.plankThenHinge(), CoachSettings.defaults(), s -> { }, e -> { });
    }

    private static List<Sample> readAll(Path trace) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(trace)) {
            Sample s = new Sample();
            while (reader.next(s)) {
                Sample kept = new Sample();
                kept.copyFrom(s);
                out.add(kept);
            }
            assertEquals(0, reader.badRows(), reader.badRowReport());
        }
        return out;
    }

    private static void assertSamples(List<Sample> expected, List<Sample> actual) {
        assertEquals(expected.size(), actual.size(), "rows");
        for (int i = 0; i < expected.size(); i++) {
            Sample e = expected.get(i);
            Sample a = actual.get(i);
            String at = "row " + i;
            assertEquals(e.timeS, a.timeS, 1e-9, at);
            assertEquals(e.sensor, a.sensor, at);
            assertEquals(e.ax, a.ax, 1e-9, at);
            assertEquals(e.ay, a.ay, 1e-9, at);
            assertEquals(e.az, a.az, 1e-9, at);
            assertEquals(e.gx, a.gx, 1e-9, at);
            assertEquals(e.gy, a.gy, 1e-9, at);
            assertEquals(e.gz, a.gz, 1e-9, at);
            assertEquals(e.hasMag, a.hasMag, at);
            if (e.hasMag) {
                assertEquals(e.mx, a.mx, 1e-9, at);
                assertEquals(e.my, a.my, 1e-9, at);
                assertEquals(e.mz, a.mz, 1e-9, at);
            }
        }
    }
}
