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

    private final boolean tls;

    private Mosquitto(int port, Path dir, SelfSignedCert cert) throws IOException {
        this.port = port;
        this.tls = cert != null;
        this.config = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        StringBuilder c = new StringBuilder();
        c.append("listener ").append(port).append(" 127.0.0.1\n");
        if (cert != null) {
            c.append("certfile ").append(cert.certPem()).append('\n');
            c.append("keyfile ").append(cert.keyPem()).append('\n');
        }
        // Without it Mosquitto holds the tail of a large message for the peer's delayed ACK (~30-40 ms).
        c.append("set_tcp_nodelay true\n");
        c.append("allow_anonymous true\npersistence false\nlog_dest stderr\nlog_type error\nlog_type warning\n");
        Files.writeString(config, c);
    }

    /** A TLS-only listener with a self-signed certificate for 127.0.0.1. */
    public static Mosquitto startTlsOnFreePort(SelfSignedCert cert) throws IOException, InterruptedException {
        Mosquitto m = new Mosquitto(FreePort.find(), cert.certPem().getParent(), cert);
        m.start();
        return m;
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
        Mosquitto m = new Mosquitto(FreePort.find(), Files.createTempDirectory("formcoach-mosquitto"), null);
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
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
