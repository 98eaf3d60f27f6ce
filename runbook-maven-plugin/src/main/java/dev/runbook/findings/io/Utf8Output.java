package dev.runbook.findings.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * UTF-8 bytes into one large buffer, with the escaping the reports need done in the same pass as the
 * encoding. The report writers went through Jackson's generator and StAX over an OutputStreamWriter: at
 * 25,000 findings (48 MB of reports) those layers cost most of the reports' time, in a run too short for the
 * JIT to make them fast. Each escaping here reproduces its library's bytes exactly (JsonAndXmlOutputTest
 * holds it to them), so reports written before and after are byte-identical.
 */
final class Utf8Output {

    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream out;
    private byte[] buffer = new byte[1 << 16];
    private int position;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    /** Bytes encoded once ahead (markup, field names), copied whole rather than a character at a time. */
    Utf8Output raw(byte[] bytes) throws IOException {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
        return this;
    }

    /** The bytes of ASCII markup, for {@link #raw}. */
    static byte[] encode(String markup) {
        return markup.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Text known to be ASCII and to need no escaping (markup, names, numbers). */
    Utf8Output ascii(String s) throws IOException {
        int length = s.length();
        ensure(length);
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < length; i++) {
            b[p++] = (byte) s.charAt(i);
        }
        position = p;
        return this;
    }

    Utf8Output ascii(char c) throws IOException {
        ensure(1);
        buffer[position++] = (byte) c;
        return this;
    }

    Utf8Output number(long n) throws IOException {
        return ascii(Long.toString(n));
    }

    /**
     * A JSON string with its quotes, escaped as Jackson's UTF8JsonGenerator does by default: {@code "} and
     * {@code \} with a backslash; b, t, n, f and r in their short form; other controls and every surrogate
     * (even a pair) as an upper-case {@code \}{@code uXXXX}; everything else as its UTF-8 bytes.
     */
    Utf8Output jsonString(String s) throws IOException {
        int length = s.length();
        ensure(6 * length + 2);
        byte[] b = buffer;
        int p = position;
        b[p++] = '"';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    p = jsonEscape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                p = unicodeEscape(b, p, c);
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        position = p;
        return this;
    }

    private static int jsonEscape(byte[] b, int p, char c) {
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm == 0) {
            return unicodeEscape(b, p, c);
        }
        b[p++] = '\\';
        b[p++] = (byte) shortForm;
        return p;
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX_UPPER[(c >> 12) & 0xF];
        b[p++] = HEX_UPPER[(c >> 8) & 0xF];
        b[p++] = HEX_UPPER[(c >> 4) & 0xF];
        b[p++] = HEX_UPPER[c & 0xF];
        return p;
    }

    /**
     * XML text or an attribute value, as the JDK's StAX writer escapes it over a UTF-8 OutputStreamWriter:
     * {@code <}, {@code >} and {@code &} always, {@code "} in attributes; a surrogate pair as one lower-case
     * character reference, a lone surrogate as its own. With {@code clean}, what XML 1.0 cannot hold at all
     * (controls other than tab, newline and return, lone surrogates, U+FFFE and U+FFFF) is first replaced by
     * U+FFFD (what the JUnit XML's clean() did before the StAX writer saw the text).
     */
    Utf8Output xml(String s, boolean attribute, boolean clean) throws IOException {
        int length = s.length();
        ensure(10 * length); // a pair as "&#x10ffff;" is the widest: 10 bytes for 2 chars; "&quot;" 6 for 1
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20) {
                    switch (c) {
                        case '<' -> p = ascii(b, p, "&lt;");
                        case '>' -> p = ascii(b, p, "&gt;");
                        case '&' -> p = ascii(b, p, "&amp;");
                        case '"' -> p = attribute ? ascii(b, p, "&quot;") : put(b, p, c);
                        default -> b[p++] = (byte) c;
                    }
                } else if (!clean || c == '\t' || c == '\n' || c == '\r') {
                    b[p++] = (byte) c;
                } else {
                    p = replacement(b, p);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                    p = characterReference(b, p, Character.toCodePoint(c, s.charAt(++i)));
                } else {
                    p = clean ? replacement(b, p) : characterReference(b, p, c);
                }
            } else if (clean && (c == 0xFFFE || c == 0xFFFF)) {
                p = replacement(b, p);
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        position = p;
        return this;
    }

    private static int put(byte[] b, int p, char c) {
        b[p] = (byte) c;
        return p + 1;
    }

    private static int ascii(byte[] b, int p, String s) {
        for (int i = 0; i < s.length(); i++) {
            b[p++] = (byte) s.charAt(i);
        }
        return p;
    }

    /** U+FFFD in UTF-8. */
    private static int replacement(byte[] b, int p) {
        b[p++] = (byte) 0xEF;
        b[p++] = (byte) 0xBF;
        b[p++] = (byte) 0xBD;
        return p;
    }

    private static int characterReference(byte[] b, int p, int codePoint) {
        p = ascii(b, p, "&#x");
        p = ascii(b, p, Integer.toHexString(codePoint));
        b[p++] = ';';
        return p;
    }

    /** Room for {@code bytes} more: the buffer goes out first, and grows only for one huge string. */
    private void ensure(int bytes) throws IOException {
        if (position + bytes <= buffer.length) {
            return;
        }
        flushBuffer();
        if (bytes > buffer.length) {
            buffer = new byte[bytes];
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    /** Writes what is buffered to the stream and flushes it. */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
