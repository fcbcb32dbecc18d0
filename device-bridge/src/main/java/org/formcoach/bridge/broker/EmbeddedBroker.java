package org.formcoach.bridge.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Properties;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;

/**
 * The broker {@code formcoach live --mqtt} starts when given no URL (Moquette 0.17, MQTT
 * 3.1.1, in-process, ~0.5 s to start). Safe by default: bound to 127.0.0.1; binding any
 * other address requires a username and password (it refuses to start otherwise); no
 * persistence, no telemetry. Enough for one wearer or a few; larger setups belong on
 * Mosquitto (docs/protocols.md §3.7).
 */
public final class EmbeddedBroker implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 1883;

    private final Server server = new Server();
    private final String host;
    private final int port;
    private boolean running;

    private EmbeddedBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * @param username null for anonymous access (only allowed on a loopback address)
     * @throws IllegalArgumentException when binding a non-loopback address without credentials
     * @throws IOException when the port cannot be bound
     */
    public static EmbeddedBroker start(String host, int port, String username, char[] password) throws IOException {
        boolean credentials = username != null && !username.isEmpty() && password != null && password.length > 0;
        if (!isLoopback(host) && !credentials) {
            throw new IllegalArgumentException("the embedded broker binds " + host
                    + ", which other machines can reach: give a username and password (refusing to start an open broker)");
        }
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", Boolean.toString(!credentials));
        p.setProperty("allow_zero_byte_client_id", "false");
        p.setProperty("netty.mqtt.message_size", Integer.toString(256 * 1024));
        EmbeddedBroker broker = new EmbeddedBroker(host, port);
        IAuthenticator auth = credentials ? new SingleUser(username, password) : null;
        try {
            broker.server.startServer(new MemoryConfig(p), List.of(), null, auth, null);
        } catch (RuntimeException e) {
            throw new IOException("embedded broker could not start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        broker.running = true;
        return broker;
    }

    /** 127.0.0.1 on the default port, anonymous. */
    public static EmbeddedBroker startLocal(int port) throws IOException {
        return start(DEFAULT_HOST, port, null, null);
    }

    public String url() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "tcp://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            server.stopServer();
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** One username and password, compared in constant time. */
    private static final class SingleUser implements IAuthenticator {
        private final byte[] user;
        private final byte[] pass;

        SingleUser(String user, char[] pass) {
            this.user = user.getBytes(StandardCharsets.UTF_8);
            this.pass = new String(pass).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkValid(String clientId, String username, byte[] password) {
            return username != null && password != null
                    && MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8))
                    && MessageDigest.isEqual(pass, password);
        }
    }
}
