package org.formcoach.cli.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.formcoach.cli.BadInputException;
import org.formcoach.cli.io.TraceInput;
import org.formcoach.cli.record.RecordingInfo;
import org.formcoach.cli.record.SessionFiles;
import org.formcoach.cli.terminal.ProgressBar;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.orientation.OrientationSettings;
import org.formcoach.engine.trace.TraceHeader;

/**
 * Makes a session report: reads the trace and/or events, replays the trace, assembles the
 * report and writes the HTML (and CSV) files. The {@code report} command is a thin shell
 * around {@link #make}.
 */
public final class SessionReports {
    /** What was written, and lines for stderr (data problems, the files written). */
    public record Outcome(SessionReport report, Path html, List<Path> csv, List<String> messages) {
    }

    private SessionReports() {
    }

    public static Outcome make(ReportRequest request) throws IOException {
        return make(request, ProgressBar.onStderr("report"));
    }

    static Outcome make(ReportRequest request, ProgressBar progress) throws IOException {
        Path session = request.session();
        if (!Files.exists(session)) {
            throw new NoSuchFileException(session.toString());
        }
        List<String> messages = new ArrayList<>();
        SessionReport report = EventsFile.looksLikeEvents(session)
                ? fromEvents(request, messages)
                : fromTrace(request, progress, messages);
        Path html = request.output() != null ? request.output()
                : session.resolveSibling(SessionFiles.baseName(session) + ".report.html");
        String page = HtmlReport.render(report);
        if (html.toString().equals("-")) {
            Writer out = new OutputStreamWriter(new PrintStream(System.out, false, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            out.write(page);
            out.flush();
            html = null;
        } else {
            Files.writeString(html, page, StandardCharsets.UTF_8);
        }
        List<Path> csv = request.csvPrefix() == null ? List.of() : CsvExport.write(report, request.csvPrefix());
        int reps = 0;
        int alerts = 0;
        for (ExerciseSection s : report.sections()) {
            reps += s.reps().size();
            alerts += s.alerts().size();
        }
        StringJoiner files = new StringJoiner(", ");
        if (html != null) {
            files.add(html.toString());
        }
        csv.forEach(p -> files.add(p.toString()));
        if (files.length() > 0) {
            messages.add("wrote " + files + ": " + report.sections().size() + " exercise section"
                    + (report.sections().size() == 1 ? "" : "s") + ", " + reps + " reps, " + alerts + " alerts");
        }
        return new Outcome(report, html, csv, messages);
    }

    private static SessionReport fromEvents(ReportRequest request, List<String> messages) throws IOException {
        if (request.events() != null) {
            throw request.usageError().apply("--events goes with a trace; " + request.session()
                    + " is an events file already");
        }
        EventsFile file = EventsFile.read(request.session());
        if (file.events().isEmpty()) {
            throw new BadInputException(request.session() + ": no events in the file");
        }
        List<String> notes = new ArrayList<>();
        eventFileNotes(file, notes, messages);
        notes.add("Made from the events alone: there are no angle plots and no measured time over threshold. "
                + "Give the trace (" + SessionFiles.baseName(request.session()) + ".csv.gz or .csv) for those.");
        Exercise initial = request.exercise() != null ? parseExercise(request, request.exercise())
                : SessionAssembler.firstExercise(file.events());
        return SessionAssembler.assemble(new SessionAssembler.Input(request.session().getFileName().toString(),
                file.events(), "as recorded live (" + request.session().getFileName() + ")", initial, null, null,
                null, notes));
    }

    private static SessionReport fromTrace(ReportRequest request, ProgressBar progress, List<String> messages)
            throws IOException {
        Path session = request.session();
        try (TraceInput input = TraceInput.open(session)) {
            TraceHeader header = input.reader().header();
            Path eventsPath = request.events();
            if (eventsPath == null) {
                Path beside = SessionFiles.eventsFor(session);
                eventsPath = Files.isRegularFile(beside) ? beside : null;
            } else if (!Files.exists(eventsPath)) {
                throw new NoSuchFileException(eventsPath.toString());
            }
            List<String> notes = new ArrayList<>();
            List<CoachEvent> recorded = null;
            if (eventsPath != null) {
                EventsFile file = EventsFile.read(eventsPath);
                eventFileNotes(file, notes, messages);
                if (file.events().isEmpty()) {
                    notes.add(eventsPath.getFileName() + " holds no events; the events shown are replayed from the "
                            + "trace.");
                } else {
                    recorded = file.events();
                }
            }
            Exercise initial = initialExercise(request, header, recorded);
            CoachSettings settings = request.settings().apply(recordedSettings(header, notes));
            double rate = request.rateHz() != null ? request.rateHz()
                    : Double.isNaN(header.rateHz()) ? OrientationSettings.DEFAULT_RATE_HZ : header.rateHz();
            List<SessionReplay.Switch> switches = recorded == null ? List.of() : SessionAssembler.switches(recorded);

            SessionReplay.Result replay = SessionReplay.run(input, initial, switches, settings, rate, progress);

            if (replay.cutShort() != null) {
                String note = session.getFileName() + ": " + replay.cutShort() + "; the report covers the "
                        + replay.samples() + " samples before the cut.";
                notes.add(note);
                messages.add(note);
            }
            if (replay.badRowReport() != null) {
                notes.add("Skipped rows of the trace: " + replay.badRowReport() + ".");
                messages.add(replay.badRowReport());
            }
            if (replay.rejected() > 0) {
                notes.add(replay.rejected() + " samples were not finite numbers or went back in time and were skipped.");
            }
            String origin;
            List<CoachEvent> shown;
            if (recorded != null) {
                shown = recorded;
                origin = "as recorded live (" + eventsPath.getFileName() + ")";
                String difference = SessionAssembler.compare(recorded, replay.events());
                if (difference != null) {
                    notes.add(difference);
                }
            } else {
                shown = replay.events();
                origin = "replayed from the trace (no events file was recorded beside it)";
            }
            String source = session.getFileName() + (eventsPath != null ? " and " + eventsPath.getFileName() : "");
            return SessionAssembler.assemble(new SessionAssembler.Input(source, shown, origin, initial, replay,
                    header.get("recorded"), header.device(), notes));
        }
    }

    private static Exercise initialExercise(ReportRequest request, TraceHeader header, List<CoachEvent> recorded) {
        if (request.exercise() != null) {
            return parseExercise(request, request.exercise());
        }
        String declared = header.get("exercise");
        if (declared != null) {
            try {
                return Exercise.parse(declared);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(request.session() + ": '# exercise: " + declared + "': " + e.getMessage());
            }
        }
        Exercise first = recorded == null ? null : SessionAssembler.firstExercise(recorded);
        if (first == null) {
            throw request.usageError().apply(request.session() + " does not say which exercise it holds "
                    + "(no '# exercise:' line, no events): give --exercise EX");
        }
        return first;
    }

    private static Exercise parseExercise(ReportRequest request, String name) {
        try {
            return Exercise.parse(name);
        } catch (IllegalArgumentException e) {
            throw request.usageError().apply("--exercise: " + e.getMessage());
        }
    }

    /** The defaults with the trace's {@code # setting.NAME: value} lines applied (those this version knows). */
    private static CoachSettings recordedSettings(TraceHeader header, List<String> notes) {
        CoachSettings settings = CoachSettings.defaults();
        StringJoiner applied = new StringJoiner(", ");
        for (Map.Entry<String, String> e : header.metadata().entrySet()) {
            if (!e.getKey().startsWith(RecordingInfo.SETTING_PREFIX)) {
                continue;
            }
            String name = e.getKey().substring(RecordingInfo.SETTING_PREFIX.length());
            try {
                settings = settings.with(name, Double.parseDouble(e.getValue().strip()));
                applied.add(name + " = " + e.getValue().strip());
            } catch (IllegalArgumentException ignored) {
                notes.add("The trace's setting '" + name + " = " + e.getValue() + "' is unknown to this version "
                        + "and was ignored.");
            }
        }
        if (applied.length() > 0) {
            notes.add("Replayed with the settings recorded in the trace: " + applied + ".");
        }
        return settings;
    }

    private static void eventFileNotes(EventsFile file, List<String> notes, List<String> messages) {
        if (file.badLineReport() != null) {
            notes.add("Skipped lines of the events file: " + file.badLineReport() + ".");
            messages.add(file.badLineReport());
        }
        if (file.unknownTypes() > 0) {
            notes.add(file.unknownTypes() + " events of types this version does not know were left out.");
        }
    }
}
