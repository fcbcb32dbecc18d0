package org.formcoach.simulator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimingFaultSpecTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jitter=0.002 | jitter=0.002",
            "jitter=2ms | jitter=0.002",
            "jitter=20us | jitter=2.0E-5",
            "drop=0.01 | drop=0.01",
            "drop=1% | drop=0.01",
            "burst=0.005:0.05 | burst=0.005:0.05",
            "burst=0.005:50ms | burst=0.005:0.05",
            "dup=0.002 | dup=0.002:both",
            "dup=0.002:stamp | dup=0.002:stamp",
            "dup=0.002:DATA | dup=0.002:data",
            "drift=20000ppm | drift=0.02",
            "drift=-1.5% | drift=-0.015",
            "drift=random | drift=random:0.02",
            "drift=random:5000ppm | drift=random:0.005",
            "offset=-3 | offset=-3",
            "gap=12.5:3 | gap=12.5:3",
            "gap=random:1.5 | gap=random:1.5",
            "gap=1:2, gap=5:1 | gap=1:2,gap=5:1",
            "stall=0.001:0.02 | stall=0.001:0.02",
            "batch=45ms | batch=0.045:10",
            "batch=45ms:4 | batch=0.045:4",
            "poll=104 | poll=104",
            "poll=104Hz | poll=104",
            "poll=1.04x | poll=1.04x",
            "clock=host | clock=host",
            "clock=device | none",
            "none | none",
            "usb | jitter=2.0E-5",
            "ble,drop=0.05 | jitter=2.0E-5,drop=0.05,burst=0.002:0.05,batch=0.045:10",
            "jitter=0.002,drop=0.01,burst=0.005:0.05,dup=0.002,drift=20000ppm,gap=12.5:3,stall=0.001:0.02,poll=104"
                    + " | drift=0.02,jitter=0.002,drop=0.01,burst=0.005:0.05,dup=0.002:both,stall=0.001:0.02,gap=12.5:3,poll=104"})
    void shouldParseEveryItem(String spec, String described) {
        assertEquals(described, TimingFaultSpec.parse(spec).describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "usb", "ble", "wifi", "harsh", "drop=0.3,dup=0.1:data,clock=host,offset=2.5",
            "jitter=1ms,drift=-200ppm,gap=3:1,gap=random:0.5,poll=0.9x,batch=7.5ms:2"})
    void shouldReadBackItsOwnDescription(String spec) {
        TimingFaultSpec parsed = TimingFaultSpec.parse(spec);
        assertEquals(parsed, TimingFaultSpec.parse(parsed.describe()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "garbage | garbage",
            "drop=abc | abc",
            "drop=1.5 | between 0 and 1",
            "drop=-0.1 | between 0 and 1",
            "burst=0.1 | two values",
            "burst=0.1:0 | > 0",
            "dup=0.1:maybe | stamp, data or both",
            "drift=50% | below 50",
            "drift=random:0 | bound",
            "gap=3 | two values",
            "gap=3:-1 | negative",
            "jitter=-1ms | negative",
            "jitter=fast | fast",
            "poll=0 | > 0",
            "batch=10ms:0 | whole number",
            "clock=gps | clock=device or clock=host",
            "wobble=3 | unknown key 'wobble'",
            "drop=0.01,,jitter=1ms | empty item",
            "drop=NaN | not a number"})
    void shouldRejectGarbageWithAClearMessage(String spec, String expectedInMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimingFaultSpec.parse(spec));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void shouldListTheKeysAndProfilesForAnUnknownWord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimingFaultSpec.parse("bluetooth"));
        assertTrue(e.getMessage().contains("none, usb, ble, wifi, harsh"), e.getMessage());
        assertTrue(e.getMessage().contains("jitter"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void shouldRejectAnEmptySpec(String spec) {
        assertThrows(IllegalArgumentException.class, () -> TimingFaultSpec.parse(spec));
    }

    @Test
    void shouldTellNoneFromAnyFault() {
        assertTrue(TimingFaultSpec.none().isNone());
        assertTrue(TimingFaultSpec.parse("none").isNone());
        assertFalse(TimingFaultSpec.parse("drop=0.001").isNone());
    }
}
