package dev.runbook.validate.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds UTF-8 text that was once decoded as Windows-1252 or Mac OS Roman and saved again, such as
 * {@code â€”} for {@code —}, {@code Ã©} for {@code é}, {@code ðŸ”¥} for {@code 🔥}, {@code ‚Äî} for
 * {@code —}. The test is the reverse transformation: map the chars back to the bytes that charset gives
 * them and decode those bytes as strict UTF-8. Only a run that decodes to whole UTF-8 sequences, in
 * scripts that make sense (Latin, Greek, Cyrillic, punctuation, symbols, CJK, emoji) is reported, so French
 * {@code « été »}, German {@code „Straße“} and Portuguese {@code ação} are left alone: a legitimate accented
 * letter is almost never followed by exactly the continuation chars UTF-8 would need.
 */
final class MojibakeDetector {

    /** A mojibake run: {@code [start, end)} in the text, what it was meant to be, and the charset that mangled it. */
    record Run(int start, int end, String garbled, String repaired, String charset) {
    }

    private record Table(String name, Map<Character, Integer> bytes) {
    }

    private final List<Table> tables = new ArrayList<>();

    MojibakeDetector() {
        tables.add(table("Windows-1252", Charset.forName("windows-1252")));
        if (Charset.isSupported("x-MacRoman")) {
            tables.add(table("Mac OS Roman", Charset.forName("x-MacRoman")));
        }
    }

    private static Table table(String name, Charset charset) {
        Map<Character, Integer> bytes = new HashMap<>();
        for (int b = 0x80; b <= 0xFF; b++) {
            String decoded = new String(new byte[] {(byte) b}, charset);
            if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD') {
                bytes.put(decoded.charAt(0), b);
            }
        }
        // Bytes a charset leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252) survive as C1 controls.
        for (int b = 0x80; b <= 0x9F; b++) {
            bytes.putIfAbsent((char) b, b);
        }
        return new Table(name, bytes);
    }

    /** Runs, with runs inside one word merged ({@code Ã©tÃ©} is one run, repaired to {@code été}). */
    List<Run> find(String text) {
        List<Run> merged = new ArrayList<>();
        for (Run run : runs(text)) {
            Run last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.charset().equals(run.charset()) && onlyLetters(text, last.end(), run.start())) {
                String gap = text.substring(last.end(), run.start());
                merged.set(merged.size() - 1, new Run(last.start(), run.end(), text.substring(last.start(), run.end()),
                        last.repaired() + gap + run.repaired(), run.charset()));
            } else {
                merged.add(run);
            }
        }
        return merged;
    }

    private static boolean onlyLetters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c < 0x80 && Character.isLetter(c))) {
                return false;
            }
        }
        return true;
    }

    private List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) < 0x80) {
                i++;
                continue;
            }
            Run run = longestAt(text, i);
            if (run == null) {
                i++;
            } else {
                runs.add(run);
                i = run.end();
            }
        }
        return runs;
    }

    private Run longestAt(String text, int start) {
        for (Table table : tables) {
            StringBuilder repaired = new StringBuilder();
            int i = start;
            while (i < text.length()) {
                int length = sequenceAt(text, i, table);
                if (length == 0) {
                    break;
                }
                String decoded = decode(text, i, length, table);
                if (decoded == null || !sensible(decoded, length, table)) {
                    break;
                }
                repaired.append(decoded);
                i += length;
            }
            if (i > start) {
                return new Run(start, i, text.substring(start, i), repaired.toString(), table.name());
            }
        }
        return null;
    }

    /** Length in chars of a UTF-8 sequence starting at i when read through the table, or 0. */
    private static int sequenceAt(String text, int i, Table table) {
        Integer lead = table.bytes().get(text.charAt(i));
        if (lead == null) {
            return 0;
        }
        int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > text.length()) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            Integer b = table.bytes().get(text.charAt(i + k));
            if (b == null || b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        return length;
    }

    private static String decode(String text, int i, int length, Table table) {
        byte[] bytes = new byte[length];
        for (int k = 0; k < length; k++) {
            bytes[k] = (byte) (int) table.bytes().get(text.charAt(i + k));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether the decoded char is something people write. Two-byte results must be Latin, Greek or
     * Cyrillic; through Mac OS Roman, whose high half is full of ordinary letters, only Latin-1 letters and
     * signs count for two bytes.
     */
    private static boolean sensible(String decoded, int length, Table table) {
        int cp = decoded.codePointAt(0);
        if (length == 2) {
            if (table.name().startsWith("Mac")) {
                return cp >= 0xA0 && cp <= 0xFF;
            }
            return (cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x4FF);
        }
        if (length == 3) {
            return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF)
                    || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0x1E00 && cp <= 0x1EFF);
        }
        return cp >= 0x1F000 && cp <= 0x1FAFF;
    }
}
