package org.formcoach.engine.trace;

import java.io.IOException;

/**
 * The input is not a trace at all (no column header, binary data, missing accelerometer or
 * gyroscope columns). Malformed rows inside a real trace never raise this: they are
 * skipped and counted. The command line maps this to exit code 3.
 */
public final class TraceFormatException extends IOException {
    private final String source;
    private final long line;

    public TraceFormatException(String source, long line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": not a formcoach trace: " + reason);
        this.source = source;
        this.line = line;
    }

    /** The file name (or stream description) that was read. */
    public String source() {
        return source;
    }

    /** 1-based line number where reading gave up, or 0 when not known. */
    public long line() {
        return line;
    }
}
