package org.formcoach.bridge.wire;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * The alert commands the host sends a device (docs/protocols.md §4), in the three forms a
 * device may read: a text line for text devices ({@code !ALERT,hip_sag,warn,7\n},
 * {@code !CLEAR,hip_sag,8\n}), a binary frame for binary devices, a JSON object on the MQTT
 * alert topic. The parse methods are what firmware (and the virtual devices) do with them.
 */
public final class AlertCodec {
    private AlertCodec() {
    }

    public static byte[] text(AlertMessage m) {
        StringBuilder s = new StringBuilder(48);
        if (m.isAlert()) {
            s.append("!ALERT,").append(m.fault().wireName()).append(',').append(m.severity().wireName());
        } else {
            s.append("!CLEAR,").append(m.fault().wireName());
        }
        s.append(',').append(m.number()).append(',');
        number(s, m.t(), 6);
        return s.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] binary(AlertMessage m) {
        BinaryProtocol.Writer w = new BinaryProtocol.Writer();
        int n = (int) (m.number() & 0xFFFF);
        long us = Double.isFinite(m.t()) ? Math.round(m.t() * 1e6) & 0xFFFFFFFFL : 0;
        return (m.isAlert() ? w.alert(m.fault(), m.severity(), n, us) : w.clear(m.fault(), n, us)).toFrame();
    }

    /** {@code {"type":"alert","n":3,"t":12.34,"exercise":"plank","fault":"hip_sag","severity":"warn","value_deg":5.1,"threshold_deg":4}}. */
    public static byte[] json(AlertMessage m) {
        StringBuilder s = new StringBuilder(160);
        s.append("{\"type\":\"").append(m.isAlert() ? "alert" : "clear").append('"');
        s.append(",\"n\":").append(m.number());
        s.append(",\"t\":");
        number(s, m.t(), 6);
        s.append(",\"exercise\":\"").append(m.exercise().cliName()).append('"');
        s.append(",\"fault\":\"").append(m.fault().wireName()).append('"');
        if (m.isAlert()) {
            s.append(",\"severity\":\"").append(m.severity().wireName()).append('"');
            s.append(",\"value_deg\":");
            number(s, m.valueDeg(), 2);
            s.append(",\"threshold_deg\":");
            number(s, m.thresholdDeg(), 2);
        }
        return s.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void number(StringBuilder s, double v, int decimals) {
        if (!Double.isFinite(v)) {
            s.append("null");
            return;
        }
        int before = s.length();
        DecimalFormatter.append(s, v, decimals);
        if (s.length() == before) {
            s.append('0');
        }
    }

    /** What a device took from a command. */
    /** {@code t}: the device time the command names, seconds (binary: the low 32 bits of the µs clock). */
    public record Command(boolean isAlert, Fault fault, Severity severity, long number, double t) {
    }

    /** Parses a text command line (without its newline); null when it is not one. */
    public static Command parseText(String line) {
        String[] f = line.strip().split(",", -1);
        try {
            if (f.length == 5 && f[0].equals("!ALERT")) {
                Severity sev = f[2].equals("warn") ? Severity.WARN : f[2].equals("fault") ? Severity.FAULT : null;
                return sev == null ? null
                        : new Command(true, Fault.parse(f[1]), sev, Long.parseLong(f[3]), Double.parseDouble(f[4]));
            }
            if (f.length == 4 && f[0].equals("!CLEAR")) {
                return new Command(false, Fault.parse(f[1]), null, Long.parseLong(f[2]), Double.parseDouble(f[3]));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** Parses one decoded binary packet (COBS removed, CRC still at the end); null when it is not a valid command. */
    public static Command parseBinary(byte[] packet, int length) {
        if (length < 3 || Crc16.of(packet, 0, length - 2) != BinaryProtocol.u16(packet, length - 2)) {
            return null;
        }
        int type = packet[0] & 0xFF;
        if (type == BinaryProtocol.TYPE_ALERT && length == BinaryProtocol.ALERT_LENGTH) {
            Fault f = BinaryProtocol.faultOf(packet[1] & 0xFF);
            int sev = packet[2] & 0xFF;
            if (f == null || (sev != 1 && sev != 2)) {
                return null;
            }
            return new Command(true, f, sev == 1 ? Severity.WARN : Severity.FAULT, BinaryProtocol.u16(packet, 3),
                    BinaryProtocol.u32(packet, 5) * 1e-6);
        }
        if (type == BinaryProtocol.TYPE_CLEAR && length == BinaryProtocol.CLEAR_LENGTH) {
            Fault f = BinaryProtocol.faultOf(packet[1] & 0xFF);
            return f == null ? null
                    : new Command(false, f, null, BinaryProtocol.u16(packet, 2), BinaryProtocol.u32(packet, 4) * 1e-6);
        }
        return null;
    }

    /** Parses the MQTT alert JSON (a device-side reader; tolerant of key order). Null when unreadable. */
    public static Command parseJson(byte[] payload) {
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(payload)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            String type = null;
            String fault = null;
            String severity = null;
            long n = -1;
            double t = Double.NaN;
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "type" -> type = p.getText();
                    case "fault" -> fault = p.getText();
                    case "severity" -> severity = p.getText();
                    case "n" -> n = p.getLongValue();
                    case "t" -> t = p.getDoubleValue();
                    default -> p.skipChildren();
                }
            }
            if (fault == null || type == null) {
                return null;
            }
            boolean alert = type.equals("alert");
            Severity sev = severity == null ? null : Severity.valueOf(severity.toUpperCase(Locale.ROOT));
            return new Command(alert, Fault.parse(fault), sev, n, t);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The exercise an alert JSON names (for display), or null. */
    public static Exercise exerciseOf(String name) {
        try {
            return Exercise.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
