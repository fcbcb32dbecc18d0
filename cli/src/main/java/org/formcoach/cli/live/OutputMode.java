package org.formcoach.cli.live;

import java.util.Locale;

/** How a live session talks on standard output. */
public enum OutputMode {
    /** Interactive view when standard output is a terminal, plain lines otherwise. */
    AUTO,
    /** One timestamped line per event (logs, pipes). */
    PLAIN,
    /** The redrawn status block with colours (forced, e.g. under a terminal multiplexer that hides itself). */
    INTERACTIVE,
    /** JSON lines: the events of CONTRACT §2 with a device field, nothing else on stdout. */
    JSONL;

    /** auto, plain, interactive (or full), jsonl. */
    public static OutputMode parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "plain", "text" -> PLAIN;
            case "interactive", "full", "ansi" -> INTERACTIVE;
            case "jsonl", "json" -> JSONL;
            default -> throw new IllegalArgumentException("'" + s + "' is not a view (use auto, plain, interactive or jsonl)");
        };
    }
}
