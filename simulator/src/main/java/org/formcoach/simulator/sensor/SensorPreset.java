package org.formcoach.simulator.sensor;

import java.util.Locale;

/**
 * The IMU parts the simulator can imitate, each a {@link SensorSpec} of datasheet numbers
 * (design brief §5.1–5.3; docs/sensors.md has the table with every value's source).
 * Conventions used to turn datasheet figures into distributions:
 * <ul>
 *   <li>noise densities are one-sided: per-sample σ = ND·√B with B the DLPF corner or ODR/2;</li>
 *   <li>InvenSense "initial tolerance" and any min/max figure is read as ±3σ (assumption);</li>
 *   <li>a Bosch "typical" is 1σ (Bosch's own statement); an ST "typical" is read the same way
 *       (assumption, the conservative choice);</li>
 *   <li>a part whose table has no figure for a term gets an MPU-class value marked assumption.</li>
 * </ul>
 * Configured ranges default to ±8 g and ±2000 dps (a kettlebell swing reaches ~330 dps;
 * {@link SensorSpec#withRanges} sets ±1000 dps or any other setting).
 */
public enum SensorPreset {
    /** No error at all: the true readings pass unchanged. */
    IDEAL("ideal", new SensorSpec("ideal", TriadSpec.PERFECT, TriadSpec.PERFECT, 0, MagSpec.PERFECT, Warming.NONE)),

    /**
     * InvenSense MPU-6050, the cheap hobby part [S43]: accel 400 µg/√Hz, offset ±50 mg x/y and
     * ±80 mg z, scale ±3 %, cross-axis ±2 %; gyro 0.005 dps/√Hz, zero-rate offset ±20 dps,
     * scale ±3 %, cross-axis ±2 %, 0.1 dps/g; offset drift over temperature ±35 mg (0–70 °C) and
     * ±20 dps (−40…85 °C) read as 3σ linear coefficients; bias wander from the MPU-6000 Allan
     * figures [S42]. DLPF_CFG = 3 (44 Hz accel, 42 Hz gyro, second order): the register-map
     * setting, UNVERIFIED here (not in the brief). No magnetometer.
     */
    MPU6050("mpu6050", new SensorSpec("mpu6050",
            new TriadSpec(Range.sixteenBit(8), 400e-6, TurnOnOffset.tolerance(0.050, 0.080),
                    new GaussMarkov(36e-6, 800), 0.03 / 3, 0.02 / 3, 0.5e-3 / 3, LowPass.fixed(44, 2)),
            new TriadSpec(Range.sixteenBit(2000), 0.005, TurnOnOffset.tolerance(20, 20),
                    new GaussMarkov(4.6 / 3600, 500), 0.03 / 3, 0.02 / 3, 20.0 / 125 / 3, LowPass.fixed(42, 2)),
            0.1, null, Warming.SKIN)),

    /**
     * InvenSense ICM-20948 [S44]: accel 230 µg/√Hz, offset ±50 mg on a board, scale ±0.5 %,
     * cross-axis ±2 %, ±0.80 mg/°C. Gyro noise 0.015 dps/√Hz, offset ±5 dps, scale ±1.5 %,
     * cross-axis ±2 %, ±0.05 dps/°C and 0.1 dps/g are UNVERIFIED (believed values). DLPF about
     * 50 Hz (ACCEL/GYRO_DLPFCFG = 3), UNVERIFIED. Magnetometer (AK09916) ±4900 µT at
     * 0.15 µT/LSB [S44]; its noise (0.5 µT) and the hard iron (σ 20 µT) are assumptions.
     */
    ICM20948("icm20948", new SensorSpec("icm20948",
            new TriadSpec(Range.sixteenBit(8), 230e-6, TurnOnOffset.tolerance(0.050, 0.050),
                    new GaussMarkov(36e-6, 800), 0.005 / 3, 0.02 / 3, 0.80e-3 / 3, LowPass.fixed(50.4, 2)),
            new TriadSpec(Range.sixteenBit(2000), 0.015, TurnOnOffset.tolerance(5, 5),
                    new GaussMarkov(4.6 / 3600, 500), 0.015 / 3, 0.02 / 3, 0.05 / 3, LowPass.fixed(51.2, 2)),
            0.1, new MagSpec(new Range(4900, 0.15, 32752, 1.0), 0.5, 20, 1.0, 150, 1.5), Warming.SKIN)),

