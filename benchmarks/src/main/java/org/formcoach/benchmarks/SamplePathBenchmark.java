package org.formcoach.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.formcoach.bridge.wire.BinaryFrameDecoder;
import org.formcoach.bridge.wire.BinaryProtocol;
import org.formcoach.bridge.wire.JsonSampleDecoder;
import org.formcoach.bridge.wire.JsonSampleEncoder;
import org.formcoach.bridge.wire.TextFormat;
import org.formcoach.bridge.wire.TextLineDecoder;
import org.formcoach.bridge.wire.TextLineEncoder;
import org.formcoach.bridge.wire.WireCounters;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole per-sample path of a live session, per exercise and wire format: the bytes of
 * one sample as the device sent them (a binary frame, a text line, or one JSON object per
 * MQTT message as the virtual MQTT device writes it) → the decoder fills
 * the reused {@link Sample} → the {@link Coach} (orientation, calibration, posture, the
 * exercise's detector, the alert policy). One operation = one sample.
 *
 * <p>The trace is a clean set (no alert) encoded once at set-up and looped; the decoded
 * time of each lap is moved on by the trace's length (one addition in the sink) so the
 * coach sees time going forward. The events a clean set still emits (calibration, reps,
 * holds) allocate by design and are counted: {@code events per 1e6 samples} is printed at
 * the end of each trial, so their share of {@code gc.alloc.rate.norm} can be told apart.
 * The CI smoke check ({@link AllocationCheck}) fails when any of these allocates 1 B/op or
 * more.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SamplePathBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplePathBenchmark {
    @Param({"hinge", "squat", "plank", "bird-dog"})
    public String exercise;

    @Param({"binary", "text", "json"})
    public String wire;

    private byte[] bytes;
    /** Sample i is bytes [start[i], start[i + 1]). */
    private int[] start;
    private int count;
    private double duration;
    private int index;
    private double lapOffset;
    private long clock;
    private Coach coach;
    private BinaryFrameDecoder binary;
    private TextLineDecoder text;
    private JsonSampleDecoder json;
    private long decoded;
    private long events;

    @Setup(Level.Trial)
    public void setUp() {
        Exercise ex = Exercise.parse(exercise);
        List<Sample> samples = ExerciseTraces.clean(ex);
        count = samples.size();
        duration = samples.get(count - 1).timeS + 0.01;
        start = new int[count + 1];
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 64);
        BinaryProtocol.Writer writer = new BinaryProtocol.Writer();
        StringBuilder line = new StringBuilder(96);
        int a = BinaryProtocol.DEFAULT_ACCEL_RANGE_G;
        int g = BinaryProtocol.DEFAULT_GYRO_RANGE_DPS;
        for (int i = 0; i < count; i++) {
            Sample s = samples.get(i);
            start[i] = out.size();
            if (wire.equals("binary")) {
                int n = writer.imu(s.sensor, i & 0xFFFF, Math.round(s.timeS * 1e6) & 0xFFFFFFFFL,
                        BinaryProtocol.toRaw(s.ax, a), BinaryProtocol.toRaw(s.ay, a), BinaryProtocol.toRaw(s.az, a),
                        BinaryProtocol.toRaw(s.gx, g), BinaryProtocol.toRaw(s.gy, g), BinaryProtocol.toRaw(s.gz, g))
                        .frame();
                out.write(writer.frameBytes(), 0, n);
            } else if (wire.equals("json")) {
                line.setLength(0);
                JsonSampleEncoder.appendObject(line, s, i);
                out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
            } else {
                line.setLength(0);
                TextLineEncoder.appendLine(line, s);
                out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        start[count] = out.size();
        bytes = out.toByteArray();
        coach = new Coach(ex, CoachSettings.defaults(), 100, event -> events++);
        if (wire.equals("binary")) {
            binary = new BinaryFrameDecoder(new WireCounters(), this::toCoach);
        } else if (wire.equals("text")) {
            text = new TextLineDecoder(TextFormat.defaults(), new WireCounters(), this::toCoach);
            byte[] header = TextLineEncoder.HEADER.getBytes(StandardCharsets.US_ASCII);
            text.feed(header, 0, header.length, 0);
        } else if (wire.equals("json")) {
            json = new JsonSampleDecoder(new WireCounters(), this::toCoach);
        } else {
            throw new IllegalArgumentException("wire: binary, text or json, not " + wire);
        }
    }

    private void toCoach(Sample s, long sequence) {
        s.timeS += lapOffset;
        decoded++;
        coach.accept(s);
    }

    /** One sample's bytes through the decoder and the coach. */
    @Benchmark
    public int oneSample() {
        int i = index;
        if (binary != null) {
            binary.feed(bytes, start[i], start[i + 1], clock++);
        } else if (json != null) {
            json.decode(bytes, start[i], start[i + 1], clock++);
        } else {
            text.feed(bytes, start[i], start[i + 1], clock++);
        }
        if (++i == count) {
            i = 0;
            lapOffset += duration;
        }
        index = i;
        return coach.reps();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (coach.rejectedSamples() > 0 || decoded != clock) {
            throw new IllegalStateException("the loop is not clean: " + coach.rejectedSamples() + " rejected, "
                    + decoded + " decoded of " + clock + " fed");
        }
        System.out.printf("%n  %d samples, %d events (%.1f per 1e6 samples), %d reps, %d alerts%n", decoded, events,
                events * 1e6 / Math.max(1, decoded), coach.reps(), coach.alerts());
    }
}
