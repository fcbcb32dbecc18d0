package org.formcoach.bridge.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.formcoach.engine.util.DecimalParser;

/**
 * Walks JSON text in a byte range without allocating, for a reader that knows the shape it
 * expects (recursive descent). The grammar is RFC 8259's, as strict as Jackson's defaults,
 * which read these payloads before: no comments, no leading zeros, no NaN, no trailing
 * commas, no unescaped control characters, UTF-8 only (a byte-order mark at the start is
 * skipped), at most {@value #MAX_DEPTH} levels of nesting and {@value #MAX_NUMBER_LENGTH}
 * characters in a number. So a payload that was malformed stays malformed.
 *
 * <p>Strings are checked to their end and, when they fit {@value #TEXT_CAPACITY} chars,
 * decoded (escapes and UTF-8) into one reused buffer: the keys, placement and unit names a
 * sample needs are all short. Numbers are parsed in place. Anything out of grammar throws
 * the one shared {@link Malformed}, which has no stack trace, so a bad payload costs no
 * allocation either.
 *
 * <p>A short plain string (every key, placement and unit of the protocol) is taken eight
 * bytes at a time as one {@code long} that the reader compares whole
 * ({@link #shortString()}); whatever is not one goes the byte-by-byte way.
 *
 * <p>One instance per decoder; one thread at a time.
 */
