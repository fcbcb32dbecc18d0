package org.formcoach.bridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"belt-01", "A", "esp32_7f3a", "0123456789012345678901234567890123456789012345678901234567890123"})
    void shouldAcceptIdsOfTheAllowedAlphabet(String id) {
        assertTrue(DeviceIds.isValid(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "+", "#", "../etc", "belt 01", "bélt", "a\u0000b",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void shouldRefuseAnythingThatCouldReachATopicOrAPath(String id) {
        assertFalse(DeviceIds.isValid(id));
        assertThrows(IllegalArgumentException.class, () -> DeviceIds.require(id));
    }

    @Test
    void shouldMakeAValidIdFromAPortName() {
        assertEquals("ttyUSB0", DeviceIds.fromName("/dev/ttyUSB0"));
        assertEquals("usb-Espressif_ESP32_1234-if00", DeviceIds.fromName("/dev/serial/by-id/usb-Espressif_ESP32_1234-if00"));
        assertEquals("COM3", DeviceIds.fromName("COM3"));
        assertTrue(DeviceIds.isValid(DeviceIds.fromName("/tmp/weird name:1")));
    }
}
