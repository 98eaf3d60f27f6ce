package dev.runbook.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw path of a request into a path relative to the site root, or refuses it. Works on the
 * raw (still percent-encoded) path because the decoded one has already lost the difference between a
 * real {@code /} and an encoded {@code %2F}, which is how traversal tricks slip past naive checks.
 */
final class RequestPath {

    private RequestPath() {
    }

    /**
     * The decoded segments joined with {@code /} (empty for the root), or empty when the path is not
     * acceptable: encoded slashes or backslashes, NUL or control characters, {@code .} or {@code ..}
     * segments (encoded or not), a drive letter, or malformed percent-encoding or UTF-8.
     */
    static Optional<String> relative(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String rawSegment : rawPath.substring(1).split("/", -1)) {
            if (rawSegment.isEmpty()) {
                continue;
            }
            Optional<String> decoded = decode(rawSegment);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            String segment = decoded.get();
            if (segment.equals(".") || segment.equals("..") || segment.indexOf('/') >= 0
                    || segment.indexOf('\\') >= 0 || segment.indexOf(':') >= 0 || hasControl(segment)) {
                return Optional.empty();
            }
            segments.add(segment);
        }
        return Optional.of(String.join("/", segments));
    }

    /** True when the raw path names a folder explicitly (ends with a slash). */
    static boolean namesFolder(String rawPath) {
        return rawPath.endsWith("/");
    }

    private static boolean hasControl(String segment) {
        return segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                return Optional.empty();
            } else {
                bytes.write(c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
