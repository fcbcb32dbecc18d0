package org.formcoach.engine.sample;

/**
 * One reading of one sensor, in the engine's units. A mutable holder: decoders fill a
 * reused instance, the engine reads it, nobody keeps a reference to it after the call
 * returns. That is what lets the per-sample path run without allocation.
 *
 * <p>Engine units, the same everywhere inside the engine (converted once by readers and
 * decoders): time in seconds of the device's clock, acceleration in g (specific force, a
 * sensor at rest reads +1 g "up"), angular rate in degrees per second, magnetic field in
 * microtesla. Axes are the sensor's own right-handed frame; nothing about the mounting is
 * assumed.
 */
public final class Sample {
    /** Device time, seconds. */
    public double timeS;
    /** {@link Placement#ordinal()} of the sensor that made this reading. */
    public int sensor;
    /** Accelerometer, g. */
    public double ax, ay, az;
    /** Gyroscope, deg/s. */
    public double gx, gy, gz;
    /** Magnetometer, µT; meaningful only when {@link #hasMag}. */
    public double mx, my, mz;
    public boolean hasMag;
    /** Host receive time from {@link System#nanoTime()}, 0 when unknown (file replay). */
    public long receiveNanos;

    public Sample set(double timeS, Placement sensor,
                      double ax, double ay, double az,
                      double gx, double gy, double gz) {
        this.timeS = timeS;
        this.sensor = sensor.ordinal();
        this.ax = ax;
        this.ay = ay;
        this.az = az;
        this.gx = gx;
        this.gy = gy;
        this.gz = gz;
        this.hasMag = false;
        this.mx = 0;
        this.my = 0;
        this.mz = 0;
        this.receiveNanos = 0;
        return this;
    }

    public Sample setMag(double mx, double my, double mz) {
        this.mx = mx;
        this.my = my;
        this.mz = mz;
        this.hasMag = true;
        return this;
    }

    public void copyFrom(Sample other) {
        timeS = other.timeS;
        sensor = other.sensor;
        ax = other.ax;
        ay = other.ay;
        az = other.az;
        gx = other.gx;
        gy = other.gy;
        gz = other.gz;
        mx = other.mx;
        my = other.my;
        mz = other.mz;
        hasMag = other.hasMag;
        receiveNanos = other.receiveNanos;
    }

    public Placement placement() {
        return Placement.ofIndex(sensor);
    }

    /** True when every reading is a finite number (NaN and infinities are bad input). */
    public boolean isFinite() {
        return Double.isFinite(timeS)
                && Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(az)
                && Double.isFinite(gx) && Double.isFinite(gy) && Double.isFinite(gz)
                && (!hasMag || (Double.isFinite(mx) && Double.isFinite(my) && Double.isFinite(mz)));
    }

    @Override
    public String toString() {
        return "Sample{t=" + timeS + ", sensor=" + placement().traceName()
                + ", a=(" + ax + ", " + ay + ", " + az + ")"
                + ", g=(" + gx + ", " + gy + ", " + gz + ")"
                + (hasMag ? ", m=(" + mx + ", " + my + ", " + mz + ")" : "") + '}';
    }
}
