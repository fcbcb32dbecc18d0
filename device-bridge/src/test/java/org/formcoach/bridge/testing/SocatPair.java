package org.formcoach.bridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair from socat: bytes written to {@link #devicePath()} come out of
 * {@link #hostPath()} and back. Both are symlinks that socat makes to /dev/pts/N; a
 * {@link #kill} and {@link #start} gives new ptys behind the same links, as a USB device
 * that is unplugged and plugged in again.
 */
public final class SocatPair implements AutoCloseable {
    private final Path dir;
    private final Path device;
    private final Path host;
    private Process process;

    private SocatPair(Path dir) {
        this.dir = dir;
        this.device = dir.resolve("device");
        this.host = dir.resolve("host");
    }

    public static SocatPair start() throws IOException, InterruptedException {
        SocatPair p = new SocatPair(Files.createTempDirectory("formcoach-pty"));
        p.restart();
        return p;
    }

    public synchronized void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("socat.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(device) && Files.exists(host))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not create " + device + " and " + host);
            }
            Thread.sleep(20);
        }
    }

    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
        // socat removes its links on a clean exit only; a killed one leaves them dangling.
        try {
            Files.deleteIfExists(device);
            Files.deleteIfExists(host);
        } catch (IOException ignored) {
            // gone already
        }
    }

    public String devicePath() {
        return device.toString();
    }

    public String hostPath() {
        return host.toString();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
