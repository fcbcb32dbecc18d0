package org.formcoach.simulator.timing;

// PLACEHOLDER: replaced by the sensor/timing work
/** One injected timing fault, in the device's time axis. */
public record TimingFaultEvent(String kind, double startS, double endS, int samples) {
}
