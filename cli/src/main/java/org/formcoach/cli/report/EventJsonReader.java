package org.formcoach.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.coach.Side;
import org.formcoach.engine.sample.Placement;

/**
 * Reads one line of {@code replay --format jsonl} output (CONTRACT §2) back into a
 * {@link CoachEvent}: the inverse of {@code EventJson}. A line of a type this version does
 * not know is skipped ({@link #parse} returns null), as the contract asks of consumers.
 */
public final class EventJsonReader {
    private static final JsonFactory JSON = new JsonFactory();

    private EventJsonReader() {
    }

    /** A line that is not a valid event; the message says why. */
    public static final class BadEventException extends Exception {
        public BadEventException(String message) {
            super(message);
        }
    }

    /**
     * @return the event, or null for a well-formed object of an unknown {@code type}
     * @throws BadEventException when the line is not a JSON object or a known type lacks a field
     */
    public static CoachEvent parse(String line) throws BadEventException {
        Map<String, Object> f = fields(line);
        Object type = f.get("type");
        if (!(type instanceof String typeName)) {
            throw new BadEventException("no \"type\"");
        }
        double t = number(f, "t");
        try {
            return switch (typeName) {
                case "calibrated" -> new CoachEvent.Calibrated(t, placement(string(f, "sensor")),
                        optionalString(f, "method", ""));
                case "rep" -> new CoachEvent.Rep(t, exercise(f), integer(f, "rep"), number(f, "start"),
                        number(f, "end"), side(optionalString(f, "side", null)), faults(f));
                case "alert" -> new CoachEvent.Alert(t, exercise(f), Fault.parse(string(f, "fault")),
                        severity(string(f, "severity")), optionalNumber(f, "value_deg"),
                        optionalNumber(f, "threshold_deg"), f.containsKey("rep") ? integer(f, "rep") : 0);
                case "clear" -> new CoachEvent.Clear(t, exercise(f), Fault.parse(string(f, "fault")));
                case "hold" -> new CoachEvent.Hold(t, exercise(f), number(f, "start"), number(f, "end"),
                        f.containsKey("duration_s") ? number(f, "duration_s") : number(f, "end") - number(f, "start"));
                case "warning" -> new CoachEvent.Warning(t, optionalString(f, "code", ""),
                        optionalString(f, "message", ""));
                case "exercise" -> new CoachEvent.ExerciseStarted(t, exercise(f));
                case "summary" -> new CoachEvent.Summary(t, integer(f, "reps"), integer(f, "alerts"),
                        (long) number(f, "samples"), (long) number(f, "bad_rows"));
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            throw new BadEventException(e.getMessage());
        }
    }

    /** The object's fields: String, Double, null, or List<String> for arrays. Nested objects are skipped. */
    private static Map<String, Object> fields(String line) throws BadEventException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadEventException("not a JSON object");
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (value) {
                    case VALUE_STRING -> fields.put(name, p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.put(name, p.getDoubleValue());
                    case VALUE_NULL -> fields.put(name, null);
                    case VALUE_TRUE, VALUE_FALSE -> fields.put(name, value == JsonToken.VALUE_TRUE);
                    case START_ARRAY -> fields.put(name, strings(p));
                    case START_OBJECT -> p.skipChildren();
                    default -> throw new BadEventException("unexpected " + value);
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new BadEventException("the JSON object is not closed");
            }
            if (p.nextToken() != null) {
                throw new BadEventException("text after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new BadEventException("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadEventException("not valid JSON (" + e.getMessage() + ")");
        }
        return fields;
    }

    private static List<String> strings(JsonParser p) throws IOException, BadEventException {
        List<String> out = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw new BadEventException("an array of strings was expected");
            }
            out.add(p.getText());
        }
        return out;
    }

    private static double number(Map<String, Object> f, String name) throws BadEventException {
        if (!(f.get(name) instanceof Double d) || !Double.isFinite(d)) {
            throw new BadEventException("\"" + name + "\" is missing or not a number");
        }
        return d;
    }

    /** A number that the writer may have written as null (not finite). */
    private static double optionalNumber(Map<String, Object> f, String name) throws BadEventException {
        Object v = f.get(name);
        if (v == null) {
            return Double.NaN;
        }
        return number(f, name);
    }

    private static int integer(Map<String, Object> f, String name) throws BadEventException {
        double v = number(f, name);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new BadEventException("\"" + name + "\" is not a whole number");
        }
        return (int) v;
    }

    private static String string(Map<String, Object> f, String name) throws BadEventException {
        if (!(f.get(name) instanceof String s)) {
            throw new BadEventException("\"" + name + "\" is missing or not a string");
        }
        return s;
    }

    private static String optionalString(Map<String, Object> f, String name, String fallback) {
        return f.get(name) instanceof String s ? s : fallback;
    }

    private static Exercise exercise(Map<String, Object> f) throws BadEventException {
        return Exercise.parse(string(f, "exercise"));
    }

    private static Placement placement(String name) {
        Placement p = Placement.fromTraceName(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown sensor '" + name + "'");
        }
        return p;
    }

    private static Severity severity(String name) {
        for (Severity s : Severity.values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + name + "'");
    }

    private static Side side(String name) {
        if (name == null) {
            return null;
        }
        for (Side s : Side.values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side '" + name + "'");
    }

    private static List<Fault> faults(Map<String, Object> f) throws BadEventException {
        Object v = f.get("faults");
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> names)) {
            throw new BadEventException("\"faults\" is not a list");
        }
        List<Fault> out = new ArrayList<>();
        for (Object name : names) {
            out.add(Fault.parse((String) name));
        }
        return out;
    }
}