    /**
     * Bosch BMI270 [S48]: accel 160 µg/√Hz, gyro 0.007 dps/√Hz (performance mode), gyro
     * zero-rate offset 0.5 dps typical = 1σ with a 2 % tail of σ 1.5 dps (assumption anchored
     * on a part measured at −3 dps), gyro scale error σ 1 % (field reports of 1.4–2.8 %).
     * Accel offset ±20 mg typical is UNVERIFIED; ODR-tracking filter at 0.4·ODR, UNVERIFIED;
     * accel scale/cross-axis ±1 % and 0.1 dps/g are assumptions. No magnetometer.
     */
    BMI270("bmi270", new SensorSpec("bmi270",
            new TriadSpec(Range.sixteenBit(8), 160e-6, TurnOnOffset.sigma(0.020),
                    new GaussMarkov(36e-6, 800), 0.01 / 3, 0.01 / 3, 0, LowPass.perOdr(0.4, 2)),
            new TriadSpec(Range.sixteenBit(2000), 0.007, TurnOnOffset.sigma(0.5).withTail(0.02, 1.5),
                    new GaussMarkov(4.6 / 3600, 500), 0.01, 0.01 / 3, 0, LowPass.perOdr(0.4, 2)),
            0.1, null, Warming.SKIN)),

    /**
     * Bosch BNO055 read as raw sensors [S45][S46]: BMI055-class accel 150 µg/√Hz in a 14-bit
     * register, offset ±50 mg (BMA280, read as 3σ); BMG160/BMI055 gyro 0.014 dps/√Hz, offset
     * ±1 dps typical = 1σ, bias stability 1.6 °/h; the gyro output is converted with the
     * documented 16 LSB/dps while the part's true sensitivity is 16.384 LSB/dps, a 2.4 % scale
     * error on every reading [S45]. Fusion-mode bandwidths (accel 62.5 Hz, gyro 32 Hz) and the
     * magnetometer (±1300 µT, 16 LSB/µT) are UNVERIFIED; scale/cross-axis ±1 %, 0.1 dps/g, the
     * magnetometer noise and hard iron are assumptions.
     */
    BNO055("bno055", new SensorSpec("bno055",
            new TriadSpec(new Range(8, 8.0 / 8192, 8192, 1.0), 150e-6, TurnOnOffset.tolerance(0.050, 0.050),
                    new GaussMarkov(36e-6, 800), 0.01 / 3, 0.01 / 3, 0, LowPass.fixed(62.5, 2)),
            new TriadSpec(new Range(2000, 2000.0 / 32768, 32768, 16.384 / 16), 0.014, TurnOnOffset.sigma(1.0),
                    new GaussMarkov(1.6 / 3600, 500), 0.01 / 3, 0.01 / 3, 0, LowPass.fixed(32, 2)),
            0.1, new MagSpec(new Range(1300, 1.0 / 16, 20800, 1.0), 0.6, 20, 1.0, 150, 1.5), Warming.SKIN)),

    /**
     * ST LSM6DSO [S47]: accel 0.061 mg/LSB at ±2 g, gyro 70 mdps/LSB at ±2000 dps (clips at
     * ±2294 dps). High-performance noise densities (accel 70 µg/√Hz, gyro 3.8 mdps/√Hz) and
     * offsets (±20 mg, ±1 dps, typical read as 1σ) are UNVERIFIED; scale/cross-axis ±1 %,
     * 0.1 dps/g and the bias wander are assumptions. No extra DLPF (noise bandwidth ODR/2).
     * No magnetometer.
     */
    LSM6DSO("lsm6dso", new SensorSpec("lsm6dso",
            new TriadSpec(Range.sixteenBit(8), 70e-6, TurnOnOffset.sigma(0.020),
                    new GaussMarkov(36e-6, 800), 0.01 / 3, 0.01 / 3, 0, null),
            new TriadSpec(new Range(2000, 0.070, 32768, 1.0), 0.0038, TurnOnOffset.sigma(1.0),
                    new GaussMarkov(4.6 / 3600, 500), 0.01 / 3, 0.01 / 3, 0, null),
            0.1, null, Warming.SKIN));

    private final String cliName;
    private final SensorSpec spec;

    SensorPreset(String cliName, SensorSpec spec) {
        this.cliName = cliName;
        this.spec = spec;
    }

    /** The name on the command line and in trace metadata: "mpu6050", "ideal", … */
    public String cliName() {
        return cliName;
    }

    /** This part's error parameters at the default ranges (±8 g, ±2000 dps). */
    public SensorSpec spec() {
        return spec;
    }

    /**
     * Parses "ideal", "mpu6050", "mpu-6050", "icm20948", "bmi270", "bno055", "lsm6dso"
     * (case-insensitive; hyphens, underscores and spaces ignored).
     *
     * @throws IllegalArgumentException listing the names when there is no such preset
     */
    public static SensorPreset parse(String name) {
        if (name != null) {
            String key = name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
            for (SensorPreset p : values()) {
                if (p.cliName.equals(key)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown sensor preset '" + name + "' (use " + names() + ")");
    }

    /** "ideal, mpu6050, icm20948, bmi270, bno055, lsm6dso". */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (SensorPreset p : values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(p.cliName);
        }
        return b.toString();
    }
}
