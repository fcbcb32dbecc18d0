package org.formcoach.bridge.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.formcoach.bridge.virtual.AlertReceipt;
import org.formcoach.bridge.virtual.VirtualSerialDevice;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.sample.Sample;

/** A virtual device on a real socat pty → the bridge → the coach → the alert back on the same pty. */
class SerialEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(SerialFormat.class)
    void shouldSendTheHipSagAlertBackToTheDeviceThatSagged(SerialFormat format) throws Exception {
        List<Sample> trace = PlankTrace.sagging();
        CollectingListener events = new CollectingListener();
        try (SocatPair pty = SocatPair.start()) {
            SerialTransport serial = new SerialTransport(SerialOptions.of(pty.hostPath()).withFormat(format)
                    .withDeviceId("belt-01"));
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(serial).start();
                 VirtualSerialDevice device = new VirtualSerialDevice("belt-01", pty.devicePath(), format)) {
                awaitConnected(serial);
                device.play(trace, 10);
                AlertReceipt receipt = device.awaitAlert(Fault.HIP_SAG, WAIT);
                assertNotNull(receipt, () -> "no hip_sag alert reached the device; events:\n" + events.dump());
                assertTrue(receipt.latencyNanos() > 0, "the alert names a sample the device sent");
                System.out.printf("serial %s: device-to-alert latency %.1f ms%n", format, receipt.latencyMillis());
                session.close();
                assertEquals(Severity.WARN, receipt.command().severity(), "the first hip_sag alert is a warning");
                BridgeEvent.DeviceSummary summary = events.bridge(BridgeEvent.DeviceSummary.class, "belt-01").get(0);
                assertEquals(trace.size(), summary.samples(), "every sample decoded");
                assertEquals(0, summary.badInput(), summary::badDetail);
                assertEquals(0, summary.gaps());
                long sentByEngine = events.coach(CoachEvent.Alert.class, "belt-01").size()
                        + events.coach(CoachEvent.Clear.class, "belt-01").size();
                assertEquals(sentByEngine, summary.alertsSent());
                assertEquals(sentByEngine, summary.alertsDelivered(), "the clear at the end reaches the device too");
                assertTrue(device.awaitReceipts((int) sentByEngine, WAIT), "the device received every command");
                assertFalse(device.receipts().get(device.receipts().size() - 1).command().isAlert(),
                        "the last command clears the alert");
            }
        }
    }

    static void awaitConnected(SerialTransport serial) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!serial.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(serial.isConnected(), "the bridge opened the pty");
    }
}
