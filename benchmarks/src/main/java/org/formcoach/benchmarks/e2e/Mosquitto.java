package org.formcoach.benchmarks.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto for the harness, on a free port of 127.0.0.1: anonymous, no
 * persistence, Nagle off ({@code set_tcp_nodelay true}, docs/protocols.md §3.6).
 */
final class Mosquitto implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private Mosquitto(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    static Mosquitto start(String binary) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("formcoach-e2e-mosquitto");
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\n"
                + "allow_anonymous true\n"
                + "persistence false\n"
                + "set_tcp_nodelay true\n"
                + "max_connections -1\n"
                + "log_dest stderr\nlog_type error\nlog_type warning\n");
        Process p = new ProcessBuilder(binary, "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                Thread.sleep(50);
            }
        }
        // Not left running when the harness is stopped (Ctrl-C, a timeout).
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "e2e-stop-mosquitto"));
        return new Mosquitto(p, port, dir);
    }

    static String findBinary() {
        for (String c : new String[]{"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return "mosquitto";
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** What the broker logged (errors and warnings). */
    String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
