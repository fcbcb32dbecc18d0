package org.formcoach.benchmarks.e2e;

import java.nio.charset.StandardCharsets;

/** Reading and writing the answers devices get: the time a JSON alert names, the echo's alert. */
final class Answers {
    private Answers() {
    }

    /** The number after {@code "t":} in a JSON alert or clear, or NaN. */
    static double time(byte[] json) {
        int i = indexOf(json, "\"t\":", 0);
        if (i < 0) {
            return Double.NaN;
        }
        int from = i + 4;
        int to = from;
        while (to < json.length && json[to] != ',' && json[to] != '}') {
            to++;
        }
        try {
            return Double.parseDouble(new String(json, from, to - from, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static int indexOf(byte[] b, String what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length(); i++) {
            for (int j = 0; j < what.length(); j++) {
                if (b[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * An alert the size of the engine's ({@code AlertCodec.json}), naming device time
     * {@code t} as sent (the bytes of the mark).
     */
    static byte[] echoAlert(long n, byte[] payload, int tFrom, int tTo) {
        StringBuilder s = new StringBuilder(160);
        s.append("{\"type\":\"alert\",\"n\":").append(n).append(",\"t\":");
        for (int i = tFrom; i < tTo; i++) {
            s.append((char) payload[i]);
        }
        s.append(",\"exercise\":\"plank\",\"fault\":\"hip_sag\",\"severity\":\"fault\",\"value_deg\":8.12,"
                + "\"threshold_deg\":6}");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
