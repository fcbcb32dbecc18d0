package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.formcoach.bridge.testing.SwallowingProxy;
import org.formcoach.bridge.virtual.MqttPayloadFormat;
import org.formcoach.bridge.virtual.VirtualMqttDevice;

/**
 * A virtual device whose CONNECT is accepted over TCP but never answered (seen once under
 * load with 100 devices): a proxy in front of a real broker swallows the first connections.
 * The device must give each attempt a few seconds, drop it and try again, within the
 * overall timeout — not sit out the whole timeout on the first one.
 */
class VirtualMqttDeviceConnectTest extends WithBothBrokers {
    /** Long enough that waiting it out (what a device without retries does) is told apart from a retry. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(8);

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldConnectThroughAProxyThatSwallowsTheFirstConnect(Brokers.Kind broker) throws Exception {
        try (SwallowingProxy proxy = SwallowingProxy.inFrontOf(brokers.port(broker), 1);
             VirtualMqttDevice device = new VirtualMqttDevice("swallowed-once-" + broker.name().toLowerCase(),
                     proxy.url(), MqttPayloadFormat.JSON_BATCH, 10)) {
            long t0 = System.nanoTime();
            device.connect(TIMEOUT);
            double seconds = (System.nanoTime() - t0) / 1e9;

            System.out.printf("%s: online after %.2f s, one CONNECT swallowed%n", broker, seconds);
            assertTrue(device.isOnline(), "subscribed and announced online through the proxy");
            assertEquals(1, device.connects(), "one completed connection: the swallowed one never was");
            assertTrue(proxy.accepted() >= 2, "the swallowed connection, then a forwarded one: " + proxy.accepted());
            assertTrue(proxy.swallowedBytes() > 0, "the first CONNECT was sent, and went unanswered");
            assertTrue(seconds < TIMEOUT.toSeconds() / 2.0,
                    "online after " + seconds + " s: well before the " + TIMEOUT.toSeconds() + " s timeout");
        }
    }

    /**
     * The broker answers the first CONNECT and then drops the connection (as the in-process
     * broker has been seen to do at the subscribe), and the CONNECT that reconnects is
     * swallowed: Paho's automatic reconnect would wait on it for ever. The device gives it
     * {@link VirtualMqttDevice#CONNACK_WAIT}, drops it and gets through on the next. (Whether
     * the reconnect or the first connect's own loop makes that attempt depends on whether Paho
     * took the CONNACK before it saw the cut: with Mosquitto it does, with Moquette not always.)
     */
    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldGetOnlineWhenTheConnectionIsCutAfterItsConnackAndTheReconnectSwallowed(Brokers.Kind broker)
            throws Exception {
        try (SwallowingProxy proxy = SwallowingProxy.treating(brokers.port(broker), n -> switch (n) {
                case 1 -> SwallowingProxy.Treatment.CUT_AFTER_CONNACK;
                case 2 -> SwallowingProxy.Treatment.SWALLOW;
                default -> SwallowingProxy.Treatment.FORWARD;
            });
             VirtualMqttDevice device = new VirtualMqttDevice("cut-then-swallowed-" + broker.name().toLowerCase(),
                     proxy.url(), MqttPayloadFormat.JSON_BATCH, 10)) {
            device.connect(TIMEOUT);

            assertTrue(device.isOnline(), "subscribed and announced online through the proxy");
            assertTrue(proxy.accepted() >= 3, "cut, swallowed, then forwarded: " + proxy.accepted());
            assertTrue(proxy.swallowedBytes() > 0, "the reconnect was made, and went unanswered");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (proxy.swallowedClosedByPeer() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, proxy.swallowedClosedByPeer(), "the device closed the reconnect it gave up on");
        }
    }

    @Test
    void shouldCloseTheConnectionWhoseConnectWentUnanswered() throws Exception {
        try (SwallowingProxy proxy = SwallowingProxy.inFrontOf(brokers.port(Brokers.Kind.MOSQUITTO), 1);
             VirtualMqttDevice device = new VirtualMqttDevice("swallowed-closed", proxy.url(),
                     MqttPayloadFormat.JSON_BATCH, 10)) {
            device.connect(TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (proxy.swallowedClosedByPeer() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, proxy.swallowedClosedByPeer(),
                    "the device closed the connection it gave up on instead of leaving it open");
            assertTrue(device.isOnline(), "and is online on the other one");
        }
    }

    @Test
    void shouldGiveUpWithAClearErrorWhenEveryConnectIsSwallowed() throws Exception {
        try (SwallowingProxy proxy = SwallowingProxy.swallowingEverything(brokers.port(Brokers.Kind.MOSQUITTO));
             VirtualMqttDevice device = new VirtualMqttDevice("swallowed-always", proxy.url(),
                     MqttPayloadFormat.JSON_BATCH, 10)) {
            long t0 = System.nanoTime();
            MqttException e = assertThrows(MqttException.class, () -> device.connect(SHORT_TIMEOUT));
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertTrue(proxy.accepted() >= 2, "tried again after an unanswered CONNECT: " + proxy.accepted()
                    + " connection(s)");
            assertTrue(seconds >= SHORT_TIMEOUT.toSeconds() - 1.0, "kept trying until the deadline: " + seconds + " s");
            assertTrue(seconds < SHORT_TIMEOUT.toSeconds() + 3.0, "gave up at the deadline: " + seconds + " s");
            assertEquals(MqttException.REASON_CODE_CLIENT_TIMEOUT, e.getReasonCode(), e::toString);
            String text = e.toString();
            System.out.printf("gave up after %.2f s: %s%n", seconds, text);
            assertTrue(text.contains(proxy.url()) && text.contains("CONNACK"),
                    "the error names the broker and what was missing: " + text);
            assertFalse(device.isOnline());
        }
    }
}
