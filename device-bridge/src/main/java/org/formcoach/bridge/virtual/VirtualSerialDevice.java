package org.formcoach.bridge.virtual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fazecast.jSerialComm.SerialPort;

import org.formcoach.bridge.serial.SerialFormat;
import org.formcoach.bridge.wire.AlertCodec;
import org.formcoach.bridge.wire.BinaryProtocol;
import org.formcoach.bridge.wire.Cobs;
import org.formcoach.bridge.wire.TextLineEncoder;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

/**
 * A virtual device on a serial port — typically the far end of a socat pty pair
 * ({@code socat pty,raw,echo=0,link=/tmp/dev pty,raw,echo=0,link=/tmp/host}): writes text
 * lines ({@code time_s,sensor,ax,ay,az,gx,gy,gz} after a header) or binary frames (a hello
 * per sensor at the start and every 10 s of device time), and reads the alert commands the
 * bridge writes back. When the port goes away it keeps its clock running, drops what it
 * cannot send and opens the port again as soon as the path is back.
 */
public final class VirtualSerialDevice extends VirtualDevice {
    private static final double HELLO_INTERVAL_S = 10;

    private final String portPath;
    private final SerialFormat format;
    private final StringBuilder line = new StringBuilder(128);
    private final BinaryProtocol.Writer writer = new BinaryProtocol.Writer();
    private final byte[] lineBytes = new byte[256];
    private final double[] lastHello = {Double.NaN, Double.NaN, Double.NaN};
    private volatile SerialPort port;
    private volatile boolean running = true;
    private boolean headerSent;
    private final Thread reader;
    private long reopenAfterNanos;

    public VirtualSerialDevice(String deviceId, String portPath, SerialFormat format) throws IOException {
        super(deviceId);
        this.portPath = portPath;
        this.format = format;
        if (!reopen()) {
            throw new IOException("cannot open " + portPath);
        }
        reader = new Thread(this::readLoop, "virtual-serial-" + deviceId);
        reader.setDaemon(true);
        reader.start();
    }

    private synchronized boolean reopen() {
        SerialPort old = port;
        if (old != null) {
            old.closePort();
            port = null;
        }
        try {
            String real = Path.of(portPath).toRealPath().toString();
            SerialPort p = SerialPort.getCommPort(real);
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 1000);
            if (!p.openPort()) {
                return false;
            }
            port = p;
            headerSent = false;
            java.util.Arrays.fill(lastHello, Double.NaN);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Opens the port again now (after the pty or USB link came back); returns whether it is open. */
    public boolean reconnect() {
        return reopen();
    }

    /** Whether the port is open now. */
    public boolean isConnected() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    protected boolean send(Sample s, long sequence) {
        SerialPort p = port;
        if (p == null || !p.isOpen()) {
            long now = System.nanoTime();
            if (now < reopenAfterNanos || !reopen()) {
                reopenAfterNanos = now + 100_000_000L;
                return false;
            }
            p = port;
        }
        boolean ok;
        if (format == SerialFormat.TEXT) {
            ok = sendText(p, s);
        } else {
            ok = sendBinary(p, s, sequence);
        }
        if (ok) {
            recordSent(s.timeS, System.nanoTime());
        } else {
            p.closePort();
        }
        return ok;
    }

    private boolean sendText(SerialPort p, Sample s) {
        line.setLength(0);
        if (!headerSent) {
            line.append(TextLineEncoder.HEADER);
            headerSent = true;
        }
        TextLineEncoder.appendLine(line, s);
        int n = line.length();
        byte[] b = n <= lineBytes.length ? lineBytes : new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) line.charAt(i);
        }
        return p.writeBytes(b, n) == n;
    }

    private boolean sendBinary(SerialPort p, Sample s, long sequence) {
        int sensor = s.sensor;
        double last = lastHello[sensor];
        if (Double.isNaN(last) || s.timeS - last >= HELLO_INTERVAL_S) {
            lastHello[sensor] = s.timeS;
            int n = writer.hello(sensor, BinaryProtocol.DEFAULT_ACCEL_RANGE_G, BinaryProtocol.DEFAULT_GYRO_RANGE_DPS, 0,
                    (int) Math.round(rateHz()), deviceId).frame();
            if (p.writeBytes(writer.frameBytes(), n) != n) {
                return false;
            }
        }
        int a = BinaryProtocol.DEFAULT_ACCEL_RANGE_G;
        int g = BinaryProtocol.DEFAULT_GYRO_RANGE_DPS;
        long us = Math.round(s.timeS * 1e6) & 0xFFFFFFFFL;
        int n = writer.imu(sensor, (int) (sequence & 0xFFFF), us,
                BinaryProtocol.toRaw(s.ax, a), BinaryProtocol.toRaw(s.ay, a), BinaryProtocol.toRaw(s.az, a),
                BinaryProtocol.toRaw(s.gx, g), BinaryProtocol.toRaw(s.gy, g), BinaryProtocol.toRaw(s.gz, g)).frame();
        return p.writeBytes(writer.frameBytes(), n) == n;
    }

    private void readLoop() {
        byte[] buf = new byte[1024];
        byte[] frame = new byte[256];
        byte[] packet = new byte[256];
        StringBuilder text = new StringBuilder();
        int fill = 0;
        while (running) {
            SerialPort p = port;
            if (p == null || !p.isOpen()) {
                sleep(50);
                continue;
            }
            int n = p.readBytes(buf, buf.length);
            if (n < 0) {
                sleep(50);
                continue;
            }
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (format == SerialFormat.TEXT) {
                    if (b == '\n') {
                        AlertCodec.Command c = AlertCodec.parseText(text.toString());
                        if (c != null) {
                            received(c);
                        }
                        text.setLength(0);
                    } else if (text.length() < 256) {
                        text.append((char) (b & 0xFF));
                    }
                } else if (b == 0) {
                    int len = Cobs.decode(frame, 0, fill, packet);
                    if (len > 0) {
                        AlertCodec.Command c = AlertCodec.parseBinary(packet, len);
                        if (c != null) {
                            received(c);
                        }
                    }
                    fill = 0;
                } else if (fill < frame.length) {
                    frame[fill++] = b;
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SerialPort p = port;
        if (p != null) {
            p.closePort();
        }
    }

    static String ascii(byte[] b, int n) {
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    /** The placement names a text device prints. */
    static String name(int sensor) {
        return Placement.ofIndex(sensor).traceName();
    }
}
