package org.formcoach.cli.terminal;

/** The symbols of the live view, in Unicode or plain ASCII for terminals that cannot show it. */
record Glyphs(char filled, char empty, char mark, String live, String waiting, String lost, String prompt,
              String arrow, String tick, String degree) {
    static final Glyphs UNICODE = new Glyphs('█', '·', '│', "●", "○", "✖", "▶", " ▸ ", "✓", "°");
    static final Glyphs ASCII = new Glyphs('#', '.', '|', "*", "o", "x", ">", " > ", "ok", " deg");

    static Glyphs of(boolean unicode) {
        return unicode ? UNICODE : ASCII;
    }
}
