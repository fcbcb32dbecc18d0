package org.formcoach.benchmarks.bridge;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import org.formcoach.bridge.live.SampleQueue;
import org.formcoach.bridge.wire.BinaryFrameDecoder;
import org.formcoach.bridge.wire.BinaryProtocol;
import org.formcoach.bridge.wire.JsonSampleDecoder;
import org.formcoach.bridge.wire.SampleSink;
import org.formcoach.bridge.wire.TextFormat;
import org.formcoach.bridge.wire.TextLineDecoder;
import org.formcoach.bridge.wire.WireCounters;
import org.formcoach.engine.sample.Sample;

/**
 * The device bridge's per-sample path: decoding each wire format into the reused sample,
 * and the hand-off to the engine thread. Per operation = per sample. Run with {@code -prof gc}:
 * the binary and text decoders and the queue must show ~0 B/op; the JSON decoder allocates
 * one parser per message (shared by the samples of a batch, all of it on the sample when a
 * message holds one).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar WireDecodeBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WireDecodeBenchmark {
    private static final int SAMPLES = 100;

    private byte[] binary;
    private byte[] text;
    private byte[] json;
    private byte[] jsonOne;
    private BinaryFrameDecoder binaryDecoder;
    private TextLineDecoder textDecoder;
    private JsonSampleDecoder jsonDecoder;
    private SampleQueue queue;
    private final Sample sample = new Sample();
    private Blackhole hole;
    private final SampleSink sink = (s, seq) -> hole.consume(s.az);
    private final SampleQueue.Consumer consumer = (d, s, seq) -> hole.consume(s.gx);
    private long clock;

    @Setup
    public void setUp(Blackhole bh) {
        hole = bh;
        BinaryProtocol.Writer w = new BinaryProtocol.Writer();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        StringBuilder t = new StringBuilder();
        StringBuilder j = new StringBuilder("{\"sensor\":\"sacrum\",\"t0\":0,\"seq0\":0,\"rows\":[");
        for (int i = 0; i < SAMPLES; i++) {
            b.writeBytes(w.imu(0, i, i * 10_000L, (short) 12, (short) -40, (short) 4090, (short) 3, (short) -7, (short) 1)
                    .toFrame());
            String time = String.format(java.util.Locale.ROOT, "%.2f", i * 0.01);
            t.append(time).append(",0.0123,-0.0201,0.9981,0.10,-0.15,0.11\n");
            j.append(i == 0 ? "" : ",").append('[').append(time).append(",0.0123,-0.0201,0.9981,0.10,-0.15,0.11]");
        }
        binary = b.toByteArray();
        text = t.toString().getBytes(StandardCharsets.US_ASCII);
        json = j.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
        jsonOne = "{\"t\":12.34,\"sensor\":\"sacrum\",\"seq\":1234,\"a\":[0.0123,-0.0201,0.9981],\"g\":[0.10,-0.15,0.11]}"
                .getBytes(StandardCharsets.US_ASCII);
        binaryDecoder = new BinaryFrameDecoder(new WireCounters(), sink);
        textDecoder = new TextLineDecoder(TextFormat.defaults(), new WireCounters(), sink);
        jsonDecoder = new JsonSampleDecoder(new WireCounters(), sink);
        queue = new SampleQueue(1024);
    }

    /** 100 binary frames (the clock keeps going so the session sees no repeats). */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void binaryFrames() {
        binaryDecoder.feed(binary, 0, binary.length, clock++);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void textLines() {
        textDecoder.feed(text, 0, text.length, clock++);
    }

    /** One MQTT message holding a compact batch of 100 samples. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void jsonBatch() {
        jsonDecoder.decode(json, 0, json.length, clock++);
    }

    /**
     * One MQTT message holding one sample object (the simplest firmware's choice): all the
     * work of reading a message falls on one sample.
     */
    @Benchmark
    public void jsonOneSample() {
        jsonDecoder.decode(jsonOne, 0, jsonOne.length, clock++);
    }

    /** Transport thread → engine thread hand-off, 100 samples in, 100 out. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void queueHandOff() {
        for (int i = 0; i < SAMPLES; i++) {
            sample.timeS = i;
            queue.offer(1, sample, i);
        }
        queue.drain(consumer, SAMPLES);
    }
}
