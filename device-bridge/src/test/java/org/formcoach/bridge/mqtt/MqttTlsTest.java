package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.Mosquitto;
import org.formcoach.bridge.testing.SelfSignedCert;
import org.formcoach.engine.coach.Exercise;

/** The bridge against a Mosquitto that only speaks TLS. */
class MqttTlsTest {
    @Test
    void shouldConnectOverTlsTrustingTheGivenCaAndRefuseWithoutIt(@TempDir Path dir) throws Exception {
        SelfSignedCert cert = SelfSignedCert.create(dir);
        try (Mosquitto broker = Mosquitto.startTlsOnFreePort(cert)) {
            MqttTransport trusting = new MqttTransport(MqttOptions.of(broker.url()).withTlsCa(cert.certPem()));
            try (LiveSession s = LiveSession.builder(Exercise.HINGE, new CollectingListener()).transport(trusting).start()) {
                MqttEndToEndTest.awaitConnected(trusting);
            }
            CollectingListener events = new CollectingListener();
            MqttTransport untrusting = new MqttTransport(MqttOptions.of(broker.url()));
            try (LiveSession s = LiveSession.builder(Exercise.HINGE, events).transport(untrusting).start()) {
                assertNotNull(events.await(e -> e.note() != null && e.note().contains("cannot reach the MQTT broker"),
                        Duration.ofSeconds(20)), events::dump);
                assertFalse(untrusting.isConnected(), "a certificate the JVM does not trust is refused");
            }
        }
    }
}
