package org.formcoach.simulator.labels;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.formcoach.engine.util.DecimalFormatter;
import org.formcoach.simulator.body.UnitQuaternion;

/** Writes {@link Labels} as JSON with jackson-core's streaming generator. */
public final class LabelsWriter {
    private static final JsonFactory JSON = new JsonFactory();
    /** 0.1 ms for times, 0.01° for angles, 1e-6 for quaternion parts. */
    private static final int TIME_DECIMALS = 4;
    private static final int ANGLE_DECIMALS = 2;
    private static final int QUATERNION_DECIMALS = 6;

    private LabelsWriter() {
    }

    public static void write(Labels labels, Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path);
             JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            write(labels, g);
        }
    }

    public static void write(Labels labels, Writer writer) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(writer)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(labels, g);
        }
    }

    private static void write(Labels l, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeNumberField("formcoach_labels", l.formatVersion());
        g.writeStringField("generator", l.generator());
        g.writeNumberField("seed", l.seed());
        g.writeStringField("exercise", l.exercise());
        g.writeFieldName("variant");
        writeStringOrNull(g, l.variant());
        g.writeArrayFieldStart("sensors");
        for (String s : l.sensors()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeStringField("mounting", l.mounting());
        g.writeObjectFieldStart("mounting_rotations");
        for (String sensor : l.sensors()) {
            UnitQuaternion q = l.mountingRotations().get(sensor);
            if (q == null) {
                continue;
            }
            g.writeArrayFieldStart(sensor);
            number(g, q.w(), QUATERNION_DECIMALS);
            number(g, q.x(), QUATERNION_DECIMALS);
            number(g, q.y(), QUATERNION_DECIMALS);
            number(g, q.z(), QUATERNION_DECIMALS);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeStringField("preset", l.preset());
        g.writeFieldName("rate_hz");
        number(g, l.rateHz(), 3);
        g.writeBooleanField("mag", l.magnetometer());
        g.writeStringField("faults_spec", l.faultsSpec());
        g.writeStringField("timing_spec", l.timingSpec());
        g.writeFieldName("duration_s");
        number(g, l.durationS(), TIME_DECIMALS);

        g.writeObjectFieldStart("calibration");
        time(g, "quiet_start", l.calibration().quietStart());
        time(g, "quiet_end", l.calibration().quietEnd());
        g.writeFieldName("first_forward_movement");
        if (l.calibration().firstForwardMovement() == null) {
            g.writeNull();
        } else {
            number(g, l.calibration().firstForwardMovement(), TIME_DECIMALS);
        }
        g.writeEndObject();

        g.writeArrayFieldStart("segments");
        for (Labels.Segment s : l.segments()) {
            g.writeStartObject();
            g.writeStringField("exercise", s.exercise());
            time(g, "start", s.start());
            time(g, "end", s.end());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("reps");
        for (Labels.Rep r : l.reps()) {
            g.writeStartObject();
            g.writeNumberField("rep", r.rep());
            g.writeStringField("exercise", r.exercise());
            time(g, "start", r.start());
            time(g, "end", r.end());
            g.writeFieldName("side");
            writeStringOrNull(g, r.side());
            g.writeArrayFieldStart("faults");
            for (String f : r.faults()) {
                g.writeString(f);
            }
            g.writeEndArray();
            angle(g, "peak_inclination_deg", r.peakInclinationDeg());
            angle(g, "peak_lumbar_flexion_deg", r.peakLumbarFlexionDeg());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("faults");
        for (Labels.Fault f : l.faults()) {
            g.writeStartObject();
            g.writeStringField("fault", f.fault());
            g.writeStringField("exercise", f.exercise());
            g.writeNumberField("rep", f.rep());
            time(g, "onset", f.onset());
            time(g, "half_peak", f.halfPeak());
            time(g, "peak", f.peak());
            time(g, "end", f.end());
            angle(g, "peak_deg", f.peakDeg());
            g.writeStringField("angle", f.angle());
            angle(g, "pelvis_tilt_deg", f.pelvisTiltDeg());
            if (f.heightCm() != null) {
                angle(g, "height_cm", f.heightCm());
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("holds");
        for (Labels.Hold h : l.holds()) {
            g.writeStartObject();
            g.writeStringField("exercise", h.exercise());
            g.writeNumberField("rep", h.rep());
            time(g, "start", h.start());
            time(g, "end", h.end());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("timing_faults");
        for (Labels.TimingFault t : l.timingFaults()) {
            g.writeStartObject();
            g.writeStringField("kind", t.kind());
            time(g, "start", t.start());
            time(g, "end", t.end());
            g.writeNumberField("samples", t.samples());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void writeStringOrNull(JsonGenerator g, String value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void time(JsonGenerator g, String field, double value) throws IOException {
        g.writeFieldName(field);
        number(g, value, TIME_DECIMALS);
    }

    private static void angle(JsonGenerator g, String field, double value) throws IOException {
        g.writeFieldName(field);
        number(g, value, ANGLE_DECIMALS);
    }

    /** Rounded, locale-free; a non-finite value (never expected) becomes null rather than invalid JSON. */
    private static void number(JsonGenerator g, double value, int decimals) throws IOException {
        if (!Double.isFinite(value)) {
            g.writeNull();
            return;
        }
        StringBuilder sb = new StringBuilder(24);
        DecimalFormatter.append(sb, value, decimals);
        if (sb.length() == 0 || sb.toString().equals("-0")) {
            sb.setLength(0);
            sb.append('0');
        }
        g.writeNumber(sb.toString());
    }
}
