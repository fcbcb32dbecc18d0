package org.formcoach.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.formcoach.cli.ExitCodes;
import org.formcoach.cli.FormcoachCommand;
import org.formcoach.cli.testing.Sessions;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.testing.BodyMotion;
import org.formcoach.engine.trace.TraceWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code formcoach report} on a session recorded with {@link org.formcoach.cli.record.SessionRecorder}. */
class ReportCommandTest {
    @TempDir
    static Path recordings;
    static Path trace;
    static List<CoachEvent> recorded;

    @TempDir
    Path dir;

    @BeforeAll
    static void recordTheSession() throws IOException {
        trace = recordings.resolve("monday.csv.gz");
        recorded = Sessions.record(trace, "belt-01", CoachSettings.defaults());
        // The session itself must be what the tests below assume.
        assertEquals(Sessions.HINGE_REPS, Sessions.of(recorded, CoachEvent.Rep.class).size(), recorded.toString());
        assertFalse(alerts(Fault.HIP_SAG).isEmpty(), recorded.toString());
        assertFalse(alerts(Fault.LUMBAR_EXTENSION).isEmpty(), recorded.toString());
    }

    @Test
    void shouldListEveryRecordedRepWithItsResultInPlainWords() throws Exception {
        Document html = report(trace);
        List<Element> rows = elements(html, "//table[contains(@class,'reps')]/tbody/tr");
        List<CoachEvent.Rep> reps = Sessions.of(recorded, CoachEvent.Rep.class);
        assertEquals(reps.size(), rows.size());
        for (int i = 0; i < reps.size(); i++) {
            List<String> cells = cells(rows.get(i));
            assertEquals(String.valueOf(reps.get(i).rep()), cells.get(0));
            assertEquals(Texts.clock(reps.get(i).start()), cells.get(1), "the session starts at t = 0");
            String expected = i + 1 == Sessions.ARCHING_REP ? "faulty: lower back arching" : "good";
            assertEquals(expected, cells.get(cells.size() - 1));
        }
    }

    @Test
    void shouldListEveryRecordedAlertWithItsValueAndThreshold() throws Exception {
        Document html = report(trace);
        List<Element> rows = elements(html, "//table[contains(@class,'alerts')]/tbody/tr");
        List<CoachEvent.Alert> alerts = Sessions.of(recorded, CoachEvent.Alert.class);
        assertEquals(alerts.size(), rows.size());
        for (int i = 0; i < alerts.size(); i++) {
            List<String> cells = cells(rows.get(i));
            CoachEvent.Alert a = alerts.get(i);
            assertEquals(List.of(Texts.clock(a.t()), a.severity().wireName(), Texts.words(a.fault()),
                    Texts.degrees(a.valueDeg()), Texts.degrees(a.thresholdDeg())), cells.subList(0, 5));
        }
    }

    @Test
    void shouldPlotEachFaultRulesValueWithItsWarnAndFaultZonesAndAlerts() throws Exception {
        Document html = report(trace);
        Element sag = single(html, "//*[local-name()='svg'][contains(@aria-label,'Hips sagging')]");
        List<Element> warnZones = elements(sag, ".//*[local-name()='rect'][@class='band-warn']");
        assertFalse(warnZones.isEmpty(), "warn zone");
        assertFalse(elements(sag, ".//*[local-name()='rect'][@class='band-fault']").isEmpty(), "fault zone");
        assertTrue(text(warnZones.get(0).getParentNode()).contains("warn from 3.5°, fault from 6.0°"),
                "the zones are the rule's thresholds");
        assertEquals(alerts(Fault.HIP_SAG).size(),
                elements(sag, ".//*[local-name()='g'][starts-with(@class,'mark-')]").size(), "one marker per alert");
        assertEquals(1, elements(sag, ".//*[local-name()='path'][@class='s-value']").size(), "the value line");
        Element posture = single(html, "//*[local-name()='svg'][contains(@aria-label,'Hinge: posture')]");
        assertEquals(Sessions.HINGE_REPS,
                elements(posture, ".//*[local-name()='rect'][starts-with(@class,'span-rep')]").size(), "rep spans");
    }

