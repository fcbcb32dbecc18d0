package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.PlankTrace;
import org.formcoach.bridge.testing.Waits;
import org.formcoach.bridge.virtual.AlertReceipt;
import org.formcoach.bridge.virtual.MqttPayloadFormat;
import org.formcoach.bridge.virtual.VirtualMqttDevice;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.sample.Sample;

/** Virtual devices on a real broker (Mosquitto and the embedded one) → the bridge → the coach → alerts back. */
class MqttEndToEndTest extends WithBothBrokers {
    private static final Duration WAIT = Duration.ofSeconds(30);

    static Stream<Arguments> brokersAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (Brokers.Kind b : Brokers.Kind.values()) {
            for (MqttPayloadFormat f : MqttPayloadFormat.values()) {
                out.add(Arguments.of(b, f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("brokersAndFormats")
    void shouldSendTheHipSagAlertBackToTheDeviceThatSagged(Brokers.Kind broker, MqttPayloadFormat format)
            throws Exception {
        List<Sample> trace = PlankTrace.sagging();
        CollectingListener events = new CollectingListener();
        String id = "plank-" + format.name().toLowerCase().replace('_', '-');
        MqttTransport mqtt = new MqttTransport(MqttOptions.of(brokers.url(broker)));
        try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(mqtt).start()) {
            awaitConnected(mqtt);
            try (VirtualMqttDevice device = new VirtualMqttDevice(id, brokers.url(broker), format, 10)) {
                device.connect(WAIT);
                device.play(trace, 20);
                AlertReceipt receipt = device.awaitAlert(Fault.HIP_SAG, WAIT);
                assertNotNull(receipt, () -> "no hip_sag alert reached the device; events:\n" + events.dump());
                assertTrue(receipt.latencyNanos() > 0, "the alert names a sample the device sent");
                System.out.printf("mqtt %s %s: device-to-alert latency %.1f ms%n", broker, format,
                        receipt.latencyMillis());
                Waits.untilDecoded(session, id, trace.size(), WAIT); // QoS 0 samples may still be on their way
                session.close();
                BridgeEvent.DeviceSummary summary = events.bridge(BridgeEvent.DeviceSummary.class, id).get(0);
                assertEquals(trace.size(), summary.samples(), () -> "every sample decoded; " + events.dump());
                assertEquals(0, summary.badInput(), summary::badDetail);
                long commands = events.coach(CoachEvent.Alert.class, id).size()
                        + events.coach(CoachEvent.Clear.class, id).size();
                assertTrue(device.awaitReceipts((int) commands, WAIT), "every alert and clear reached the device");
                assertEquals(commands, summary.alertsDelivered(), "each acknowledged at QoS 1");
            }
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(MqttPayloadFormat.class)
    void shouldKeepTheSensorsOfATwoSensorDeviceApart(MqttPayloadFormat format) throws Exception {
        List<Sample> trace = PlankTrace.saggingTwoSensors();
        CollectingListener events = new CollectingListener();
        String id = "two-" + format.name().toLowerCase().replace('_', '-');
        MqttTransport mqtt = new MqttTransport(MqttOptions.of(brokers.url(Brokers.Kind.values()[0])));
        try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(mqtt).start()) {
            awaitConnected(mqtt);
            try (VirtualMqttDevice device = new VirtualMqttDevice(id, brokers.url(Brokers.Kind.values()[0]), format, 10)) {
                device.connect(WAIT);
                device.play(trace, 20);
                assertNotNull(device.awaitAlert(Fault.HIP_SAG, WAIT), () -> "no hip_sag alert; events:\n" + events.dump());
                Waits.untilDecoded(session, id, trace.size(), WAIT);
                session.close();
                BridgeEvent.DeviceSummary summary = events.bridge(BridgeEvent.DeviceSummary.class, id).get(0);
                assertEquals(trace.size(), summary.samples());
                assertEquals(0, summary.badInput(), summary::badDetail);
                assertEquals(2, events.coach(CoachEvent.Calibrated.class, id).size(), "both sensors calibrated");
            }
        }
    }

    static void awaitConnected(MqttTransport mqtt) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!mqtt.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(mqtt.isConnected(), "the bridge connected to the broker");
    }
}
