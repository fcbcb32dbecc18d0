package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.DeviceInfo;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.PlankTrace;
import org.formcoach.bridge.testing.Waits;
import org.formcoach.bridge.virtual.MqttPayloadFormat;
import org.formcoach.bridge.virtual.VirtualMqttDevice;
import org.formcoach.bridge.wire.JsonSampleDecoder;
import org.formcoach.bridge.wire.Outcome;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.sample.Sample;

/** Several devices at once, one of them sending every kind of bad input: each keeps its own session. */
class MqttManyDevicesTest extends WithBothBrokers {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldCoachEachDeviceApartAndCountBadInputPerDevice(Brokers.Kind broker) throws Exception {
        String url = brokers.url(broker);
        List<Sample> trace = PlankTrace.sagging();
        CollectingListener events = new CollectingListener();
        MqttTransport mqtt = new MqttTransport(MqttOptions.of(url));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(mqtt).start();
             VirtualMqttDevice a = new VirtualMqttDevice("wearer-a", url, MqttPayloadFormat.JSON_BATCH, 10);
             VirtualMqttDevice b = new VirtualMqttDevice("wearer-b", url, MqttPayloadFormat.BINARY, 25);
             VirtualMqttDevice noisy = new VirtualMqttDevice("noisy", url, MqttPayloadFormat.JSON, 1)) {
            MqttEndToEndTest.awaitConnected(mqtt);
            a.connect(WAIT);
            b.connect(WAIT);
            noisy.connect(WAIT);
            noisy.play(trace, 0, 20, Double.POSITIVE_INFINITY); // a few good samples first
            Future<?> pa = pool.submit(() -> {
                a.play(trace, 20);
                return null;
            });
            Future<?> pb = pool.submit(() -> {
                b.play(trace, 20);
                return null;
            });
            // Meanwhile: every kind of bad input from the noisy device.
            noisy.publishRaw(bytes("{\"t\":1.0,\"a\":[NaN,0,1],\"g\":[0,0,0]}"));          // malformed (NaN token)
            noisy.publishRaw(bytes("{\"t\":1.0,\"a\":[0,0,1e400],\"g\":[0,0,0]}"));        // infinite
            noisy.publishRaw(bytes("{\"t\":1.0,\"a\":[0,0,1],\"g\":[0,0,99999]}"));        // out of range
            noisy.publishRaw(bytes("{\"t\":0.05,\"sensor\":\"sacrum\",\"a\":[0,0,1],\"g\":[0,0,0]}"));           // backwards
            noisy.publishRaw(bytes("{\"t\":0.19,\"sensor\":\"sacrum\",\"a\":[0,0,1],\"g\":[0,0,0]}"));           // repeats the last time
            noisy.publishRaw(bytes("this is not json"));
            noisy.publishRaw(new byte[]{0, 5, 1, 2, 3, 4, 0});                             // a broken binary frame
            publishOn(url, "formcoach/v1/" + "x".repeat(65) + "/imu", "{}");                // invalid id
            publishOn(url, "formcoach/v1/bad id/imu", "{}");
            pa.get();
            pb.get();
            for (String id : List.of("wearer-a", "wearer-b")) {
                // Every sample, not a pause: under load the broker may hold a batch for longer than
                // any fixed quiet period.
                assertTrue(Waits.untilDecoded(session, id, trace.size(), WAIT),
                        () -> id + " decoded " + session.registry().find(id).wire().get(Outcome.SAMPLE)
                                + " of " + trace.size() + "\n" + events.dump());
            }
            // Too large: sent once the others' streams have all arrived, because Moquette drops
            // QoS 0 messages to a subscriber while a 64 KiB message is on its way to it
            // (docs/protocols.md §3.7); play() returning only means the last batch was handed
            // to the client.
            noisy.publishRaw(new byte[JsonSampleDecoder.MAX_PAYLOAD_BYTES + 1]);
            assertNotNull(a.awaitAlert(Fault.HIP_SAG, WAIT), events::dump);
            assertNotNull(b.awaitAlert(Fault.HIP_SAG, WAIT), events::dump);
            DeviceInfo n = session.registry().find("noisy");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (n.wire().bad() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, n.wire().get(Outcome.NON_FINITE));
            assertEquals(1, n.wire().get(Outcome.OUT_OF_RANGE));
            assertEquals(1, n.wire().get(Outcome.TOO_LARGE));
            assertEquals(2, n.wire().get(Outcome.MALFORMED), "the NaN token and the text");
            assertEquals(1, n.wire().get(Outcome.LOST_SYNC) + n.wire().get(Outcome.BAD_CRC)
                    + n.wire().get(Outcome.TRUNCATED));
            deadline = System.nanoTime() + WAIT.toNanos();
            while (mqtt.refusedTopics() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, mqtt.refusedTopics());
            assertNull(session.registry().find("bad id"));
            session.close();
            BridgeEvent.DeviceSummary ns = events.bridge(BridgeEvent.DeviceSummary.class, "noisy").get(0);
            assertEquals(1, ns.backwards());
            assertEquals(1, ns.duplicates());
            for (String id : List.of("wearer-a", "wearer-b")) {
                BridgeEvent.DeviceSummary s = events.bridge(BridgeEvent.DeviceSummary.class, id).get(0);
                assertEquals(0, s.badInput() + s.backwards() + s.duplicates(), s::toString);
                assertEquals(trace.size(), s.samples(), s::toString);
            }
            assertEquals(3, session.registry().all().size(), "three devices, discovered from their topics");
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void publishOn(String url, String topic, String payload) throws Exception {
        MqttClient c = new MqttClient(url, "formcoach-test-" + System.nanoTime(), new MemoryPersistence());
        c.connect();
        c.publish(topic, bytes(payload), 1, false);
        c.disconnect();
        c.close();
    }
}
