package org.formcoach.cli.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.formcoach.engine.trace.TraceFormatException;
import org.formcoach.engine.trace.TraceReader;

/**
 * Opens a trace file for a command: counts the file's bytes for a progress bar, and reads
 * a gzip file that was cut off (a killed recording) up to the cut instead of failing.
 */
public final class TraceInput implements Closeable {
    private final TraceReader reader;
    private final CountingInputStream counter;
    private final TruncatedGzipTolerance gzip;
    private final long size;

    private TraceInput(TraceReader reader, CountingInputStream counter, TruncatedGzipTolerance gzip, long size) {
        this.reader = reader;
        this.counter = counter;
        this.gzip = gzip;
        this.size = size;
    }

    /** @throws TraceFormatException when the file is not a trace (exit code 3) */
    public static TraceInput open(Path path) throws IOException {
        long size = Files.size(path);
        CountingInputStream counter = new CountingInputStream(Files.newInputStream(path));
        try {
            InputStream in = new BufferedInputStream(counter, 1 << 16);
            TruncatedGzipTolerance gzip = null;
            if (isGzip(in)) {
                try {
                    gzip = new TruncatedGzipTolerance(new GZIPInputStream(in, 1 << 16));
                } catch (EOFException | ZipException e) {
                    throw new TraceFormatException(path.toString(), 0, "a gzip file that ends before any data");
                }
                in = gzip;
            }
            return new TraceInput(TraceReader.open(in, path.toString()), counter, gzip, size);
        } catch (ZipException e) {
            counter.close();
            throw new TraceFormatException(path.toString(), 0, "damaged gzip data (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            counter.close();
            throw e;
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    public TraceReader reader() {
        return reader;
    }

    /** Bytes of the file read so far (compressed bytes for a gzip file). */
    public long bytesRead() {
        return counter.count();
    }

    /** The file's size in bytes. */
    public long size() {
        return size;
    }

    /**
     * Why the file's data stopped before its proper end — gzip cut off (a killed recording)
     * or damaged — or null. Rows before the cut were read normally.
     */
    public String cutShort() {
        return gzip == null ? null : gzip.cut();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
