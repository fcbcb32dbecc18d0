package org.formcoach.bridge.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;

import org.formcoach.bridge.live.AlertRoute;
import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.DeviceInfo;
import org.formcoach.bridge.live.Ingest;
import org.formcoach.bridge.live.Transport;
import org.formcoach.bridge.wire.AlertCodec;
import org.formcoach.bridge.wire.AlertMessage;
import org.formcoach.bridge.wire.BinaryFrameDecoder;
import org.formcoach.bridge.wire.SampleSink;
import org.formcoach.bridge.wire.TextLineDecoder;
import org.formcoach.engine.sample.Sample;

/**
 * One serial device (jSerialComm). A reader thread reads into one reused buffer and feeds
 * the decoder (the library's data listener would allocate per read). An alert command is
 * written by the thread that offers it when nothing is waiting before it and the port has
 * room; otherwise a writer thread sends it, in order, once the port is back. When the port
 * goes away — unplugged, or the socat behind a pty restarted — the port is closed (also
 * from the library's disconnect event, which otherwise fires again and again), the partial
 * frame dropped, the loss reported, and the port name resolved and opened again every
 * {@code reconnectInterval} until it is back; the device keeps its session (coach,
 * calibration, counters) and the outage is reported.
 */
public final class SerialTransport implements Transport, AlertRoute {
    private static final int READ_TIMEOUT_MS = 100;
    private static final long LINK_CHECK_NANOS = 250_000_000L;
    /**
     * An alert is written at once only while the port's output buffer holds fewer bytes than
     * this: a few commands' worth means the device is reading, and the write cannot block the
     * offering thread (the engine, or the reader coaching on its own thread) on a full buffer.
     */
    private static final int DIRECT_WRITE_MAX_WAITING_BYTES = 256;

    private final SerialOptions options;
    private final byte[] buffer = new byte[4096];
    private final ArrayBlockingQueue<AlertMessage> outbox;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Held for every write to the port, so a direct write and the writer's never interleave. */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Alerts handed to the writer and not yet written or dropped: a direct write must not overtake them. */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong writtenDirectly = new AtomicLong();
    private final Object portLock = new Object();
    private volatile SerialPort port;
    private volatile Path resolvedPath;
    private volatile boolean running;
    private volatile boolean writing;
    private volatile boolean everConnected;
    private volatile boolean unplugged;
    private Thread reader;
    private Thread writer;
    private Ingest ingest;
    private DeviceInfo device;
    private BinaryFrameDecoder binary;
    private TextLineDecoder text;

    public SerialTransport(SerialOptions options) {
        this.options = options;
        this.outbox = new ArrayBlockingQueue<>(options.alertBuffer());
    }

    @Override
    public String describe() {
        return "serial " + options.port();
    }

    public SerialOptions options() {
        return options;
    }

