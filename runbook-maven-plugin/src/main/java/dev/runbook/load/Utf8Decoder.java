package dev.runbook.load;

import dev.runbook.model.SourcePosition;
import dev.runbook.model.SourceText;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file as UTF-8 (or as the UTF-16 its byte-order mark names) and remembers where decoding first went wrong. Bad bytes become U+FFFD so the
 * rest of the file can still be checked and shown.
 */
final class Utf8Decoder {

    private Utf8Decoder() {
    }

    /** The UTF-16 a file's byte-order mark names (FF FE little-endian, FE FF big-endian), or null. */
    static java.nio.charset.Charset utf16ByteOrderMark(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                && !(bytes.length >= 4 && bytes[2] == 0 && bytes[3] == 0)) { // FF FE 00 00 is UTF-32 LE
            return StandardCharsets.UTF_16LE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static SourceText decode(byte[] bytes) {
        java.nio.charset.Charset utf16 = utf16ByteOrderMark(bytes);
        java.nio.charset.Charset charset = utf16 != null ? utf16 : StandardCharsets.UTF_8;
        int start = utf16 != null ? 2 : 0;
        boolean bom = utf16 == null && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        if (bom) {
            start = 3;
        }
        if (utf16 == null) {
            // The JDK's own decoder is several times faster than a CharsetDecoder loop. It turns bad bytes into
            // U+FFFD silently; a result without U+FFFD therefore came from valid UTF-8, where both decoders agree.
            // Otherwise (bad bytes, or a page that really holds U+FFFD) the strict loop below finds the first one.
            String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return new SourceText(text, bom, null, SourceText.UTF_8);
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        int firstBadChar = -1;
        while (true) {
            CoderResult result = strict.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                if (firstBadChar < 0) {
                    firstBadChar = out.position();
                }
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                // Cannot happen: a UTF-8 byte never yields more than one char per byte plus one.
                throw new IllegalStateException(new CharacterCodingException());
            }
        }
        strict.flush(out);
        out.flip();
        String text = out.toString();
        // Lines are indexed once more only for a file with a bad byte, to say where it is.
        SourcePosition bad = firstBadChar < 0 ? null : SourceText.of(text).positionOf(firstBadChar);
        return new SourceText(text, bom, bad, utf16 != null ? charset.name() : SourceText.UTF_8);
    }
}
