package org.formcoach.engine.util;

import java.util.Locale;

/** Writes a Java string as a JSON string literal: the one escaper of the event lines and the dashboard feed. */
public final class JsonStrings {
    private JsonStrings() {
    }

    /**
     * Appends {@code s} quoted, with the escapes JSON requires ({@code null} as the literal
     * {@code null}). {@code forPage} also escapes {@code <} and the two line separators that
     * JavaScript source does not allow, so the text is harmless wherever a web page puts it;
     * the result is the same JSON value either way.
     */
    public static StringBuilder append(StringBuilder out, String s, boolean forPage) {
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
                default -> {
                    if (c < 0x20 || forPage && (c == '<' || c == 0x2028 || c == 0x2029)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
