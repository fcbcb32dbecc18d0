package org.formcoach.cli.record;

import java.nio.file.Path;

/**
 * How the files of one recorded session are named: the trace {@code X.csv} or
 * {@code X.csv.gz} and, beside it, the events {@code X.events.jsonl}.
 */
public final class SessionFiles {
    public static final String EVENTS_SUFFIX = ".events.jsonl";

    private SessionFiles() {
    }

    /** {@code dir/X.csv.gz} → {@code dir/X.events.jsonl}. */
    public static Path eventsFor(Path trace) {
        return trace.resolveSibling(baseName(trace) + EVENTS_SUFFIX);
    }

    /** The file name without {@code .csv.gz}, {@code .csv}, {@code .gz} or {@code .events.jsonl}. */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[]{".csv.gz", ".csv", EVENTS_SUFFIX + ".gz", EVENTS_SUFFIX, ".jsonl.gz",
                ".jsonl", ".gz"}) {
            if (name.length() > suffix.length() && name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
