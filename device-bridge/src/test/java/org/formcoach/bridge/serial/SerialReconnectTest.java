package org.formcoach.bridge.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.PlankTrace;
import org.formcoach.bridge.testing.SocatPair;
import org.formcoach.bridge.testing.Waits;
import org.formcoach.bridge.virtual.VirtualSerialDevice;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.sample.Sample;

/** Unplug and replug, played by killing socat mid-stream and starting it again behind the same links. */
class SerialReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double OUTAGE_S = 2.0;

    @ParameterizedTest
    @EnumSource(SerialFormat.class)
    void shouldReconnectKeepTheSessionAndReportTheGapWhenThePtyRestarts(SerialFormat format) throws Exception {
        List<Sample> trace = PlankTrace.sagging();
        int split = PlankTrace.indexAt(trace, 9.0); // in the held plank, before the sag
        CollectingListener events = new CollectingListener();
        String id = "belt-" + format.name().toLowerCase();
        try (SocatPair pty = SocatPair.start()) {
            SerialTransport serial = new SerialTransport(SerialOptions.of(pty.hostPath()).withFormat(format)
                    .withDeviceId(id));
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(serial).start();
                 VirtualSerialDevice device = new VirtualSerialDevice(id, pty.devicePath(), format)) {
                SerialEndToEndTest.awaitConnected(serial);
                device.play(trace, 0, split, 20);
                assertTrue(Waits.untilDecoded(session, id, split, WAIT), "first part decoded");

                pty.kill();
                assertNotNull(events.awaitBridge(BridgeEvent.LinkLost.class, id, WAIT),
                        () -> "the loss was reported; " + events.dump());
                pty.restart();
                BridgeEvent.LinkRestored restored = events.awaitBridge(BridgeEvent.LinkRestored.class, id, WAIT);
                assertNotNull(restored, () -> "the bridge reopened the port by itself; " + events.dump());
                assertTrue(restored.downSeconds() > 0);
                assertTrue(device.reconnect(), "the device side reopened");

                device.skip(OUTAGE_S); // the device kept sampling while unplugged
                device.play(trace, split, trace.size(), 20);
                assertNotNull(device.awaitAlert(Fault.HIP_SAG, WAIT),
                        () -> "coaching went on after the replug; " + events.dump());

                List<BridgeEvent.Gap> gaps = events.bridge(BridgeEvent.Gap.class, id);
                assertEquals(1, gaps.size(), events::dump);
                assertEquals(OUTAGE_S + 0.01, gaps.get(0).seconds(), 0.011, "the gap in device time");
                assertEquals(Math.round(OUTAGE_S * 100), gaps.get(0).missing(), 1);
                assertEquals(1, events.coach(CoachEvent.Calibrated.class, id).size(),
                        "the session (calibration) survived the replug");
                assertTrue(Waits.untilDecoded(session, id, trace.size(), WAIT));
                session.close();
                BridgeEvent.DeviceSummary summary = events.bridge(BridgeEvent.DeviceSummary.class, id).get(0);
                assertEquals(1, summary.linkLosses());
                assertEquals(1, summary.gaps());
                assertEquals(trace.size(), summary.samples());
            }
        }
    }
}
