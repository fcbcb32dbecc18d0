package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.SwallowingProxy;
import org.formcoach.engine.coach.Exercise;

/**
 * The bridge's own connection when the broker takes a CONNECT and never answers it (a broker
 * starting up or under load): a proxy in front of a real broker swallows chosen connections.
 * Paho waits for that CONNACK for ever, so the bridge must give each attempt
 * {@link MqttOptions#connackWait()}, drop it and try again — when it first connects, and when
 * it connects again after losing the broker.
 */
class MqttTransportConnectTest extends WithBothBrokers {
    private static final Duration CONNACK_WAIT = Duration.ofSeconds(1);
    /** Long enough for a few attempts; a bridge that waits on a swallowed CONNECT never gets there. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldConnectWhenTheBrokersFirstAnswersAreLost(Brokers.Kind broker) throws Exception {
        CollectingListener events = new CollectingListener();
        try (SwallowingProxy proxy = SwallowingProxy.inFrontOf(brokers.port(broker), 2)) {
            MqttTransport mqtt = new MqttTransport(MqttOptions.of(proxy.url()).withConnackWait(CONNACK_WAIT));
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(mqtt).start()) {
                awaitConnected(mqtt, events);
                assertEquals(1, mqtt.connects(), "one completed connection");
                assertEquals(2, mqtt.failedConnectAttempts(), "the two swallowed attempts were given up");
                assertEquals(3, proxy.accepted(), "two swallowed connections, then the forwarded one");
                assertNotNull(events.await(e -> e.note() != null && e.note().contains("no CONNACK within 1.0 s"),
                        Duration.ZERO), () -> "the wait is explained to the user: " + events.dump());
                awaitClosedByBridge(proxy, 2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldReconnectWhenTheAnswerToAReconnectIsLost(Brokers.Kind broker) throws Exception {
        CollectingListener events = new CollectingListener();
        // The first connection is forwarded; after it is cut, the next two are swallowed.
        try (SwallowingProxy proxy = SwallowingProxy.swallowing(brokers.port(broker), n -> n == 2 || n == 3)) {
            MqttTransport mqtt = new MqttTransport(MqttOptions.of(proxy.url()).withConnackWait(CONNACK_WAIT));
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(mqtt).start()) {
                awaitConnected(mqtt, events);
                proxy.cutForwarded();
                assertNotNull(events.await(e -> e.note() != null && e.note().startsWith("lost the MQTT broker"), WAIT),
                        events::dump);

                long deadline = System.nanoTime() + WAIT.toNanos();
                while (mqtt.connects() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(2, mqtt.connects(), () -> "connected again past the two swallowed CONNECTs; "
                        + events.dump());
                awaitConnected(mqtt, events);
                assertEquals(2, mqtt.failedConnectAttempts());
                assertEquals(4, proxy.accepted());
                awaitClosedByBridge(proxy, 2);
            }
        }
    }

    private static void awaitConnected(MqttTransport mqtt, CollectingListener events) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!mqtt.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(mqtt.isConnected(), () -> "connected and subscribed within " + WAIT + "; " + events.dump());
    }

    /** The bridge closed the connections it gave up on rather than leaving them open. */
    private static void awaitClosedByBridge(SwallowingProxy proxy, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (proxy.swallowedClosedByPeer() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, proxy.swallowedClosedByPeer(), "swallowed connections closed by the bridge");
    }
}
