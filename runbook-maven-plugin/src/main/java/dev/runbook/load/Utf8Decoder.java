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
 * Decodes a file as UTF-8 and remembers where decoding first went wrong. Bad bytes become U+FFFD so the
 * rest of the file can still be checked and shown.
 */
final class Utf8Decoder {

    private Utf8Decoder() {
    }

    static SourceText decode(byte[] bytes) {
        int start = 0;
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        if (bom) {
            start = 3;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
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
        SourceText probe = SourceText.of(text);
        SourcePosition bad = firstBadChar < 0 ? null : probe.positionOf(firstBadChar);
        return new SourceText(text, bom, bad);
    }
}
