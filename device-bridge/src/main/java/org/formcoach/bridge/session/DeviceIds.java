package org.formcoach.bridge.session;

/**
 * Device ids: 1–64 characters of {@code [A-Za-z0-9_-]}. Nothing else reaches an MQTT topic,
 * a file name or a log line, so a hostile id cannot add topic levels ({@code /}, {@code +},
 * {@code #}), traverse paths or break the output format.
 */
public final class DeviceIds {
    public static final int MAX_LENGTH = 64;

    private DeviceIds() {
    }

    public static boolean isValid(CharSequence id) {
        return id != null && isValid(id, 0, id.length());
    }

    public static boolean isValid(CharSequence s, int from, int to) {
        int n = to - from;
        if (n < 1 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException naming the rule */
    public static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("device id must be 1-64 characters of A-Z a-z 0-9 _ -: '"
                    + printable(id) + "'");
        }
        return id;
    }

    /**
     * A valid id made from any text (a port name such as {@code /dev/ttyUSB0} or
     * {@code COM3}): the last path element, other characters replaced by '_', cut to 64.
     */
    public static String fromName(String name) {
        String base = name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        if (slash >= 0 && slash < base.length() - 1) {
            base = base.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base.length() && out.length() < MAX_LENGTH; i++) {
            char c = base.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            out.append(ok ? c : '_');
        }
        return out.length() == 0 ? "device" : out.toString();
    }

    /** The id for messages: control characters escaped, cut at 80 characters. */
    public static String printable(CharSequence id) {
        if (id == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < id.length() && i < 80; i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (id.length() > 80) {
            out.append('…');
        }
        return out.toString();
    }
}