    @Test
    void shouldMeasureTimeOverThresholdInAgreementWithTheAlerts() throws Exception {
        SessionReport report = SessionReports.make(ReportRequest.of(trace, dir.resolve("r.html"))).report();
        ExerciseSection plank = report.sections().get(0);
        FaultSummary sag = summary(plank, Fault.HIP_SAG);
        FaultTime measured = sag.measured();
        CoachSettings s = CoachSettings.defaults();
        // An alert starts min_duration after the value crosses the line; it clears clear_duration after the
        // value is back under the line minus the hysteresis, which takes a moment more on the way down.
        double early = s.get("alert.min_duration_s") + 0.05;
        double late = s.get("alert.clear_duration_s") + 1.0;
        assertTrue(measured.aboveWarnS() > 3, "the hips sagged for seconds: " + measured);
        assertTrue(sag.inAlertS() - measured.aboveWarnS() > -early && sag.inAlertS() - measured.aboveWarnS() < late,
                "in alert " + sag.inAlertS() + " s vs above warn " + measured.aboveWarnS() + " s");
        assertTrue(sag.atFaultS() - measured.aboveFaultS() > -early && sag.atFaultS() - measured.aboveFaultS() < late,
                "at fault " + sag.atFaultS() + " s vs above fault " + measured.aboveFaultS() + " s");
        // Between the warn alert and the fault alert the value was over the warn line but not yet (for
        // min_duration) over the fault line: at least that long counts above warn and not above fault.
        List<CoachEvent.Alert> sagAlerts = alerts(Fault.HIP_SAG);
        double warnOnly = sagAlerts.get(1).t() - sagAlerts.get(0).t();
        assertEquals(Severity.FAULT, sagAlerts.get(1).severity());
        assertTrue(measured.aboveWarnS() - measured.aboveFaultS() >= warnOnly - 0.05,
                measured + " vs " + warnOnly + " s from warn to fault");
        assertTrue(measured.maxValueDeg() > s.get("plank.hip_sag.fault_deg"), "the sag went past the fault line");
        FaultTime pike = summary(plank, Fault.HIP_PIKE).measured();
        assertEquals(0, pike.aboveWarnS(), "the hips never rose");
        assertTrue(pike.ruleActiveS() > 10, "but the rule applied through the hold: " + pike);

        Document html = report(trace);
        Element row = single(html, "//section[@id='section-1']//table[contains(@class,'thresholds')]/tbody/tr"
                + "[td[1]='Hips sagging']");
        List<String> cells = cells(row);
        assertEquals(Texts.duration(measured.aboveWarnS()), cells.get(2));
        assertEquals(Texts.duration(measured.aboveFaultS()), cells.get(4));
        assertEquals(Texts.duration(sag.inAlertS()), cells.get(cells.size() - 1));
    }

    @Test
    void shouldSplitTheSessionAtEachRecordedExerciseSwitch() throws Exception {
        SessionReport report = SessionReports.make(ReportRequest.of(trace, dir.resolve("r.html"))).report();
        assertEquals(List.of(Exercise.PLANK, Exercise.HINGE),
                report.sections().stream().map(ExerciseSection::exercise).toList());
        ExerciseSection plank = report.sections().get(0);
        ExerciseSection hinge = report.sections().get(1);
        assertEquals(1, plank.holds().size());
        assertEquals(Sessions.SWITCH_T, hinge.start(), 1e-9);
        assertEquals(Sessions.HINGE_REPS, hinge.reps().size());
        assertEquals(1, hinge.faultyReps());
        // The replay switched detectors at the same moment: the hinge stretch was measured as a hinge.
        AngleRange tilt = hinge.trace().angles().get(0);
        assertEquals(65, tilt.maxDeg(), 3, "the reps went to 65°");
        assertEquals(-9, tilt.minDeg(), 2, "and one leaned back 9°");
        assertTrue(report.notes().stream().noneMatch(n -> n.startsWith("Replaying")),
                "the replay agrees with the recording: " + report.notes());
    }

