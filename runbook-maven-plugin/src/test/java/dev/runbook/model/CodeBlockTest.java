package dev.runbook.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeBlockTest {

    private static CodeBlock block(String body) {
        return new CodeBlock("bash", "bash", Map.of(), body, 2, new SourcePosition(1, 1), true);
    }

    @Test
    void linesSplitOnEveryLineEndingAndDropOneTrailingEnding() {
        assertEquals(List.of(), block("").lines());
        assertEquals(List.of(""), block("\n").lines());
        assertEquals(List.of("a", "b"), block("a\nb\n").lines());
        assertEquals(List.of("a", "b"), block("a\r\nb\r\n").lines());
        assertEquals(List.of("a", "", "b"), block("a\r\rb").lines());
        assertEquals(List.of("a", "", "b", ""), block("a\n\rb\n\n").lines());
    }

    /** The same lines as the regular expression the loader's first version split with, on random text. */
    @Test
    void linesAgreeWithTheRegexSplitOnRandomText() {
        Random random = new Random(20261122);
        char[] alphabet = {'a', 'b', ' ', '\n', '\r', '\t', 'é'};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                body.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = body.toString();
            assertEquals(regexLines(text), block(text).lines(), () -> "body: " + text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    private static List<String> regexLines(String body) {
        if (body.isEmpty()) {
            return List.of();
        }
        String trimmed = body.endsWith("\r\n") ? body.substring(0, body.length() - 2)
                : body.endsWith("\n") || body.endsWith("\r") ? body.substring(0, body.length() - 1) : body;
        return List.of(trimmed.split("\r\n|\n|\r", -1));
    }
}
