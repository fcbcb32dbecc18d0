package org.formcoach.simulator.labels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.formcoach.simulator.body.UnitQuaternion;

/**
 * Reads a labels file with jackson-core's streaming parser. The file is small, so it is
 * read into plain maps and lists first; unknown fields are ignored (the schema may grow),
 * missing required ones are an {@link IOException} naming the file and the field.
 */
final class LabelsReader {
    private static final JsonFactory JSON = new JsonFactory();

    private LabelsReader() {
    }

    static Labels read(Path path) throws IOException {
        Object root;
        try (InputStream in = Files.newInputStream(path); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() == null) {
                throw new IOException(path + ": empty, not a labels file");
            }
            root = value(p);
        } catch (JsonParseException e) {
            throw new IOException(path + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return labels(asMap(root, "the top level"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON token " + t);
        }
    }

    private static Labels labels(Map<String, Object> m) {
        Object version = m.get("formcoach_labels");
        if (!(version instanceof Double v) || v.intValue() != Labels.FORMAT_VERSION) {
            throw new IllegalArgumentException("not a formcoach labels file (formcoach_labels: "
                    + version + ", expected " + Labels.FORMAT_VERSION + ")");
        }
        List<String> sensors = new ArrayList<>();
        for (Object o : list(m, "sensors")) {
            sensors.add((String) o);
        }
        Map<String, UnitQuaternion> rotations = new LinkedHashMap<>();
        Object rot = m.get("mounting_rotations");
        if (rot != null) {
            for (Map.Entry<String, Object> e : asMap(rot, "mounting_rotations").entrySet()) {
                List<?> q = (List<?>) e.getValue();
                if (q.size() != 4) {
                    throw new IllegalArgumentException("mounting_rotations." + e.getKey() + " must be [w, x, y, z]");
                }
                rotations.put(e.getKey(), new UnitQuaternion((Double) q.get(0), (Double) q.get(1),
                        (Double) q.get(2), (Double) q.get(3)));
            }
        }
        Map<String, Object> cal = asMap(required(m, "calibration"), "calibration");
        Labels.Calibration calibration = new Labels.Calibration(num(cal, "quiet_start"), num(cal, "quiet_end"),
                (Double) cal.get("first_forward_movement"));

        List<Labels.Segment> segments = new ArrayList<>();
        for (Object o : list(m, "segments")) {
            Map<String, Object> s = asMap(o, "a segment");
            segments.add(new Labels.Segment(str(s, "exercise"), num(s, "start"), num(s, "end")));
        }
        List<Labels.Rep> reps = new ArrayList<>();
        for (Object o : list(m, "reps")) {
            Map<String, Object> r = asMap(o, "a rep");
            List<String> faults = new ArrayList<>();
            for (Object f : list(r, "faults")) {
                faults.add((String) f);
            }
            reps.add(new Labels.Rep((int) num(r, "rep"), str(r, "exercise"), num(r, "start"), num(r, "end"),
                    (String) r.get("side"), faults, optionalNum(r, "peak_inclination_deg"),
                    optionalNum(r, "peak_lumbar_flexion_deg")));
        }
        List<Labels.Fault> faults = new ArrayList<>();
        for (Object o : list(m, "faults")) {
            Map<String, Object> f = asMap(o, "a fault");
            faults.add(new Labels.Fault(str(f, "fault"), str(f, "exercise"), (int) num(f, "rep"), num(f, "onset"),
                    num(f, "half_peak"), num(f, "peak"), num(f, "end"), num(f, "peak_deg"),
                    (String) f.get("angle"), optionalNum(f, "pelvis_tilt_deg"), (Double) f.get("height_cm")));
        }
        List<Labels.Hold> holds = new ArrayList<>();
        for (Object o : list(m, "holds")) {
            Map<String, Object> h = asMap(o, "a hold");
            holds.add(new Labels.Hold(str(h, "exercise"), h.get("rep") == null ? 0 : (int) num(h, "rep"),
                    num(h, "start"), num(h, "end")));
        }
        List<Labels.TimingFault> timing = new ArrayList<>();
        for (Object o : list(m, "timing_faults")) {
            Map<String, Object> t = asMap(o, "a timing fault");
            timing.add(new Labels.TimingFault(str(t, "kind"), num(t, "start"), num(t, "end"), (int) num(t, "samples")));
        }
        return new Labels(Labels.FORMAT_VERSION, str(m, "generator"), (long) num(m, "seed"),
                str(m, "exercise"), (String) m.get("variant"), sensors, str(m, "mounting"), rotations,
                str(m, "preset"), num(m, "rate_hz"), Boolean.TRUE.equals(m.get("mag")),
                (String) m.get("faults_spec"), (String) m.get("timing_spec"), num(m, "duration_s"), calibration,
                segments, reps, faults, holds, timing);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) o;
    }

    private static Object required(Map<String, Object> m, String field) {
        Object o = m.get(field);
        if (o == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return o;
    }

    private static List<?> list(Map<String, Object> m, String field) {
        Object o = m.get(field);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("'" + field + "' must be a JSON array");
        }
        return l;
    }

    private static double num(Map<String, Object> m, String field) {
        Object o = required(m, field);
        if (!(o instanceof Double d)) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return d;
    }

    private static double optionalNum(Map<String, Object> m, String field) {
        Object o = m.get(field);
        return o instanceof Double d ? d : Double.NaN;
    }

    private static String str(Map<String, Object> m, String field) {
        Object o = required(m, field);
        if (!(o instanceof String s)) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return s;
    }
}
