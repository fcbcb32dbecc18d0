package org.formcoach.cli.dashboard;

import java.util.Locale;

import org.formcoach.engine.util.JsonStrings;

/** The little JSON writing the dashboard feed needs: strings escaped, numbers finite or null. */
final class Json {
    private Json() {
    }

    /** Escaped for a page too ({@code <} and line separators), since the feed ends up in one. */
    static StringBuilder string(StringBuilder out, String s) {
        return JsonStrings.append(out, s, true);
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