    @Test
    void shouldWriteOneSelfContainedWellFormedPage() throws Exception {
        Path out = dir.resolve("report.html");
        assertEquals(ExitCodes.OK, FormcoachCommand.execute("report", trace.toString(), "-o", out.toString()));
        String page = Files.readString(out);
        Document html = parse(page); // well-formed: every tag closed, every entity valid
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertEquals(0, elements(html, "//*[@src]").size(), "nothing loaded from elsewhere");
        for (Element link : elements(html, "//*[@href]")) {
            String href = link.getAttribute("href");
            assertTrue(href.startsWith("#"), "only links within the page: " + href);
            assertEquals(1, elements(html, "//*[@id='" + href.substring(1) + "']").size(), "target of " + href);
        }
        for (String tag : List.of("script", "link", "img", "iframe", "object", "embed")) {
            assertEquals(0, elements(html, "//*[local-name()='" + tag + "']").size(), tag);
        }
        assertFalse(page.contains("url("), "no external resources in the CSS");
        assertFalse(page.contains("@import"));
        assertFalse(page.contains("http"), "no address at all");
        assertEquals(1, elements(html, "//style").size());
        assertTrue(text(single(html, "//aside[@class='howto']")).contains("How to read this report"));
    }

    @Test
    void shouldEscapeEveryStringThatComesFromTheFiles() throws Exception {
        String device = "<script>alert('x')</script> & \"co\"";
        Path hostile = dir.resolve("hostile.csv");
        Sessions.record(hostile, device, CoachSettings.defaults());
        Path out = dir.resolve("hostile.html");
        SessionReports.make(ReportRequest.of(hostile, out));
        String page = Files.readString(out);
        assertFalse(page.contains("<script"), "the device name arrives as text");
        Document html = parse(page);
        Element deviceRow = single(html, "//table[@class='facts']/tr[th='Device']/td");
        assertEquals(device, text(deviceRow));
    }

    @Test
    void shouldExportOneCsvRowPerRepAndAlert() throws Exception {
        String prefix = dir.resolve("monday").toString();
        assertEquals(ExitCodes.OK, FormcoachCommand.execute("report", trace.toString(), "-o",
                dir.resolve("r.html").toString(), "--csv", prefix));
        List<String> reps = Files.readAllLines(Path.of(prefix + ".reps.csv"));
        List<String> alerts = Files.readAllLines(Path.of(prefix + ".alerts.csv"));
        assertEquals(CsvExport.REPS_HEADER, reps.get(0));
        assertEquals(CsvExport.ALERTS_HEADER, alerts.get(0));
        assertEquals(Sessions.of(recorded, CoachEvent.Rep.class).size(), reps.size() - 1);
        assertEquals(Sessions.of(recorded, CoachEvent.Alert.class).size(), alerts.size() - 1);
        String[] arching = reps.get(Sessions.ARCHING_REP).split(",", -1);
        assertEquals(List.of("2", "hinge", String.valueOf(Sessions.ARCHING_REP)), Arrays.asList(arching).subList(0, 3));
        assertEquals(List.of("faulty", "lumbar_extension"), Arrays.asList(arching).subList(7, 9));
        CoachEvent.Alert first = Sessions.of(recorded, CoachEvent.Alert.class).get(0);
        String[] row = alerts.get(1).split(",", -1);
        assertEquals(first.t(), Double.parseDouble(row[2]), 1e-3);
        assertEquals(first.fault().wireName(), row[3]);
        assertEquals(first.thresholdDeg(), Double.parseDouble(row[6]), 1e-3);
        for (String line : alerts.subList(1, alerts.size())) {
            assertEquals(CsvExport.ALERTS_HEADER.split(",").length, line.split(",", -1).length, line);
        }
    }

