package org.formcoach.engine.trace;

/**
 * The tally every reader of rows keeps: how many malformed rows it skipped, and the line
 * and reason of the first one, for the one-line report on stderr.
 */
public final class BadRows {
    private long count;
    private long firstLine;
    private String firstReason;

    /** Counts a skipped row; the first one's line and reason are kept. */
    public void record(long line, String reason) {
        count++;
        if (firstLine == 0) {
            firstLine = line;
            firstReason = reason;
        }
    }

    public long count() {
        return count;
    }

    /** 1-based line of the first malformed row, 0 when none. */
    public long firstLine() {
        return firstLine;
    }

    /** Why the first malformed row was skipped, or null. */
    public String firstReason() {
        return firstReason;
    }

    /** "source: skipped 3 malformed rows; first at line 12 (time goes backwards)". */
    public String report(String source) {
        if (count == 0) {
            return source + ": no malformed rows";
        }
        return source + ": skipped " + count + " malformed row" + (count == 1 ? "" : "s")
                + "; first at line " + firstLine + " (" + firstReason + ")";
    }
}
