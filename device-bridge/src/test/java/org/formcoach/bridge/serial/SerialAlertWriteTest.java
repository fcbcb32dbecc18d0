package org.formcoach.bridge.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.SocatPair;
import org.formcoach.bridge.virtual.AlertReceipt;
import org.formcoach.bridge.virtual.VirtualSerialDevice;
import org.formcoach.bridge.wire.AlertMessage;
import org.formcoach.bridge.wire.TextFormat;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;

/**
 * How alert commands reach a serial device, on a real socat pty: written at once by the
 * thread that offers them when nothing waits before them, and kept in order when they have
 * to wait for the port.
 */
class SerialAlertWriteTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Alerts offered while the port is away: most of the default buffer (64). */
    private static final int WAITING = 60;

    private static AlertMessage alert(String device, long number) {
        return new AlertMessage(device, true, Fault.HIP_SAG, Severity.WARN, Exercise.PLANK, 10 + number * 0.01, 9.0,
                8.0, number, 0);
    }

    private static List<Long> numbers(VirtualSerialDevice device) {
        return device.receipts().stream().map(AlertReceipt::command).map(c -> c.number()).toList();
    }

    @ParameterizedTest
    @EnumSource(SerialFormat.class)
    void shouldWriteAnAlertOnTheOfferingThreadWhenNothingWaitsBeforeIt(SerialFormat format) throws Exception {
        String id = "belt-" + format.name().toLowerCase();
        try (SocatPair pty = SocatPair.start()) {
            SerialTransport serial = new SerialTransport(SerialOptions.of(pty.hostPath()).withFormat(format)
                    .withDeviceId(id));
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, new CollectingListener())
                    .transport(serial).start();
                 VirtualSerialDevice device = new VirtualSerialDevice(id, pty.devicePath(), format)) {
                SerialEndToEndTest.awaitConnected(serial);
                for (long n = 1; n <= 3; n++) {
                    assertTrue(serial.offer(alert(id, n)));
                    assertEquals(n, serial.delivered(), "written before offer returned, not handed to the writer");
                }
                assertEquals(3, serial.writtenDirectly());
                assertTrue(device.awaitReceipts(3, WAIT), "the device read them");
                assertEquals(List.of(1L, 2L, 3L), numbers(device));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SerialFormat.class)
    void shouldKeepAlertsInOrderWhenTheyWaitForThePortToComeBack(SerialFormat format) throws Exception {
        String id = "belt-" + format.name().toLowerCase();
        CollectingListener events = new CollectingListener();
        try (SocatPair pty = SocatPair.start()) {
            // A slow reconnect, so the device side is open again before the bridge writes.
            SerialTransport serial = new SerialTransport(new SerialOptions(pty.hostPath(), 115_200, format,
                    TextFormat.defaults(), id, Duration.ofMillis(600), 64, Duration.ofSeconds(30)));
            try (LiveSession session = LiveSession.builder(Exercise.PLANK, events).transport(serial).start();
                 VirtualSerialDevice device = new VirtualSerialDevice(id, pty.devicePath(), format)) {
                SerialEndToEndTest.awaitConnected(serial);
                pty.kill();
                assertNotNull(events.awaitBridge(BridgeEvent.LinkLost.class, id, WAIT), events::dump);
                for (long n = 1; n <= WAITING; n++) {
                    assertTrue(serial.offer(alert(id, n)), "queued while the port is away");
                }
                assertEquals(0, serial.delivered());
                pty.restart();
                assertTrue(device.reconnect(), "the device side reopened");
                assertNotNull(events.awaitBridge(BridgeEvent.LinkRestored.class, id, WAIT), events::dump);
                // Offered while the writer delivers those that waited (some of them, as a rule): it
                // must not overtake them.
                assertTrue(serial.offer(alert(id, WAITING + 1)));
                assertTrue(device.awaitReceipts(WAITING + 1, WAIT), () -> "received " + numbers(device));
                assertEquals(LongStream.rangeClosed(1, WAITING + 1).boxed().toList(), numbers(device));
                assertEquals(WAITING + 1, serial.delivered());
                assertEquals(0, serial.dropped());
            }
        }
    }
}