    @Test
    void shouldReportFromTheEventsFileAloneWithoutAnglePlots() throws Exception {
        Path events = recordings.resolve("monday.events.jsonl");
        Path out = dir.resolve("events.html");
        assertEquals(ExitCodes.OK, FormcoachCommand.execute("report", events.toString(), "-o", out.toString()));
        Document html = parse(Files.readString(out));
        assertEquals(Sessions.HINGE_REPS, elements(html, "//table[contains(@class,'reps')]/tbody/tr").size());
        assertEquals(Sessions.of(recorded, CoachEvent.Alert.class).size(),
                elements(html, "//table[contains(@class,'alerts')]/tbody/tr").size());
        assertEquals(0, elements(html, "//*[local-name()='path'][@class='s-incl']").size(), "no angle plots");
        assertEquals(2, elements(html, "//*[local-name()='svg'][contains(@class,'timeline')]").size(),
                "an alert timeline per exercise");
        Element sagRow = single(html, "//section[@id='section-1']//table[contains(@class,'thresholds')]/tbody/tr"
                + "[td[1]='Hips sagging']");
        FaultSummary sag = summary(SessionReports.make(ReportRequest.of(events, dir.resolve("x.html"))).report()
                .sections().get(0), Fault.HIP_SAG);
        assertEquals(List.of("Hips sagging", sag.warnAlerts() + " / " + sag.faultAlerts(),
                Texts.duration(sag.inAlertS())), cells(sagRow), "time in alert stands in for measured time");
    }

    @Test
    void shouldShowTheReplayedEventsWhenNoEventsFileWasRecorded() throws Exception {
        Path alone = dir.resolve("alone.csv.gz");
        Files.copy(trace, alone);
        SessionReport report = SessionReports.make(ReportRequest.of(alone, dir.resolve("alone.html"))).report();
        assertTrue(report.eventsOrigin().startsWith("replayed"), report.eventsOrigin());
        // Nothing says the wearer switched to hinge, so the whole session is the plank of its header.
        assertEquals(1, report.sections().size());
        ExerciseSection plank = report.sections().get(0);
        assertEquals(Exercise.PLANK, plank.exercise());
        assertEquals(alerts(Fault.HIP_SAG).size(), plank.alerts().size());
        assertEquals(1, plank.holds().size());
    }

