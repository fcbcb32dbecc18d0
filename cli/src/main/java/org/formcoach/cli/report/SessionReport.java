package org.formcoach.cli.report;

import java.util.List;

import org.formcoach.engine.coach.CoachEvent;

/**
 * Everything the report shows, computed once; the HTML and CSV writers only format it.
 *
 * @param source       the file(s) the report was made from
 * @param recorded     {@code # recorded:} of the trace (ISO-8601), or null
 * @param device       {@code # device:}, or null
 * @param start        trace time of the first sample (or event)
 * @param end          trace time of the last sample (or event)
 * @param sensors      placements that sent data (or calibrated)
 * @param samples      samples replayed, or from the summary event; -1 when unknown
 * @param eventsOrigin where the listed events come from, in words
 * @param hasTrace     whether angle plots and measured times are available
 * @param notes        things a reader should know about the data (cut-off files, skipped rows…)
 */
public record SessionReport(String source, String recorded, String device, double start, double end,
                            List<String> sensors, List<CoachEvent.Calibrated> calibrations, long samples,
                            String eventsOrigin, boolean hasTrace, List<ExerciseSection> sections, List<String> notes) {
    public double duration() {
        return Math.max(0, end - start);
    }
}
