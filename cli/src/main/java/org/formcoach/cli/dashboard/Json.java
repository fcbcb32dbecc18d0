package org.formcoach.cli.dashboard;

import java.util.Locale;

/** The little JSON writing the dashboard feed needs: strings escaped, numbers finite or null. */
final class Json {
    private Json() {
    }

    static StringBuilder string(StringBuilder out, String s) {
        if (s == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c"); // harmless in a page, whatever the page does with it
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    static StringBuilder number(StringBuilder out, double v, int decimals) {
        if (!Double.isFinite(v)) {
            return out.append("null");
        }
        return out.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    static StringBuilder field(StringBuilder out, String name, String value) {
        string(out.append(','), name).append(':');
        return string(out, value);
    }

    static StringBuilder field(StringBuilder out, String name, double value, int decimals) {
        string(out.append(','), name).append(':');
        return number(out, value, decimals);
    }

    static StringBuilder field(StringBuilder out, String name, long value) {
        string(out.append(','), name).append(':');
        return out.append(value);
    }

    static StringBuilder field(StringBuilder out, String name, boolean value) {
        string(out.append(','), name).append(':');
        return out.append(value);
    }
}