    @Test
    void shouldReportARecordingThatWasCutOffUpToTheCut() throws Exception {
        byte[] whole = Files.readAllBytes(trace);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 3 / 5));
        Files.copy(recordings.resolve("monday.events.jsonl"), dir.resolve("cut.events.jsonl"));
        SessionReports.Outcome outcome = SessionReports.make(ReportRequest.of(cut, dir.resolve("cut.html")));
        SessionReport report = outcome.report();
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("ends abruptly")), report.notes().toString());
        assertTrue(outcome.messages().stream().anyMatch(n -> n.contains("ends abruptly")), "said on stderr too");
        assertTrue(report.end() > 10 && report.end() < 50, "about 3/5 of the 55 s: " + report.end());
    }

    @Test
    void shouldReplayWithTheSettingsRecordedInTheTrace() throws Exception {
        Path custom = dir.resolve("custom.csv");
        CoachSettings settings = CoachSettings.defaults().with("plank.hip_sag.warn_deg", 5);
        List<CoachEvent> events = Sessions.record(custom, null, settings);
        CoachEvent.Alert warn = Sessions.of(events, CoachEvent.Alert.class).stream()
                .filter(a -> a.severity() == Severity.WARN).findFirst().orElseThrow();
        assertEquals(5, warn.thresholdDeg(), 1e-9, "the live coach used the setting");

        SessionReport report = SessionReports.make(ReportRequest.of(custom, dir.resolve("custom.html"))).report();
        assertTrue(report.notes().contains("Replayed with the settings recorded in the trace: "
                + "plank.hip_sag.warn_deg = 5."), report.notes().toString());
        assertTrue(report.notes().stream().noneMatch(n -> n.startsWith("Replaying")), report.notes().toString());
        Element sag = single(parse(Files.readString(dir.resolve("custom.html"))),
                "//*[local-name()='svg'][contains(@aria-label,'Hips sagging')]");
        assertTrue(text(sag).contains("warn from 5.0°"), "the zones drawn are the ones coached with");
    }

    @Test
    void shouldSayWhenTheReplayDisagreesWithWhatWasRecorded() throws Exception {
        Path out = dir.resolve("r.html");
        assertEquals(ExitCodes.OK, FormcoachCommand.execute("report", trace.toString(), "-o", out.toString(),
                "--set", "plank.hip_sag.warn_deg=20", "--set", "plank.hip_sag.fault_deg=25"));
        String notes = text(single(parse(Files.readString(out)), "//section[@class='data-notes']"));
        assertTrue(notes.contains("Replaying the trace gave 4 reps and 2 alerts where 4 reps and 4 alerts were "
                + "recorded live"), notes);
    }

    @Test
    void shouldWriteTheReportBesideTheSessionByDefault() throws Exception {
        Path copy = dir.resolve("tuesday.csv.gz");
        Files.copy(trace, copy);
        assertEquals(ExitCodes.OK, FormcoachCommand.execute("report", copy.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("tuesday.report.html")));
    }

    @Test
    void shouldAskForTheExerciseWhenNothingSaysWhichItIs() throws Exception {
        Path bare = dir.resolve("bare.csv");
        try (TraceWriter w = TraceWriter.create(bare, TraceWriter.options().rateHz(100))) {
            for (var s : BodyMotion.at(100).stand(3).samples(Placement.LUMBAR)) {
                w.write(s);
            }
        }
        Captured run = run("report", bare.toString(), "-o", dir.resolve("bare.html").toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("--exercise"), run.err());
        assertEquals(ExitCodes.OK, FormcoachCommand.execute("report", bare.toString(), "-o",
                dir.resolve("bare.html").toString(), "--exercise", "squat"));
    }

    @Test
    void shouldShowTheLiftedArmOfEachBirdDogRep() throws Exception {
        BodyMotion m = BodyMotion.at(100).mounting(BodyMotion.randomMounting(5)).noise(0.1, 0.002, 1).stand(3)
                .move(2.5, 88, 0, 0).hold(3);
        for (int i = 1; i <= 4; i++) {
            double roll = (i % 2 == 1 ? 2 : -2) * (i == 3 ? 6 : 1); // rep 3 rotates the pelvis 12°
            m.move(1.0, 88, roll, 0).hold(8).move(1.0, 88, 0, 0).hold(3);
        }
        Path birdDog = write("birddog.csv", "bird-dog", m.samples(Placement.SACRUM));
        SessionReport report = SessionReports.make(ReportRequest.of(birdDog, dir.resolve("bd.html"))).report();
        List<CoachEvent.Rep> reps = report.sections().get(0).reps();
        assertEquals(4, reps.size(), report.sections().get(0).alerts().toString());
        Document html = parse(Files.readString(dir.resolve("bd.html")));
        List<Element> rows = elements(html, "//table[contains(@class,'reps')]/tbody/tr");
        List<String> header = elements(html, "//table[contains(@class,'reps')]/thead/tr/th").stream()
                .map(ReportCommandTest::text).toList();
        assertEquals("Arm lifted", header.get(3));
        for (int i = 0; i < reps.size(); i++) {
            assertEquals(reps.get(i).side().wireName(), cells(rows.get(i)).get(3));
        }
        assertEquals(reps.get(0).side().opposite(), reps.get(1).side(), "the sides alternate");
        assertTrue(cells(rows.get(2)).get(4).contains("pelvis rotating"), cells(rows.get(2)).toString());
        assertEquals(1, elements(html, "//*[local-name()='svg'][contains(@aria-label,'Pelvis rotating')]").size());
    }

    @Test
    void shouldPlotTheLumbarAngleOfATwoSensorSession() throws Exception {
        BodyMotion lower = BodyMotion.at(100).mounting(BodyMotion.randomMounting(21)).noise(0.1, 0.002, 5).stand(3);
        BodyMotion upper = BodyMotion.at(100).mounting(BodyMotion.randomMounting(22)).noise(0.1, 0.002, 6).stand(3);
        for (int i = 1; i <= 4; i++) {
            lower.move(2.2, 50, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
            upper.move(2.2, i == 3 ? 90 : 68, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
        }
        List<org.formcoach.engine.sample.Sample> samples = new ArrayList<>(lower.samples(Placement.SACRUM));
        samples.addAll(upper.samples(Placement.THORACOLUMBAR));
        samples.sort(java.util.Comparator.comparingDouble((org.formcoach.engine.sample.Sample x) -> x.timeS)
                .thenComparingInt(x -> x.sensor));
        Path two = write("two.csv", "hinge", samples);
        SessionReport report = SessionReports.make(ReportRequest.of(two, dir.resolve("two.html"))).report();
        assertEquals(List.of("sacrum", "thoracolumbar"), report.sensors());
        ExerciseSection hinge = report.sections().get(0);
        AngleRange lumbar = hinge.trace().angles().stream().filter(a -> a.name().equals("Lumbar angle"))
                .findFirst().orElseThrow();
        assertEquals(40, lumbar.maxDeg(), 4, "rep 3: 90° upper over 50° lower");
        Document html = parse(Files.readString(dir.resolve("two.html")));
        assertEquals(1, elements(html, "//*[local-name()='path'][@class='s-lumbar']").size());
        assertTrue(text(single(html, "//table[@class='facts']/tr[th='Sensors']/td")).contains("two sensors"));
        assertEquals(List.of(Fault.LUMBAR_FLEXION), hinge.reps().get(2).faults());
    }

    private Path write(String name, String exercise, List<org.formcoach.engine.sample.Sample> samples)
            throws IOException {
        Path file = dir.resolve(name);
        try (TraceWriter w = TraceWriter.create(file, TraceWriter.options().sensorColumn(true).rateHz(100)
                .meta("exercise", exercise))) {
            for (var s : samples) {
                w.write(s);
            }
        }
        return file;
    }

    static Stream<Arguments> notASession() {
        byte[] binary = new byte[4096];
        new java.util.Random(5).nextBytes(binary);
        binary[0] = 0x00;
        return Stream.of(
                Arguments.of("binary.csv", binary),
                Arguments.of("words.csv", "hello\nworld\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("empty.csv", new byte[0]),
                Arguments.of("other.jsonl", "{\"name\":\"x\"}\n{\"name\":\"y\"}\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("fake.csv.gz", new byte[]{0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notASession")
    void shouldExitWithBadInputOnAFileThatIsNotASession(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Captured run = run("report", file.toString(), "-o", dir.resolve("out.html").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.code(), run.err());
        assertTrue(run.err().contains(file.toString()), "the message names the file: " + run.err());
        assertFalse(Files.exists(dir.resolve("out.html")), "no report of nothing");
    }

    @Test
    void shouldExitWithBadInputOnAMissingFile() {
        Captured run = run("report", dir.resolve("nope.csv").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.code(), run.err());
    }

    // ----- helpers -----

    private static List<CoachEvent.Alert> alerts(Fault fault) {
        return Sessions.of(recorded, CoachEvent.Alert.class).stream().filter(a -> a.fault() == fault).toList();
    }

    private static FaultSummary summary(ExerciseSection section, Fault fault) {
        return section.faults().stream().filter(f -> f.fault() == fault).findFirst().orElseThrow();
    }

    private Document report(Path session) throws Exception {
        Path out = dir.resolve(session.getFileName() + ".html");
        SessionReports.make(ReportRequest.of(session, out));
        return parse(Files.readString(out));
    }

    static Document parse(String page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Object context, String xpath) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) x.evaluate(xpath, context, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element single(Object context, String xpath) throws Exception {
        List<Element> found = elements(context, xpath);
        assertEquals(1, found.size(), xpath);
        return found.get(0);
    }

    private static List<String> cells(Element row) throws Exception {
        return elements(row, "td").stream().map(ReportCommandTest::text).toList();
    }

    private static String text(org.w3c.dom.Node node) {
        return node.getTextContent().strip();
    }

    record Captured(int code, String err) {
    }

    /** Runs the command with stderr captured. */
    static Captured run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = FormcoachCommand.execute(args);
            return new Captured(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
