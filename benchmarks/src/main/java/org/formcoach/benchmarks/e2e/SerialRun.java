package org.formcoach.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fazecast.jSerialComm.SerialPort;

/**
 * One device over a serial pseudo-terminal pair made by socat (as a USB serial device would
 * be): the device writes text lines at the sample rate to one end; on the other end sits
 * either the engine ({@code SerialTransport} in a live session, which writes
 * {@code !ALERT}/{@code !CLEAR} lines back) or the echo baseline — a {@code cat} process
 * that writes every line straight back. The device times the marked samples: the alert
 * (or, for the echo, the line itself) naming a sample's device time ends its latency.
 */
final class SerialRun implements AutoCloseable {
    static final byte[] HEADER = "time_s,sensor,ax,ay,az,gx,gy,gz\n".getBytes(StandardCharsets.US_ASCII);

    private final Path dir;
    private final Process socat;
    private final Path devicePath;
    private final Path hostPath;
    private Process echo;
    private SerialPort port;
    private Thread reader;
    private volatile boolean running = true;
    private volatile boolean listening = true;

    SerialRun() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("formcoach-e2e-pty");
        devicePath = dir.resolve("device");
        hostPath = dir.resolve("host");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + devicePath, "pty,raw,echo=0,link=" + hostPath)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(socat::destroyForcibly, "e2e-stop-socat"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(devicePath) && Files.exists(hostPath))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
    }

    String hostPath() {
        return hostPath.toString();
    }

    long socatPid() {
        return socat.pid();
    }

    /** The echo baseline: a process that writes every byte it reads from the host end back to it. */
    /** Stops counting answers: what comes now is the session's closing clears, not latency. */
    void stopListening() {
        listening = false;
    }

    void startEcho() throws IOException, InterruptedException {
        String real = hostPath.toRealPath().toString();
        echo = new ProcessBuilder("sh", "-c", "exec cat <\"$0\" >\"$0\"", real)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Process started = echo;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "e2e-stop-echo"));
        Thread.sleep(200);
        if (!echo.isAlive()) {
            throw new IOException("the echo process ended at once");
        }
    }

    /**
     * Plays the variant's lines up to {@value FaultTraces#TAIL_S} s past {@code windowTo}, paced
     * at its rate, timing the marked samples of {@code [windowFrom, windowTo)}; returns when
     * the last line is written. The lines after the window are not measured: as in the MQTT
     * fleet, the window's last answers should not meet the end of the traffic.
     *
     * @param engine whether the far end is the engine (answers are alert lines) or the echo
     */
    void play(FaultTraces.Variant v, boolean engine, int windowFrom, int windowTo, Latencies latencies)
            throws IOException {
        port = SerialPort.getCommPort(devicePath.toRealPath().toString());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 1000);
        if (!port.openPort()) {
            throw new IOException("cannot open " + devicePath);
        }
        long[] sent = new long[v.count];
        boolean[] answered = new boolean[v.count];
        reader = new Thread(() -> read(v, engine, sent, answered, windowFrom, windowTo, latencies), "e2e-dev-serial-reader");
        reader.setDaemon(true);
        reader.start();
        port.writeBytes(HEADER, HEADER.length);
        long period = Math.round(1e9 / v.rateHz);
        long origin = System.nanoTime() + 50_000_000L;
        int playTo = FaultTraces.playTo(windowTo, v.rateHz);
        for (int k = 0; k < playTo && k < v.count; k++) {
            long due = origin + k * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[] line = v.lines[k];
            synchronized (sent) {
                sent[k] = System.nanoTime();
            }
            if (port.writeBytes(line, line.length) != line.length) {
                latencies.countSendFailure();
                continue;
            }
            if (k >= windowFrom && k < windowTo && v.markedText[k]) {
                latencies.expect(1);
            }
        }
    }

    private void read(FaultTraces.Variant v, boolean engine, long[] sent, boolean[] answered, int windowFrom,
                      int windowTo, Latencies latencies) {
        byte[] buf = new byte[4096];
        StringBuilder line = new StringBuilder(128);
        while (running) {
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                return;
            }
            long now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                char c = (char) (buf[i] & 0xFF);
                if (c != '\n') {
                    if (line.length() < 256) {
                        line.append(c);
                    }
                    continue;
                }
                String text = line.toString();
                line.setLength(0);
                if (!listening) {
                    continue;
                }
                boolean command = text.startsWith("!ALERT") || text.startsWith("!CLEAR");
                if (engine != command) {
                    continue;
                }
                String field = command ? text.substring(text.lastIndexOf(',') + 1) : text.substring(0,
                        Math.max(0, text.indexOf(',')));
                int k;
                try {
                    k = v.indexOf(Double.parseDouble(field));
                } catch (NumberFormatException e) {
                    continue; // the header line coming back
                }
                if (k < 0 || k >= v.count || !v.markedText[k]) {
                    if (engine) {
                        latencies.countUnexpected();
                    }
                    continue;
                }
                long at;
                synchronized (sent) {
                    at = sent[k];
                }
                if (answered[k]) {
                    latencies.countDuplicate();
                } else if (at > 0) {
                    answered[k] = true;
                    if (k >= windowFrom && k < windowTo) {
                        latencies.answered("dev0", k, at, now);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (reader != null) {
            reader.join(1000);
        }
        if (port != null) {
            port.closePort();
        }
        if (echo != null) {
            echo.destroyForcibly();
            echo.waitFor(5, TimeUnit.SECONDS);
        }
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(devicePath);
            Files.deleteIfExists(hostPath);
            Files.deleteIfExists(dir.resolve("socat.log"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
