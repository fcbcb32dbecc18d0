package org.formcoach.bridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto for tests: its own config (one listener on 127.0.0.1 and a free port,
 * anonymous, no persistence) in a temporary directory; {@link #kill} is SIGKILL, as a
 * crash; {@link #start} again brings it back on the same port.
 */
public final class Mosquitto implements AutoCloseable {
    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    private Mosquitto(int port, Path dir) throws IOException {
        this.port = port;
        this.config = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                ""));
    }

    public static String binary() {
        for (String candidate : new String[]{"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    public static Mosquitto startOnFreePort() throws IOException, InterruptedException {
        Mosquitto m = new Mosquitto(FreePort.find(), Files.createTempDirectory("formcoach-mosquitto"));
        m.start();
        return m;
    }

    public synchronized void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!FreePort.awaitListening(port, Duration.ofSeconds(15))) {
            throw new IOException("mosquitto did not start on port " + port + ": " + Files.readString(log));
        }
    }

    /** SIGKILL, and wait until it is gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
