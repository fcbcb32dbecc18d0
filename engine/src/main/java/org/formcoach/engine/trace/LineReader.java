package org.formcoach.engine.trace;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line into one reused character buffer: {@link #next()} makes the
 * next line available as {@code chars()[0, length())} without creating a String. Accepts
 * {@code \n}, {@code \r\n} and {@code \r} endings. A line longer than the limit is cut and
 * reported as too long so a file of garbage cannot exhaust memory.
 */
final class LineReader {
    static final int MAX_LINE = 64 * 1024;

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private char[] line = new char[256];
    private int length;
    private boolean tooLong;
    private boolean eof;
    private boolean skipLineFeed;
    private long lineNumber;

    LineReader(Reader in) {
        this.in = in;
    }

    /** @return false at the end of input */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position >= limit) {
                if (eof || !fill()) {
                    if (any) {
                        lineNumber++;
                        return true;
                    }
                    return false;
                }
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                skipLineFeed = c == '\r';
                lineNumber++;
                return true;
            }
            any = true;
            append(c);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private void append(char c) {
        if (length == line.length) {
            if (line.length >= MAX_LINE) {
                tooLong = true;
                return;
            }
            char[] bigger = new char[Math.min(MAX_LINE, line.length * 2)];
            System.arraycopy(line, 0, bigger, 0, length);
            line = bigger;
        }
        line[length++] = c;
    }

    char[] chars() {
        return line;
    }

    int length() {
        return length;
    }

    boolean tooLong() {
        return tooLong;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    String text() {
        return new String(line, 0, length);
    }
}
