package org.formcoach.cli.report;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.formcoach.cli.BadInputException;
import org.formcoach.engine.coach.CoachEvent;

/**
 * A recorded events file: one JSON object per line (CONTRACT §2), plain or gzip. Bad lines
 * (a line cut off when the recording was killed, hand edits) are skipped and counted; a
 * file in which no line is an event is not an events file at all.
 */
public final class EventsFile {
    /** Lines longer than this are not events (guards against reading a binary file as one line). */
    private static final int MAX_LINE = 64 * 1024;

    private final Path path;
    private final List<CoachEvent> events;
    private final long badLines;
    private final long firstBadLine;
    private final String firstBadReason;
    private final long unknownTypes;

    private EventsFile(Path path, List<CoachEvent> events, long badLines, long firstBadLine, String firstBadReason,
                       long unknownTypes) {
        this.path = path;
        this.events = List.copyOf(events);
        this.badLines = badLines;
        this.firstBadLine = firstBadLine;
        this.firstBadReason = firstBadReason;
        this.unknownTypes = unknownTypes;
    }

    /** @throws BadInputException when the file has text but not one event (exit code 3) */
    public static EventsFile read(Path path) throws IOException {
        List<CoachEvent> events = new ArrayList<>();
        long bad = 0;
        long firstBad = 0;
        String firstReason = null;
        long unknown = 0;
        long lineNumber = 0;
        long nonBlank = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            String line;
            while ((line = readLine(in)) != null) {
                lineNumber++;
                String text = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (text.isBlank()) {
                    continue;
                }
                nonBlank++;
                String reason;
                if (text.length() > MAX_LINE) {
                    reason = "line too long";
                } else {
                    try {
                        CoachEvent event = EventJsonReader.parse(text);
                        if (event == null) {
                            unknown++;
                        } else {
                            events.add(event);
                        }
                        continue;
                    } catch (EventJsonReader.BadEventException e) {
                        reason = e.getMessage();
                    }
                }
                bad++;
                if (firstBad == 0) {
                    firstBad = lineNumber;
                    firstReason = reason;
                }
            }
        }
        if (nonBlank > 0 && events.isEmpty() && unknown == 0) {
            throw new BadInputException(path + ":" + firstBad + ": not a formcoach events file (expected one JSON"
                    + " object per line with \"t\" and \"type\"): " + firstReason);
        }
        return new EventsFile(path, events, bad, firstBad, firstReason, unknown);
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (EOFException | ZipException e) {
                in.close();
                throw new BadInputException(path + ": damaged gzip data");
            }
        }
        return in;
    }

    /** A line, or null at the end; a gzip file cut off by a killed recording ends where it was cut. */
    private static String readLine(BufferedReader in) throws IOException {
        try {
            return in.readLine();
        } catch (EOFException | ZipException e) {
            return null;
        }
    }

    public Path path() {
        return path;
    }

    public List<CoachEvent> events() {
        return events;
    }

    public long badLines() {
        return badLines;
    }

    /** One line for stderr and the report's notes, or null when every line was good. */
    public String badLineReport() {
        if (badLines == 0) {
            return null;
        }
        return path + ": skipped " + badLines + " bad line" + (badLines == 1 ? "" : "s") + "; first at line "
                + firstBadLine + " (" + firstBadReason + ")";
    }

    /** Lines of event types this version does not know (ignored, as the contract says). */
    public long unknownTypes() {
        return unknownTypes;
    }

    /** Whether the first non-blank text of a file looks like JSON lines rather than a CSV trace. */
    public static boolean looksLikeEvents(Path path) throws IOException {
        try (InputStream in = open(path)) {
            byte[] head = in.readNBytes(4096);
            String text = new String(head, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.stripLeading().startsWith("{");
        } catch (EOFException | ZipException e) {
            return false;
        }
    }
}
