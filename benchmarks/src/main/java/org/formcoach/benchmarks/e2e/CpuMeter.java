package org.formcoach.benchmarks.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU used over a window, in cores: by groups of this JVM's threads (told apart by name:
 * the engine side, the echo, the simulated devices) and by the broker process (from
 * /proc), so a run can say where two cores went.
 */
final class CpuMeter {
    /** Which group a thread belongs to, from its name. */
    static String group(String threadName) {
        if (threadName.contains("formcoach-bridge") || threadName.startsWith("formcoach-engine")
                || threadName.startsWith("mqtt-alerts") || threadName.startsWith("serial-")) {
            return "engine";
        }
        if (threadName.contains("e2e-echo")) {
            return "echo";
        }
        if (threadName.contains("e2e-dev") || threadName.startsWith("e2e-")) {
            return "devices";
        }
        return "other";
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long brokerPid;
    private final Map<Long, Long> startByThread = new HashMap<>();
    private final Map<Long, String> groupByThread = new HashMap<>();
    private long startNanos;
    private long startBrokerTicks;

    /** @param brokerPid the broker's process id, or -1 */
    CpuMeter(long brokerPid) {
        this.brokerPid = brokerPid;
    }

    void start() {
        startByThread.clear();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    startByThread.put(info.getThreadId(), cpu);
                    groupByThread.put(info.getThreadId(), group(info.getThreadName()));
                }
            }
        }
        startBrokerTicks = brokerTicks();
        startNanos = System.nanoTime();
    }

    /** Cores used per group since {@link #start}; "broker" is the broker process. */
    Map<String, Double> stop() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cores = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long before = startByThread.getOrDefault(info.getThreadId(), 0L);
            String g = group(info.getThreadName());
            cores.merge(g, (cpu - before) / 1e9 / wall, Double::sum);
        }
        long ticks = brokerTicks();
        if (ticks >= 0 && startBrokerTicks >= 0) {
            cores.put("broker", (ticks - startBrokerTicks) / 100.0 / wall);
        }
        return cores;
    }

    /** utime + stime of the broker in clock ticks (USER_HZ, 100 on Linux), or -1. */
    private long brokerTicks() {
        if (brokerPid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + brokerPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After "pid (comm) ": state is field 3, utime 14, stime 15 → indices 11 and 12 here.
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
