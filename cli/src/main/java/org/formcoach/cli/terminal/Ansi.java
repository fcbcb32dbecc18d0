package org.formcoach.cli.terminal;

/**
 * The few ANSI escape sequences the live view uses (SGR colours, cursor up, clear), and
 * whether to use colour at all: not when NO_COLOR is set (no-color.org) or TERM is dumb.
 */
public final class Ansi {
    public static final String ESC = "\u001b[";
    public static final String RESET = ESC + "0m";
    public static final String BOLD = "1";
    public static final String DIM = "2";
    public static final String RED = "31";
    public static final String GREEN = "32";
    public static final String YELLOW = "33";
    public static final String BLUE = "34";
    public static final String MAGENTA = "35";
    public static final String CYAN = "36";
    public static final String BOLD_RED = "1;31";
    public static final String BOLD_CYAN = "1;36";
    public static final String INVERSE_RED = "1;97;41";
    public static final String INVERSE_YELLOW = "1;30;43";
    /** The terminal bell. */
    public static final char BEL = '\u0007';

    private Ansi() {
    }

    /** {@code text} in the SGR style {@code code}, or plain when {@code on} is false. */
    public static String style(String code, String text, boolean on) {
        return on && code != null && !text.isEmpty() ? ESC + code + "m" + text + RESET : text;
    }

    /** Cursor up {@code n} lines to column 1, then clear to the end of the screen. */
    public static String eraseUp(int n) {
        return n <= 0 ? "\r" + ESC + "J" : "\r" + ESC + n + "A" + ESC + "J";
    }

    /** Whether colour is wanted (NO_COLOR unset, TERM not dumb). */
    public static boolean colourWanted() {
        String noColor = System.getenv("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    /** Whether the terminal takes UTF-8 (the locale says so): bars and symbols, else ASCII. */
    public static boolean unicodeWanted() {
        for (String v : new String[]{"LC_ALL", "LC_CTYPE", "LANG"}) {
            String s = System.getenv(v);
            if (s != null && !s.isEmpty()) {
                String l = s.toLowerCase(java.util.Locale.ROOT);
                return l.contains("utf-8") || l.contains("utf8");
            }
        }
        return false;
    }

    /**
     * The terminal's width: COLUMNS when exported, else what {@code stty size} says about the
     * controlling terminal, else 80.
     */
    public static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null) {
                int n = Integer.parseInt(c.strip());
                return n >= 20 ? n : 80;
            }
        } catch (NumberFormatException e) {
            return 80;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                String[] rowsCols = new String(p.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.US_ASCII).strip().split("\\s+");
                int n = rowsCols.length == 2 ? Integer.parseInt(rowsCols[1]) : 80;
                return n >= 20 ? n : 80;
            }
            p.destroyForcibly();
        } catch (java.io.IOException | NumberFormatException e) {
            // No terminal to ask.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }

    /**
     * {@code s} cut to {@code width} visible characters (escape sequences take no room), so
     * a line never wraps and the in-place redraw keeps its line count.
     */
    public static String truncate(String s, int width) {
        int visible = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u001b' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < s.length() && (s.charAt(j) < '@' || s.charAt(j) > '~')) {
                    j++;
                }
                i = j;
                continue;
            }
            if (++visible > width) {
                return s.substring(0, i) + (s.indexOf('\u001b') >= 0 ? RESET : "");
            }
        }
        return s;
    }
}