    /** Whether the port is open right now. */
    public boolean isConnected() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    public void start(Ingest ingest) {
        this.ingest = ingest;
        this.device = ingest.registry().register(options.deviceId(), describe(), this);
        if (device == null) {
            throw new IllegalStateException("device registry full or invalid id: " + options.deviceId());
        }
        SampleSink sink = this::onSample;
        if (options.format() == SerialFormat.BINARY) {
            binary = new BinaryFrameDecoder(device.wire(), sink);
        } else {
            text = new TextLineDecoder(options.text(), device.wire(), sink);
        }
        running = true;
        writing = true;
        reader = new Thread(this::readLoop, "serial-reader-" + options.deviceId());
        reader.setDaemon(true);
        writer = new Thread(this::writeLoop, "serial-writer-" + options.deviceId());
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void onSample(Sample s, long seq) {
        ingest.sample(device, s, seq);
    }

    // ----- reading -----

    private void readLoop() {
        try {
            readAndReconnect();
        } catch (RuntimeException | Error e) {
            ingest.note("serial reader for " + options.port() + " failed: " + e);
            throw e;
        }
    }

    private void readAndReconnect() {
        long lostAt = 0;
        boolean reportedWaiting = false;
        while (running) {
            SerialPort p = open();
            if (p == null) {
                if (!reportedWaiting && !everConnected) {
                    ingest.note("waiting for serial port " + options.port());
                    reportedWaiting = true;
                }
                sleep(options.reconnectInterval().toMillis());
                continue;
            }
            if (everConnected) {
                double down = (System.nanoTime() - lostAt) / 1e9;
                ingest.event(new BridgeEvent.LinkRestored(Double.NaN, device.id(), down));
            } else {
                ingest.note("serial port " + options.port() + " open (" + describePort(p) + ")");
            }
            everConnected = true;
            String reason = readUntilLost(p);
            closePort(p);
            if (!running) {
                break;
            }
            lostAt = System.nanoTime();
            device.countLinkLoss();
            ingest.event(new BridgeEvent.LinkLost(Double.NaN, device.id(), reason));
            if (binary != null) {
                binary.resync();
            } else {
                text.resync();
            }
        }
    }

    /** @return why the link ended */
    private String readUntilLost(SerialPort p) {
        long lastCheck = System.nanoTime();
        while (running) {
            if (unplugged || !p.isOpen()) {
                return "serial port disconnected";
            }
            int n = p.readBytes(buffer, buffer.length);
            long now = System.nanoTime();
            if (n < 0) {
                return "serial read failed (device unplugged?)";
            }
            if (n > 0) {
                try {
                    decode(n, now);
                } catch (RuntimeException e) {
                    // A decoder bug must not end the stream: report it, drop the partial frame, go on.
                    ingest.note("serial " + options.port() + ": internal decoding error, resynchronising: " + e);
                    if (binary != null) {
                        binary.resync();
                    } else {
                        text.resync();
                    }
                }
            }
            if (now - lastCheck > LINK_CHECK_NANOS) {
                lastCheck = now;
                if (!stillSamePort()) {
                    return "serial port " + options.port() + " went away";
                }
            }
        }
        return "closed";
    }

    private void decode(int n, long now) {
        if (binary != null) {
            binary.feed(buffer, 0, n, now);
            int rate = binary.rateHz(0) > 0 ? binary.rateHz(0) : binary.rateHz(1);
            if (rate > 0 && device.announcedRateHz() == 0) {
                device.announceRate(rate);
            }
        } else {
            text.feed(buffer, 0, n, now);
        }
    }

    /**
     * Some drivers (and ptys whose other end closed) keep returning 0 bytes instead of an
     * error: the path disappearing or pointing elsewhere is the sign.
     */
    private boolean stillSamePort() {
        Path resolved = resolvedPath;
        if (resolved == null) {
            return true;
        }
        if (!Files.exists(resolved)) {
            return false;
        }
        if (isPath(options.port())) {
            try {
                return Path.of(options.port()).toRealPath().equals(resolved);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private SerialPort open() {
        String name = options.port();
        Path resolved = null;
        if (isPath(name)) {
            try {
                resolved = Path.of(name).toRealPath();
            } catch (IOException e) {
                return null; // not there (yet)
            }
            name = resolved.toString();
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(name);
        } catch (RuntimeException e) {
            return null;
        }
        p.setComPortParameters(options.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!p.openPort()) {
            return null;
        }
        unplugged = false;
        p.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                // Only flag it: the reader closes the port within one read timeout (the library
                // fires this event again and again until then). Closing here, while the reader
                // closes too, can deadlock the two inside the library.
                unplugged = true;
            }
        });
        resolvedPath = resolved != null ? resolved : pathOf(p);
        synchronized (portLock) {
            port = p;
            portLock.notifyAll();
        }
        return p;
    }

    private static Path pathOf(SerialPort p) {
        try {
            String path = p.getSystemPortPath();
            return path == null || path.isEmpty() ? null : Path.of(path);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void closePort(SerialPort p) {
        synchronized (portLock) {
            if (port == p) {
                port = null;
            }
        }
        try {
            p.removeDataListener();
        } catch (RuntimeException ignored) {
            // already gone
        }
        p.closePort();
    }

    private static boolean isPath(String name) {
        return name.indexOf('/') >= 0;
    }

    private static String describePort(SerialPort p) {
        String d = p.getPortDescription();
        return p.getSystemPortPath() + (d == null || d.isBlank() ? "" : ", " + d);
    }

    // ----- alerts back to the device -----

    /**
     * Writes the alert now, from the calling thread, when no alert is waiting for the writer,
     * the writer is not writing and the port is open with room; otherwise queues it for the
     * writer. Writing at once saves a thread wake-up on the way to the wearer (30–50 µs at the
     * median here: docs/performance.md); the checks keep the commands in order and the
     * caller from blocking. Never waits for a lock.
     */
    @Override
    public boolean offer(AlertMessage message) {
        if (writing && queued.get() == 0 && writeLock.tryLock()) {
            try {
                if (queued.get() == 0 && writeNow(message)) {
                    writtenDirectly.incrementAndGet();
                    delivered.incrementAndGet();
                    return true;
                }
                return enqueue(message); // still holding the lock: no later alert can be written before it
            } finally {
                writeLock.unlock();
            }
        }
        return enqueue(message);
    }

    private boolean enqueue(AlertMessage message) {
        queued.incrementAndGet();
        if (!outbox.offer(message)) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    private boolean writeNow(AlertMessage message) {
        SerialPort p = port;
        if (p == null || !p.isOpen()) {
            return false;
        }
        int waiting = p.bytesAwaitingWrite();
        if (waiting < 0 || waiting > DIRECT_WRITE_MAX_WAITING_BYTES) {
            return false;
        }
        byte[] bytes = encode(message);
        return p.writeBytes(bytes, bytes.length) == bytes.length;
    }

    private byte[] encode(AlertMessage m) {
        return options.format() == SerialFormat.BINARY ? AlertCodec.binary(m) : AlertCodec.text(m);
    }

    /** Alerts written by the thread that offered them rather than by the writer thread. */
    public long writtenDirectly() {
        return writtenDirectly.get();
    }

    @Override
    public long delivered() {
        return delivered.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Alert messages waiting for the port (it is closed, or the writer is behind). */
    public int pendingAlerts() {
        return outbox.size();
    }

    private void writeLoop() {
        long maxAgeNanos = options.alertMaxAge().toNanos();
        try {
            while (writing || (!outbox.isEmpty() && System.nanoTime() < drainDeadline)) {
                AlertMessage m = outbox.poll(200, TimeUnit.MILLISECONDS);
                if (m == null) {
                    continue;
                }
                try {
                    send(m, maxAgeNanos);
                } finally {
                    queued.decrementAndGet(); // written or dropped: a later alert may now go directly
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(AlertMessage m, long maxAgeNanos) throws InterruptedException {
        byte[] bytes = encode(m);
        while (writing || System.nanoTime() < drainDeadline) {
            if (m.sampleReceiveNanos() != 0 && System.nanoTime() - m.sampleReceiveNanos() > maxAgeNanos) {
                dropped.incrementAndGet(); // a buzz this late would confuse more than help
                return;
            }
            SerialPort p = awaitPort();
            if (p != null) {
                boolean written;
                writeLock.lock();
                try {
                    written = p.writeBytes(bytes, bytes.length) == bytes.length;
                } finally {
                    writeLock.unlock();
                }
                if (written) {
                    delivered.incrementAndGet();
                    return;
                }
            }
            Thread.sleep(50);
        }
        dropped.incrementAndGet(); // closing, and the port did not come back in time
    }

    private SerialPort awaitPort() throws InterruptedException {
        synchronized (portLock) {
            if (port == null && (running || writing)) {
                portLock.wait(200);
            }
            return port;
        }
    }

    // ----- closing -----

    private volatile long drainDeadline;

    @Override
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        drainDeadline = System.nanoTime() + timeout.toNanos() / 2; // the last clears still reach the device
        writing = false;
        join(writer, drainDeadline);
        int left = outbox.size();
        outbox.clear();
        dropped.addAndGet(left); // never written: the port was gone at the end
        running = false;
        synchronized (portLock) {
            portLock.notifyAll();
        }
        SerialPort p = port;
        if (p != null && p.bytesAwaitingWrite() > 0) {
            sleep(100); // let the last alert leave the UART before the port closes
        }
        join(reader, deadline);
        p = port;
        if (p != null) {
            closePort(p);
        }
    }

    private static void join(Thread t, long deadlineNanos) {
        if (t == null) {
            return;
        }
        try {
            long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
            t.join(left);
            if (t.isAlive()) {
                t.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
