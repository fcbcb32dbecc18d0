package org.formcoach.cli.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Ends a gzip stream that stops without its trailer — a recording whose process was killed
 * after a sync flush — or that turns to garbage part-way, as a normal end of input, and
 * remembers why. Everything before the cut decompresses; only the rest is lost.
 */
final class TruncatedGzipTolerance extends FilterInputStream {
    private String cut;

    TruncatedGzipTolerance(InputStream gzip) {
        super(gzip);
    }

    /** Why reading stopped early, or null when the stream ended properly. */
    String cut() {
        return cut;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (cut != null) {
            return -1;
        }
        try {
            return super.read(b, off, len);
        } catch (EOFException e) {
            cut = "the gzip data ends abruptly (the recording was cut off)";
            return -1;
        } catch (ZipException e) {
            cut = "the gzip data is damaged (" + e.getMessage() + ")";
            return -1;
        }
    }
}
