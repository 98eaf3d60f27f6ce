package dev.runbook.smoke.kind.tcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** {@code send "…"} text: {@code \r \n \t \0 \\ \" \xNN}; other characters as UTF-8. */
final class Escapes {

    private Escapes() {
    }

    /** The bytes of a quoted {@code "…"} argument, or an IllegalArgumentException saying what is wrong. */
    static byte[] decodeQuoted(String quoted) {
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            throw new IllegalArgumentException("`send` takes one quoted string, e.g. send \"PING\\r\\n\"");
        }
        String s = quoted.substring(1, quoted.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                throw new IllegalArgumentException("a \" inside the text must be written \\\"");
            }
            if (c != '\\') {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            if (++i >= s.length()) {
                throw new IllegalArgumentException("a \\ at the end of the text escapes nothing; write \\\\");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case '"' -> out.write('"');
                case 'x' -> {
                    if (!s.substring(i + 1, Math.min(s.length(), i + 3)).matches("[0-9a-fA-F]{2}")) {
                        throw new IllegalArgumentException("\\x needs two hex digits, e.g. \\x00");
                    }
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + "; use \\r \\n \\t \\0 \\\\ \\\" or \\xNN");
            }
        }
        return out.toByteArray();
    }

    /** Received bytes as text for assertions: printable as is, CR/LF/TAB kept, other control bytes as \xNN. */
    static String readable(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
