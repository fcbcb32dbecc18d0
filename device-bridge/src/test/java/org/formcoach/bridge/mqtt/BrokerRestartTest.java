package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.DeviceInfo;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.Mosquitto;
import org.formcoach.bridge.testing.PlankTrace;
import org.formcoach.bridge.testing.Waits;
import org.formcoach.bridge.virtual.AlertReceipt;
import org.formcoach.bridge.virtual.MqttPayloadFormat;
import org.formcoach.bridge.virtual.VirtualMqttDevice;
import org.formcoach.bridge.wire.AlertMessage;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.sample.Sample;

/** kill -9 of the broker mid-stream, restart on the same port: reconnect, resubscribe, nothing at QoS 1 lost. */
class BrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double OUTAGE_S = 2.0;

    @Test
    void shouldResumeTheStreamDeliverHeldAlertsAndReportTheGapAfterTheBrokerIsKilled() throws Exception {
        List<Sample> trace = PlankTrace.sagging();
        int split = PlankTrace.indexAt(trace, 9.0);
        CollectingListener events = new CollectingListener();
        String id = "belt-07";
        try (Mosquitto broker = Mosquitto.startOnFreePort()) {
            MqttTransport mqtt = new MqttTransport(MqttOptions.of(broker.url()));
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(mqtt).start();
                 VirtualMqttDevice device = new VirtualMqttDevice(id, broker.url(), MqttPayloadFormat.JSON_BATCH, 10)) {
                MqttEndToEndTest.awaitConnected(mqtt);
                device.connect(WAIT);
                device.play(trace, 0, split, 20);
                assertTrue(Waits.untilDecoded(session, id, split, WAIT), "first part decoded");

                broker.kill();
                assertNotNull(events.awaitBridge(BridgeEvent.LinkLost.class, id, WAIT), events::dump);
                assertFalse(mqtt.isConnected());
                // An alert raised while the broker is away (the engine's own path: the device's route).
                DeviceInfo info = session.registry().find(id);
                AlertMessage held = new AlertMessage(id, true, Fault.HIP_PIKE, Severity.WARN, Exercise.PLANK, 8.5, 5, 4,
                        1000, System.nanoTime());
                assertTrue(info.route().offer(held));

                broker.start();
                assertTrue(device.awaitOnline(WAIT), "the device reconnected and subscribed again");
                MqttEndToEndTest.awaitConnected(mqtt);
                assertTrue(device.awaitReceipts(1, WAIT), () -> "the alert held during the outage arrived; "
                        + events.dump());
                AlertReceipt first = device.receipts().get(0);
                assertEquals(Fault.HIP_PIKE, first.command().fault());
                assertEquals(1000, first.command().number());

                device.skip(OUTAGE_S);
                device.play(trace, split, trace.size(), 20);
                assertNotNull(device.awaitAlert(Fault.HIP_SAG, WAIT),
                        () -> "the bridge subscribed again and coaching went on; " + events.dump());
                assertNotNull(events.awaitBridge(BridgeEvent.LinkRestored.class, id, WAIT));
                List<BridgeEvent.Gap> gaps = events.bridge(BridgeEvent.Gap.class, id);
                assertEquals(1, gaps.size(), events::dump);
                assertTrue(gaps.get(0).seconds() >= OUTAGE_S, "the gap covers the outage: " + gaps.get(0));
                assertTrue(mqtt.connects() >= 2, "reconnected");
                assertTrue(Waits.untilDecoded(session, id, trace.size(), WAIT));
                session.close();
                BridgeEvent.DeviceSummary summary = events.bridge(BridgeEvent.DeviceSummary.class, id).get(0);
                assertEquals(0, summary.alertsDropped());
                assertEquals(summary.alertsSent() + 1, summary.alertsDelivered(),
                        "every alert acknowledged: the engine's and the held one");
            }
        }
    }
}