final class JsonScanner {
    /** The text is not well-formed JSON; where it broke is not kept (the caller counts it). */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("not well-formed JSON", null, false, false);
        }
    }

    static final int MAX_DEPTH = 1000;
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int TEXT_CAPACITY = 64;
    /**
     * What {@link #shortString()} and {@link #textCode()} give for a string that has no code:
     * longer than 8 bytes, escaped, or not ASCII. No code can equal it (its bytes are all 0xFF).
     */
    static final long NOT_SHORT = -1L;

    /** Eight bytes of the array as one long, the first byte lowest (unaligned loads are fine on the JVM's targets). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private byte[] in;
    private int pos;
    private int end;
    private int depth;
    private final char[] text = new char[TEXT_CAPACITY];
    /** Chars of the last string read; -1 when it was longer than the buffer. */
    private int textLength;
    private final TextView textView = new TextView();

    /** Starts on {@code bytes[from, to)}. */
    void reset(byte[] bytes, int from, int to) {
        in = bytes;
        pos = from;
        end = to;
        depth = 0;
        textLength = 0;
        if (to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB && bytes[from + 2] == (byte) 0xBF) {
            pos += 3; // UTF-8 byte-order mark
        }
    }

    /** The next byte after blanks, not consumed; -1 at the end of the text. */
    int peek() {
        while (pos < end) {
            byte b = in[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                return b & 0xFF;
            }
        }
        return -1;
    }

    /** Whether a number starts next (after blanks). */
    boolean atNumber() {
        int c = peek();
        return c == '-' || (c >= '0' && c <= '9');
    }

    // ----- objects and arrays -----

    /** Consumes the '{' that must come next; true when the object is empty (its '}' consumed too). */
    boolean openObject() throws Malformed {
        open('{');
        return closeIfNext('}');
    }

    /** Reads the key of the next member and its ':'; the key is then the {@link #text()}. */
    void key() throws Malformed {
        string();
        if (peek() != ':') {
            throw Malformed.INSTANCE;
        }
        pos++;
    }

    /** After a member's value: true when a ',' announces another, false when the '}' closed the object. */
    boolean moreMembers() throws Malformed {
        return more('}');
    }

    /** Consumes the '[' that must come next; true when the array is empty (its ']' consumed too). */
    boolean openArray() throws Malformed {
        open('[');
        return closeIfNext(']');
    }

    /** After an element: true when a ',' announces another, false when the ']' closed the array. */
    boolean moreElements() throws Malformed {
        return more(']');
    }

    private void open(char c) throws Malformed {
        if (peek() != c || ++depth > MAX_DEPTH) {
            throw Malformed.INSTANCE;
        }
        pos++;
    }

    private boolean closeIfNext(char close) {
        if (peek() == close) {
            pos++;
            depth--;
            return true;
        }
        return false;
    }

    private boolean more(char close) throws Malformed {
        int c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            depth--;
            return false;
        }
        throw Malformed.INSTANCE;
    }

    // ----- values -----

    /** Reads and drops the value that comes next, whatever it is, checking all of it. */
    void skipValue() throws Malformed {
        switch (peek()) {
            case '{' -> {
                if (!openObject()) {
                    do {
                        key();
                        skipValue();
                    } while (moreMembers());
                }
            }
            case '[' -> {
                if (!openArray()) {
                    do {
                        skipValue();
                    } while (moreElements());
                }
            }
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number(); // throws unless a number starts here
        }
    }

    private void literal(String word) throws Malformed {
        if (end - pos < word.length()) {
            throw Malformed.INSTANCE;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw Malformed.INSTANCE;
            }
        }
        pos += word.length();
    }

    /**
     * Reads the number that comes next, checking JSON's grammar and taking the digits apart
     * in one pass; {@link DecimalParser} turns them into the value (exactly, or from the
     * text when they are too many). A well-formed number too large for a double (1e400) is
     * infinite, so the caller counts it not finite rather than malformed.
     */
    double number() throws Malformed {
        peek();
        byte[] in = this.in;
        int end = this.end;
        int start = pos;
        int i = pos;
        boolean negative = false;
        if (i < end && in[i] == '-') {
            negative = true;
            i++;
        }
        if (i >= end) {
            throw Malformed.INSTANCE;
        }
        long digits = 0;
        int count;
        int d = in[i] - '0';
        if (d == 0) {
            i++;
            count = 1;
            if (i < end && isDigit(in[i])) {
                throw Malformed.INSTANCE; // no leading zeros
            }
        } else if (d > 0 && d <= 9) {
            int first = i;
            while (i < end && (d = in[i] - '0') >= 0 && d <= 9) {
                digits = digits * 10 + d;
                i++;
            }
            count = i - first;
        } else {
            throw Malformed.INSTANCE;
        }
        int fractionDigits = 0;
        if (i < end && in[i] == '.') {
            int first = ++i;
            while (i < end && (d = in[i] - '0') >= 0 && d <= 9) {
                digits = digits * 10 + d;
                i++;
            }
            fractionDigits = i - first;
            if (fractionDigits == 0) {
                throw Malformed.INSTANCE;
            }
            count += fractionDigits;
        }
        if (i < end && (in[i] | 0x20) == 'e') {
            return withExponent(start, i + 1, digits, count, fractionDigits, negative);
        }
        return value(start, i, digits, count, -fractionDigits, negative);
    }

    /** The number goes on with an exponent from {@code i} (kept apart, as rare, so that {@link #number} inlines). */
    private double withExponent(int start, int i, long digits, int count, int fractionDigits, boolean negative)
            throws Malformed {
        byte[] in = this.in;
        int end = this.end;
        boolean negativeExponent = false;
        if (i < end && (in[i] == '+' || in[i] == '-')) {
            negativeExponent = in[i] == '-';
            i++;
        }
        int first = i;
        int exponent = 0;
        int d;
        while (i < end && (d = in[i] - '0') >= 0 && d <= 9) {
            if (exponent < 10_000) {
                exponent = exponent * 10 + d;
            }
            i++;
        }
        if (i == first) {
            throw Malformed.INSTANCE;
        }
        return value(start, i, digits, count, (negativeExponent ? -exponent : exponent) - fractionDigits, negative);
    }

    /** The number in {@code [start, end)}, whose digits were taken apart as given. */
    private double value(int start, int end, long digits, int count, int decimalExponent, boolean negative)
            throws Malformed {
        if (end - start > MAX_NUMBER_LENGTH) {
            throw Malformed.INSTANCE;
        }
        pos = end;
        double value = DecimalParser.exactValue(digits, count, decimalExponent, negative);
        if (Double.isNaN(value)) {
            value = DecimalParser.parse(in, start, end); // many digits or a large exponent: rare
        }
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /**
     * Reads the string that comes next when it is short and plain (at most 8 bytes of
     * printable ASCII, no escape) and returns its code: its bytes in one long, the first
     * lowest, zeros above ({@link #codeOf}). Otherwise it reads nothing and returns
     * {@link #NOT_SHORT}, and the caller reads the string with {@link #string()}. The text
     * buffer is left as it was.
     */
    long shortString() {
        if (peek() != '"') {
            return NOT_SHORT;
        }
        long code = codeAt(in, pos, end);
        if (code != NOT_SHORT) {
            pos += codeLength(code) + 2;
        }
        return code;
    }

    /**
     * The code of the short plain string whose opening quote is {@code in[quote]}, its closing
     * quote before {@code end}; {@link #NOT_SHORT} when it is not one (see {@link #shortString()}).
     */
    static long codeAt(byte[] in, int quote, int end) {
        int first = quote + 1;
        if (first + 8 > in.length) {
            return NOT_SHORT;
        }
        long w = (long) LONGS.get(in, first);
        long quotes = zeroBytes(w ^ 0x2222222222222222L);
        // Bytes that end the fast way: a quote, a backslash, a control character, non-ASCII.
        // Only the lowest flag of each test is exact, and only the lowest is used.
        long stop = quotes | zeroBytes(w ^ 0x5C5C5C5C5C5C5C5CL) | ((w - 0x2020202020202020L) & ~w & HIGH_BITS)
                | (w & HIGH_BITS);
        if (stop == 0) {
            return first + 8 < end && in[first + 8] == '"' ? w : NOT_SHORT;
        }
        long lowest = stop & -stop;
        int length = Long.numberOfTrailingZeros(lowest) >>> 3;
        if ((quotes & lowest) == 0 || first + length >= end) {
            return NOT_SHORT;
        }
        return w & ((lowest >>> 7) - 1);
    }

    /** How many chars a code stands for. */
    static int codeLength(long code) {
        return (71 - Long.numberOfLeadingZeros(code)) >>> 3;
    }

    /** Consumes the ':' that must come next (after a key read with {@link #shortString()}). */
    void colon() throws Malformed {
        if (peek() != ':') {
            throw Malformed.INSTANCE;
        }
        pos++;
    }

    /** The code ({@link #codeOf}) of the last string read with {@link #string()}; {@link #NOT_SHORT} when it has none. */
    long textCode() {
        return textLength < 0 ? NOT_SHORT : codeOf(textView);
    }

    /**
     * The code of a string: for ASCII of at most 8 chars, none of them NUL, its bytes with
     * the first lowest; else {@link #NOT_SHORT}. (With a NUL, {@code "t\u0000"} would have
     * the code of {@code "t"}.)
     */
    static long codeOf(CharSequence s) {
        if (s.length() > 8) {
            return NOT_SHORT;
        }
        long code = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                return NOT_SHORT;
            }
            code = (code << 8) | c;
        }
        return code;
    }

    /** The string a code stands for (allocates: for a name seen for the first time). */
    static String stringOf(long code) {
        byte[] bytes = new byte[8];
        int n = 0;
        while (n < 8 && (code >>> (8 * n) & 0xFF) != 0) {
            bytes[n] = (byte) (code >>> (8 * n));
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.US_ASCII);
    }

    /** The top bit of each zero byte; only the lowest one is exact (a borrow can flag the bytes above it). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGH_BITS;
    }

    /**
     * Reads the string that comes next: escapes and UTF-8 are checked all through, and the
     * decoded chars kept when they fit the buffer ({@link #text()}).
     */
    void string() throws Malformed {
        if (peek() != '"') {
            throw Malformed.INSTANCE;
        }
        int i = pos + 1;
        int n = 0;
        // Plain ASCII without escapes, which every key and name is: copied straight.
        while (i < end) {
            byte b = in[i];
            if (b == '"') {
                pos = i + 1;
                textLength = n <= TEXT_CAPACITY ? n : -1;
                return;
            }
            if (b < 0x20 || b == '\\') {
                break; // a control character, an escape, or a byte of 0x80 and above (negative)
            }
            if (n < TEXT_CAPACITY) {
                text[n] = (char) b;
            }
            n++;
            i++;
        }
        escapedString(i, n > TEXT_CAPACITY ? -1 : n);
    }

    /**
     * The rest of a string from {@code i}, where an escape, a control character or a
     * non-ASCII byte was met with {@code n} chars kept so far: kept apart so that the plain
     * path above stays small enough to be inlined into its callers.
     */
    private void escapedString(int i, int n) throws Malformed {
        while (true) {
            if (i >= end) {
                throw Malformed.INSTANCE;
            }
            int b = in[i++] & 0xFF;
            if (b == '"') {
                break;
            }
            int c;
            if (b == '\\') {
                if (i >= end) {
                    throw Malformed.INSTANCE;
                }
                int e = in[i++];
                c = switch (e) {
                    case '"', '\\', '/' -> e;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'u' -> {
                        int u = hex4(i);
                        i += 4;
                        yield u;
                    }
                    default -> throw Malformed.INSTANCE;
                };
            } else if (b < 0x20) {
                throw Malformed.INSTANCE; // control characters must be escaped
            } else if (b < 0x80) {
                c = b;
            } else {
                int more;
                if ((b & 0xE0) == 0xC0) {
                    more = 1;
                    c = b & 0x1F;
                } else if ((b & 0xF0) == 0xE0) {
                    more = 2;
                    c = b & 0x0F;
                } else if ((b & 0xF8) == 0xF0) {
                    more = 3;
                    c = b & 0x07;
                } else {
                    throw Malformed.INSTANCE; // a continuation byte or no UTF-8 lead at all
                }
                if (end - i < more) {
                    throw Malformed.INSTANCE;
                }
                for (int k = 0; k < more; k++) {
                    int cont = in[i++] & 0xFF;
                    if ((cont & 0xC0) != 0x80) {
                        throw Malformed.INSTANCE;
                    }
                    c = (c << 6) | (cont & 0x3F);
                }
                if (c > 0xFFFF) {
                    n = keep(n, Character.highSurrogate(c));
                    c = Character.lowSurrogate(c);
                }
            }
            n = keep(n, (char) c);
        }
        pos = i;
        textLength = n;
    }

    /** Appends to the text buffer; past its end the text is marked not kept (-1). */
    private int keep(int n, char c) {
        if (n < 0 || n >= TEXT_CAPACITY) {
            return -1;
        }
        text[n] = c;
        return n + 1;
    }

    private int hex4(int i) throws Malformed {
        if (end - i < 4) {
            throw Malformed.INSTANCE;
        }
        int u = 0;
        for (int k = 0; k < 4; k++) {
            int h = Character.digit(in[i + k], 16);
            if (h < 0) {
                throw Malformed.INSTANCE;
            }
            u = (u << 4) | h;
        }
        return u;
    }

    // ----- the last string -----

    /** Whether the last string read fitted the buffer. */
    boolean textKept() {
        return textLength >= 0;
    }

    /** Chars in the last string read; -1 when it was longer than the buffer. */
    int textLength() {
        return textLength;
    }

    /** A char of the last string read ({@code i < textLength()}). */
    char textChar(int i) {
        return text[i];
    }

    /** Whether the last string read is exactly {@code s}. */
    boolean textIs(String s) {
        if (textLength != s.length()) {
            return false;
        }
        for (int i = 0; i < textLength; i++) {
            if (text[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The last string read, as a reused view (empty when it was not kept); valid until the next string. */
    CharSequence text() {
        return textView;
    }

    /** The last string read as a new String (for the rare caller that must keep it). */
    String textString() {
        return new String(text, 0, Math.max(textLength, 0));
    }

    private final class TextView implements CharSequence {
        @Override
        public int length() {
            return Math.max(textLength, 0);
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length()) {
                throw new IndexOutOfBoundsException(index);
            }
            return text[index];
        }

        @Override
        public CharSequence subSequence(int start, int stop) {
            return toString().subSequence(start, stop);
        }

        @Override
        public String toString() {
            return textString();
        }
    }
}
