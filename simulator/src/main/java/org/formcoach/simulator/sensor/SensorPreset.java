package org.formcoach.simulator.sensor;

import java.util.Locale;

// PLACEHOLDER: replaced by the sensor/timing work
/** The sensor parts the simulator can imitate. */
public enum SensorPreset {
    IDEAL, MPU6050, ICM20948, BMI270, BNO055, LSM6DSO;

    /**
     * Parses "ideal", "mpu6050", "mpu-6050", "icm20948", "bmi270", "bno055", "lsm6dso"
     * (case-insensitive); IllegalArgumentException listing the names otherwise.
     */
    public static SensorPreset parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (SensorPreset p : values()) {
            if (p.cliName().equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown sensor preset '" + name
                + "' (use ideal, mpu6050, icm20948, bmi270, bno055 or lsm6dso)");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
