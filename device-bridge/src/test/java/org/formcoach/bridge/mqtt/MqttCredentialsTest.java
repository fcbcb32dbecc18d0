package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.broker.EmbeddedBroker;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.FreePort;
import org.formcoach.engine.coach.Exercise;

/** The bridge against a broker that wants a username and password. */
class MqttCredentialsTest {
    @Test
    void shouldConnectWithTheRightPasswordAndSaySoWhenRefused() throws Exception {
        int port = FreePort.find();
        try (EmbeddedBroker broker = EmbeddedBroker.start("0.0.0.0", port, "coach", "s3cret".toCharArray())) {
            String url = "tcp://127.0.0.1:" + port;
            MqttTransport good = new MqttTransport(MqttOptions.of(url).withCredentials("coach", "s3cret".toCharArray()));
            try (LiveSession s = LiveSession.builder(Exercise.HINGE, new CollectingListener()).transport(good).start()) {
                MqttEndToEndTest.awaitConnected(good);
            }
            CollectingListener events = new CollectingListener();
            MqttTransport bad = new MqttTransport(MqttOptions.of(url).withCredentials("coach", "guess".toCharArray()));
            try (LiveSession s = LiveSession.builder(Exercise.HINGE, events).transport(bad).start()) {
                assertNotNull(events.await(e -> e.note() != null && e.note().contains("refused our username/password"),
                        Duration.ofSeconds(20)), events::dump);
                assertFalse(bad.isConnected());
            }
        }
    }
}
