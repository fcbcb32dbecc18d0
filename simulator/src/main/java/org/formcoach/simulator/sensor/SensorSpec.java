package org.formcoach.simulator.sensor;

/**
 * Everything that describes how one IMU part misreports the truth: a preset is one of these
 * (data, not code per part). The {@code with…} methods derive a variant — another range, a
 * term switched off — for configuration and for tests that isolate one error.
 *
 * @param name             the preset's name, for trace metadata
 * @param accel            accelerometer errors, g
 * @param gyro             gyroscope errors, deg/s
 * @param gyroGSensitivity 1σ of each entry of the gyro's linear-acceleration sensitivity G_g, deg/s per g
 * @param mag              magnetometer errors; null when the part has no magnetometer
 * @param warming          the temperature rise that drives the temperature coefficients
 */
public record SensorSpec(String name, TriadSpec accel, TriadSpec gyro, double gyroGSensitivity,
                         MagSpec mag, Warming warming) {
    public SensorSpec {
        if (name == null || accel == null || gyro == null || warming == null) {
            throw new IllegalArgumentException("name, accel, gyro and warming are required");
        }
        if (!(gyroGSensitivity >= 0)) {
            throw new IllegalArgumentException("g-sensitivity must be >= 0");
        }
    }

    /** True when the part reports the truth unchanged (the IDEAL preset). */
    public boolean isPerfect() {
        return accel.isPerfect() && gyro.isPerfect() && gyroGSensitivity == 0
                && mag != null && mag.isPerfect();
    }

    public boolean hasMagnetometer() {
        return mag != null;
    }

    /** Another configured range: ± {@code accelG} g and ± {@code gyroDps} deg/s. */
    public SensorSpec withRanges(double accelG, double gyroDps) {
        return new SensorSpec(name, accel.withNominalRange(accelG), gyro.withNominalRange(gyroDps), gyroGSensitivity, mag, warming);
    }

    public SensorSpec withAccel(TriadSpec value) {
        return new SensorSpec(name, value, gyro, gyroGSensitivity, mag, warming);
    }

    public SensorSpec withGyro(TriadSpec value) {
        return new SensorSpec(name, accel, value, gyroGSensitivity, mag, warming);
    }

    public SensorSpec withGyroGSensitivity(double value) {
        return new SensorSpec(name, accel, gyro, value, mag, warming);
    }

    public SensorSpec withMag(MagSpec value) {
        return new SensorSpec(name, accel, gyro, gyroGSensitivity, value, warming);
    }

    public SensorSpec withWarming(Warming value) {
        return new SensorSpec(name, accel, gyro, gyroGSensitivity, mag, value);
    }
}
