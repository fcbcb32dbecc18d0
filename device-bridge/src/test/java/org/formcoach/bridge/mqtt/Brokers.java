package org.formcoach.bridge.mqtt;

import java.io.IOException;

import org.formcoach.bridge.broker.EmbeddedBroker;
import org.formcoach.bridge.testing.FreePort;
import org.formcoach.bridge.testing.Mosquitto;

/** The two brokers every MQTT test runs against: a real Mosquitto process and the embedded Moquette. */
final class Brokers implements AutoCloseable {
    enum Kind { MOSQUITTO, EMBEDDED }

    final Mosquitto mosquitto;
    final EmbeddedBroker embedded;

    private Brokers(Mosquitto mosquitto, EmbeddedBroker embedded) {
        this.mosquitto = mosquitto;
        this.embedded = embedded;
    }

    static Brokers start() throws IOException, InterruptedException {
        Mosquitto m = Mosquitto.startOnFreePort();
        try {
            return new Brokers(m, EmbeddedBroker.startLocal(FreePort.find()));
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    String url(Kind kind) {
        return kind == Kind.MOSQUITTO ? mosquitto.url() : embedded.url();
    }

    int port(Kind kind) {
        return kind == Kind.MOSQUITTO ? mosquitto.port() : embedded.port();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            embedded.close();
        } finally {
            mosquitto.close();
        }
    }
}
