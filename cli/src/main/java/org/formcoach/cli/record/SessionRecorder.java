package org.formcoach.cli.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.EventJson;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceWriter;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * Records a live session: the raw trace (CONTRACT §1, with the sensor column) and, beside
 * it, every coach event as a JSON line ({@code X.csv.gz} → {@code X.events.jsonl}).
 *
 * <pre>{@code
 * SessionRecorder recorder = SessionRecorder.start(Path.of("monday.csv.gz"),
 *         RecordingInfo.of(Exercise.HINGE, "belt-01", 100),
 *         failure -> System.err.println("formcoach: " + failure.getMessage()));
 * Coach coach = new Coach(Exercise.HINGE, settings, 100, event -> { show(event); recorder.recordEvent(event); });
 * // the engine, per sample:
 * recorder.recordSample(sample);
 * coach.accept(sample);
 * // at the end:
 * recorder.close();
 * }</pre>
 *
 * <p><b>Never blocks the engine.</b> {@link #recordSample} copies the sample into a
 * preallocated ring and returns; {@link #recordEvent} offers the (immutable) event to a
 * bounded queue. A writer thread formats and writes both files. When a queue is full the
 * item is dropped and counted ({@link #droppedSamples()}, {@link #droppedEvents()}); the
 * writer also notes drops in the files themselves: a {@code #} comment line in the trace
 * and a {@code warning} event with code {@code recording_dropped}.
 *
 * <p><b>Flush policy.</b> The writer flushes both files at least every
 * {@value #FLUSH_INTERVAL_MS} ms. A {@code .gz} trace is flushed with SYNC_FLUSH, so a
 * killed process leaves a gzip file whose data up to the last flush decompresses; a
 * SIGINT/SIGTERM runs a shutdown hook that drains and closes properly.
 *
 * <p><b>Failures.</b> A path that cannot be created (missing directory, no permission, a
 * full disk when the header is flushed) fails {@link #start} with a
 * {@link RecordingException} naming the file. A write or flush that fails later (disk
 * full) stops the recording at once: the files keep what was flushed, further samples are
 * ignored, and {@code onFailure} is called once, on the writer thread, within the flush
 * interval of the failure. The commands' policy: say so on stderr immediately, keep
 * coaching (the wearer is mid-set), and exit with status 1 at the end.
 *
 * <p>{@link #recordSample} and {@link #recordEvent} must be called from one thread (the
 * one that feeds the coach).
 */
public final class SessionRecorder implements AutoCloseable {
    /** Both files are flushed at least this often. */
    public static final long FLUSH_INTERVAL_MS = 500;
    /** Samples the ring holds: ~27 s of three sensors at 200 Hz, so a slow disk stalls nothing. */
    public static final int DEFAULT_SAMPLE_CAPACITY = 16384;
    public static final int DEFAULT_EVENT_CAPACITY = 1024;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int BATCH = 4096;
    private static final long CLOSE_WAIT_MS = 10_000;

    private final Path tracePath;
    private final Path eventsPath;
    private final TraceWriter trace;
    private final Writer traceText;
    private final Writer events;
    private final SampleRing ring;
    private final ArrayBlockingQueue<CoachEvent> eventQueue;
    private final Consumer<RecordingException> onFailure;
    private final Thread writer;
    private final Thread shutdownHook;

    /** Written by the engine only (one thread at a time, under its lock). */
    private volatile long droppedSamples;
    private final AtomicLong droppedEvents = new AtomicLong();
    /** Written by the writer thread only. */
    private volatile long samplesWritten;
    private volatile long eventsWritten;
    private volatile long flushes;
    private volatile boolean stopping;
    private volatile RecordingException failure;
    private boolean closed;

    private SessionRecorder(Path tracePath, Path eventsPath, TraceWriter trace, Writer traceText, Writer events,
                            int sampleCapacity, int eventCapacity, Consumer<RecordingException> onFailure) {
        this.tracePath = tracePath;
        this.eventsPath = eventsPath;
        this.trace = trace;
        this.traceText = traceText;
        this.events = events;
        this.ring = new SampleRing(sampleCapacity);
        this.eventQueue = new ArrayBlockingQueue<>(eventCapacity);
        this.onFailure = onFailure;
        this.writer = new Thread(this::writeLoop, "formcoach-recorder");
        this.writer.setDaemon(true);
        this.shutdownHook = new Thread(this::close, "formcoach-recorder-shutdown");
    }

    /** Starts recording to {@code trace} and its events file {@link SessionFiles#eventsFor beside it}. */
    public static SessionRecorder start(Path trace, RecordingInfo info, Consumer<RecordingException> onFailure)
            throws RecordingException {
        return start(trace, SessionFiles.eventsFor(trace), info, DEFAULT_SAMPLE_CAPACITY, DEFAULT_EVENT_CAPACITY,
                onFailure);
    }

    /**
     * Creates both files, writes and flushes the trace header (so an unwritable path or a
     * full disk fails here, naming the file) and starts the writer thread.
     */
    public static SessionRecorder start(Path trace, Path eventsFile, RecordingInfo info, int sampleCapacity,
                                        int eventCapacity, Consumer<RecordingException> onFailure)
            throws RecordingException {
        if (trace.toAbsolutePath().normalize().equals(eventsFile.toAbsolutePath().normalize())) {
            throw new RecordingException(trace, "cannot record: the trace and the events file are both " + trace, null);
        }
        Writer traceText = openText(trace, trace.getFileName().toString().endsWith(".gz"));
        TraceWriter traceWriter;
        try {
            traceWriter = TraceWriter.to(traceText, traceOptions(info));
            traceText.flush();
        } catch (IOException e) {
            closeQuietly(traceText);
            throw cannotStart(trace, e);
        }
        Writer eventsText;
        try {
            eventsText = openText(eventsFile, false);
        } catch (RecordingException e) {
            closeQuietly(traceText);
            throw e;
        }
        SessionRecorder recorder = new SessionRecorder(trace, eventsFile, traceWriter, traceText, eventsText,
                sampleCapacity, eventCapacity, onFailure == null ? f -> { } : onFailure);
        recorder.writer.start();
        try {
            Runtime.getRuntime().addShutdownHook(recorder.shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; close() is all that is left to do.
        }
        return recorder;
    }

    private static TraceWriter.Options traceOptions(RecordingInfo info) {
        TraceWriter.Options options = TraceWriter.options().sensorColumn(true).magColumns(info.magnetometer())
                .rateHz(info.rateHz());
        if (info.device() != null) {
            options.device(info.device());
        }
        options.meta("exercise", info.exercise().cliName());
        options.meta("recorded", info.started().toString());
        for (Map.Entry<String, Double> e : info.changedSettings().entrySet()) {
            StringBuilder value = new StringBuilder();
            DecimalFormatter.append(value, e.getValue(), 6);
            options.meta(RecordingInfo.SETTING_PREFIX + e.getKey(), value.length() == 0 ? "0" : value.toString());
        }
        return options;
    }

    private static Writer openText(Path file, boolean gzip) throws RecordingException {
        OutputStream stream;
        try {
            stream = Files.newOutputStream(file);
        } catch (IOException e) {
            throw cannotStart(file, e);
        }
        try {
            if (gzip) {
                // syncFlush: every flush() ends a deflate block, so the bytes on disk decompress.
                stream = new GZIPOutputStream(stream, 1 << 16, true);
            }
        } catch (IOException e) {
            closeQuietly(stream);
            throw cannotStart(file, e);
        }
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    // ----- the engine (one thread at a time) -----

    /** Copies the sample for the writer; never blocks, never allocates. Ignored once the recording stopped. */
    public void recordSample(Sample sample) {
        if (stopping || failure != null) {
            return;
        }
        if (!ring.offer(sample)) {
            droppedSamples++; // one writer at a time: the engine
        }
    }

    /** Queues an event for the events file; never blocks. Usable as a {@code CoachListener}. */
    public void recordEvent(CoachEvent event) {
        if (stopping || failure != null) {
            return;
        }
        if (!eventQueue.offer(event)) {
            droppedEvents.incrementAndGet();
        }
    }

    // ----- writer thread -----

    private void writeLoop() {
        Sample sample = new Sample();
        StringBuilder line = new StringBuilder(192);
        long lastFlush = System.nanoTime();
        long dropsNoted = 0;
        long eventDropsNoted = 0;
        double lastTime = Double.NaN;
        try {
            while (true) {
                boolean finishing = stopping; // read first: everything offered before close() is drained below
                int done = 0;
                while (done < BATCH && ring.poll(sample)) {
                    writeSample(sample);
                    lastTime = sample.timeS;
                    done++;
                }
                CoachEvent event;
                while ((event = eventQueue.poll()) != null) {
                    writeEvent(event, line);
                    done++;
                }
                long drops = droppedSamples;
                long eventDrops = droppedEvents.get();
                if (drops != dropsNoted || eventDrops != eventDropsNoted) {
                    noteDrops(drops - dropsNoted, eventDrops - eventDropsNoted, lastTime, line);
                    dropsNoted = drops;
                    eventDropsNoted = eventDrops;
                }
                long now = System.nanoTime();
                if (now - lastFlush >= TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS)) {
                    flushBoth();
                    lastFlush = now;
                }
                if (finishing && ring.isEmpty() && eventQueue.isEmpty()) {
                    break;
                }
                if (done == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
            flushBoth();
            closeBoth();
        } catch (RecordingException e) {
            closeQuietly(traceText);
            closeQuietly(events);
            fail(e);
        }
    }

    private void writeSample(Sample s) throws RecordingException {
        try {
            trace.write(s);
        } catch (IOException e) {
            throw stopped(tracePath, e);
        }
        samplesWritten++;
    }

    private void writeEvent(CoachEvent event, StringBuilder line) throws RecordingException {
        line.setLength(0);
        EventJson.append(line, event).append('\n');
        try {
            events.append(line);
        } catch (IOException e) {
            throw stopped(eventsPath, e);
        }
        eventsWritten++;
    }

    /** Leaves a trace of the loss in both files: a comment row (readers skip it) and a warning event. */
    private void noteDrops(long samples, long events, double lastTime, StringBuilder line) throws RecordingException {
        String what = (samples > 0 ? samples + " sample" + (samples == 1 ? "" : "s") : "")
                + (samples > 0 && events > 0 ? " and " : "")
                + (events > 0 ? events + " event" + (events == 1 ? "" : "s") : "");
        String message = String.format(Locale.ROOT,
                "the recorder dropped %s%s because the disk could not keep up", what,
                Double.isNaN(lastTime) ? "" : String.format(Locale.ROOT, " after t=%.3f s", lastTime));
        try {
            traceText.write("# " + message + "\n"); // TraceWriter appends straight to traceText: order kept
        } catch (IOException e) {
            throw stopped(tracePath, e);
        }
        writeEvent(new CoachEvent.Warning(Double.isNaN(lastTime) ? 0 : lastTime, "recording_dropped", message), line);
    }

    private void flushBoth() throws RecordingException {
        try {
            trace.flush();
        } catch (IOException e) {
            throw stopped(tracePath, e);
        }
        try {
            events.flush();
        } catch (IOException e) {
            throw stopped(eventsPath, e);
        }
        flushes++;
    }

    private void closeBoth() throws RecordingException {
        try {
            trace.close();
        } catch (IOException e) {
            closeQuietly(events);
            throw stopped(tracePath, e);
        }
        try {
            events.close();
        } catch (IOException e) {
            throw stopped(eventsPath, e);
        }
    }

    private void fail(RecordingException e) {
        failure = e;
        try {
            onFailure.accept(e);
        } catch (RuntimeException callbackFailed) {
            System.err.println("formcoach: " + e.getMessage());
        }
    }

    // ----- any thread -----

    /**
     * Stops taking samples, writes everything queued, flushes and closes both files, and
     * waits for the writer (at most 10 s). A failure is reported through {@code onFailure},
     * not thrown. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive() && failure == null) {
            fail(new RecordingException(tracePath, "recording to " + tracePath + " did not finish within "
                    + CLOSE_WAIT_MS / 1000 + " s (a stalled disk?); the files keep what was flushed", null));
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // Already exiting: the hook is running or has run.
            }
        }
    }

    /**
     * For an owner that closes the recorder itself when the JVM shuts down, after the
     * session's last events (the clears and summary a live session emits as it ends): drops
     * the recorder's own shutdown hook, which could otherwise close the files first.
     */
    public void closedByOwnerAtShutdown() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: the hook is running or has run.
        }
    }

    /** Whether samples are still being recorded (false after a failure or {@link #close}). */
    public boolean isRecording() {
        return !stopping && failure == null;
    }

    /** The failure that stopped the recording, or null. */
    public RecordingException failure() {
        return failure;
    }

    public Path tracePath() {
        return tracePath;
    }

    public Path eventsPath() {
        return eventsPath;
    }

    /** Samples refused because the ring was full. */
    public long droppedSamples() {
        return droppedSamples;
    }

    /** Events refused because the queue was full. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    /** Samples handed to the trace writer so far. */
    public long samplesWritten() {
        return samplesWritten;
    }

    public long eventsWritten() {
        return eventsWritten;
    }

    /** Completed flushes of both files (the last one makes everything written so far durable). */
    public long flushes() {
        return flushes;
    }

    private static RecordingException cannotStart(Path file, IOException e) {
        return new RecordingException(file, "cannot record to " + file + ": " + reason(e), e);
    }

    private static RecordingException stopped(Path file, IOException e) {
        return new RecordingException(file, "recording to " + file + " failed: " + reason(e)
                + "; recording stopped, the file keeps what was written up to the last flush", e);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Already failing; the first error is the one reported.
        }
    }
}
