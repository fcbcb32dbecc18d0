package org.formcoach.simulator.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SensorPresetTest {
    @ParameterizedTest
    @CsvSource({
            "ideal, IDEAL", "IDEAL, IDEAL",
            "mpu6050, MPU6050", "mpu-6050, MPU6050", "MPU-6050, MPU6050",
            "icm20948, ICM20948", "ICM-20948, ICM20948",
            "bmi270, BMI270", "bno055, BNO055", "lsm6dso, LSM6DSO", "LSM6DSO, LSM6DSO"})
    void shouldParseEveryPresetName(String text, SensorPreset expected) {
        assertEquals(expected, SensorPreset.parse(text));
    }

    @ParameterizedTest
    @EnumSource(SensorPreset.class)
    void shouldParseItsOwnCliName(SensorPreset preset) {
        assertEquals(preset, SensorPreset.parse(preset.cliName()));
    }

    @Test
    void shouldRejectAnUnknownNameListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SensorPreset.parse("mpu9250"));
        assertTrue(e.getMessage().contains("mpu9250"), e.getMessage());
        for (SensorPreset p : SensorPreset.values()) {
            assertTrue(e.getMessage().contains(p.cliName()), e.getMessage());
        }
    }

    @Test
    void shouldRejectNull() {
        assertThrows(IllegalArgumentException.class, () -> SensorPreset.parse(null));
    }

    @ParameterizedTest
    @EnumSource(value = SensorPreset.class, names = "IDEAL", mode = EnumSource.Mode.EXCLUDE)
    void shouldDefaultToEightGAndTwoThousandDps(SensorPreset preset) {
        assertEquals(8, preset.spec().accel().range().nominal());
        assertEquals(2000, preset.spec().gyro().range().nominal());
    }

    @Test
    void shouldGiveTheDatasheetLsbAtTheSmallestRanges() {
        // §5.3: ±2000 dps → 0.061 dps/LSB, ±250 dps → 0.0076, ±8 g → 0.244 mg (16-bit parts).
        SensorSpec mpu = SensorPreset.MPU6050.spec();
        assertEquals(0.061, mpu.gyro().range().lsb(), 0.0005);
        assertEquals(0.0076, mpu.withRanges(8, 250).gyro().range().lsb(), 0.00005);
        assertEquals(0.244e-3, mpu.accel().range().lsb(), 0.0005e-3);
        // ST: 70 mdps/LSB at ±2000 dps, 0.061 mg/LSB at ±2 g.
        SensorSpec st = SensorPreset.LSM6DSO.spec();
        assertEquals(0.070, st.gyro().range().lsb(), 1e-12);
        assertEquals(0.061e-3, st.withRanges(2, 2000).accel().range().lsb(), 0.0005e-3);
    }

    @Test
    void shouldMatchTheMpuDatasheetTotalNoiseAtOneHundredHertzBandwidth() {
        // The brief's sanity check: 0.005 dps/√Hz × √100 Hz = 0.05 dps RMS.
        TriadSpec gyro = SensorPreset.MPU6050.spec().gyro().withLowPass(LowPass.fixed(100, 2));
        assertEquals(0.05, gyro.noiseSigma(1000), 1e-12);
    }
}
