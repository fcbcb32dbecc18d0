package org.formcoach.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationCheckTest {
    /** The shape JMH 1.37 writes with -rf json (trimmed to what the check reads, plus neighbours it skips). */
    private static final String RESULTS = """
            [
              {
                "jmhVersion" : "1.37",
                "benchmark" : "org.formcoach.benchmarks.SamplePathBenchmark.oneSample",
                "mode" : "avgt",
                "threads" : 1,
                "jvmArgs" : [ "-Xmx1g" ],
                "params" : { "exercise" : "hinge", "wire" : "binary" },
                "primaryMetric" : { "score" : 231.5, "scoreError" : 12.0, "scoreConfidence" : [ 219.5, 243.5 ],
                  "scorePercentiles" : { "50.0" : 231.0 }, "scoreUnit" : "ns/op", "rawData" : [ [ 230.1, 232.9 ] ] },
                "secondaryMetrics" : {
                  "gc.alloc.rate" : { "score" : 0.4, "scoreUnit" : "MB/sec", "rawData" : [ [ 0.4 ] ] },
                  "gc.alloc.rate.norm" : { "score" : 0.098, "scoreError" : "NaN", "scoreUnit" : "B/op" }
                }
              },
              {
                "benchmark" : "org.formcoach.benchmarks.bridge.WireDecodeBenchmark.jsonOneSample",
                "params" : { },
                "primaryMetric" : { "score" : 900.0, "scoreUnit" : "ns/op" },
                "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 840.0, "scoreUnit" : "B/op" } }
              },
              {
                "benchmark" : "org.formcoach.benchmarks.OrientationBenchmark.updateWithMagnetometer",
                "primaryMetric" : { "score" : 40.0, "scoreUnit" : "ns/op" },
                "secondaryMetrics" : { }
              }
            ]
            """;

    @Test
    void shouldReadEachBenchmarksNameParametersAndBytesPerOperation(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, RESULTS);
        List<AllocationCheck.Result> results = AllocationCheck.read(file);
        assertEquals(3, results.size());
        assertEquals("SamplePathBenchmark.oneSample (exercise=hinge,wire=binary)", results.get(0).name());
        assertEquals(0.098, results.get(0).bytesPerOp(), 1e-12);
        assertEquals(231.5, results.get(0).score(), 1e-12);
        assertEquals("ns/op", results.get(0).unit());
        assertEquals("bridge.WireDecodeBenchmark.jsonOneSample", results.get(1).name());
        assertEquals(840.0, results.get(1).bytesPerOp(), 1e-12);
    }

    @Test
    void shouldLeaveTheAllocationUnknownWhenTheGcProfilerDidNotRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, RESULTS);
        assertTrue(Double.isNaN(AllocationCheck.read(file).get(2).bytesPerOp()));
    }
}
