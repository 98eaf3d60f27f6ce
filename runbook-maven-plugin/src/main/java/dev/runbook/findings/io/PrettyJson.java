package dev.runbook.findings.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A streaming JSON writer laid out exactly as Jackson's {@code DefaultPrettyPrinter} lays out a document:
 * an object's entries each on its own line, indented two spaces per open object, {@code "name" : value};
 * an array on one line, {@code [ a, b ]}; empty ones {@code { }} and {@code [ ]}. The reports were written
 * through Jackson with that printer, and readers diff them across versions, so the bytes must not move
 * (JsonAndXmlOutputTest drives both with the same calls and compares).
 */
final class PrettyJson implements AutoCloseable {

    /** A line break and the indentation of each depth: Jackson's DefaultIndenter breaks lines with the platform's separator. */
    private static final byte[][] INDENTS = new byte[16][];

    static {
        for (int depth = 0; depth < INDENTS.length; depth++) {
            INDENTS[depth] = Utf8Output.encode(System.lineSeparator() + "  ".repeat(depth));
        }
    }

    /**
     * Each field name as it is written, {@code "name" : }, encoded on first use: a report repeats a dozen
     * names 25,000 times, and copying their bytes costs a fraction of escaping them again each time.
     */
    private final Map<String, byte[]> names = new HashMap<>();

    private final Utf8Output out;
    /** Per open container, innermost last: true for an object. */
    private boolean[] isObject = new boolean[16];
    /** Per open container: how many entries or values it holds so far. */
    private int[] count = new int[16];
    private int depth;
    private int objectDepth;

    PrettyJson(OutputStream stream) {
        this.out = new Utf8Output(stream);
    }

    PrettyJson startObject() throws IOException {
        beforeValue();
        out.ascii('{');
        push(true);
        objectDepth++;
        return this;
    }

    PrettyJson endObject() throws IOException {
        objectDepth--;
        if (count[depth - 1] > 0) {
            lineBreak();
        } else {
            out.ascii(' ');
        }
        out.ascii('}');
        depth--;
        return this;
    }

    PrettyJson startArray() throws IOException {
        beforeValue();
        out.ascii('[');
        push(false);
        return this;
    }

    PrettyJson endArray() throws IOException {
        out.ascii(" ]"); // "[ a, b ]" and the empty "[ ]" alike
        depth--;
        return this;
    }

    /** The next entry's name in the open object; its value follows. */
    PrettyJson field(String name) throws IOException {
        if (count[depth - 1]++ > 0) {
            out.ascii(',');
        }
        lineBreak();
        out.raw(names.computeIfAbsent(name, PrettyJson::encodeName));
        return this;
    }

    /** A string value; null is written as JSON null, as Jackson's writeString(null) does. */
    PrettyJson string(String value) throws IOException {
        beforeValue();
        if (value == null) {
            out.ascii("null");
        } else {
            out.jsonString(value);
        }
        return this;
    }

    PrettyJson number(long value) throws IOException {
        beforeValue();
        out.number(value);
        return this;
    }

    PrettyJson stringField(String name, String value) throws IOException {
        return field(name).string(value);
    }

    PrettyJson numberField(String name, long value) throws IOException {
        return field(name).number(value);
    }

    /** Raw text after the document (the reports end with a newline). */
    PrettyJson raw(char c) throws IOException {
        out.ascii(c);
        return this;
    }

    /** Flushes; the stream stays open (it is the caller's). */
    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** Inside an array, values after the first are preceded by ", ", the first by " "; in an object the name did it. */
    private void beforeValue() throws IOException {
        if (depth == 0 || isObject[depth - 1]) {
            return;
        }
        out.ascii(count[depth - 1]++ > 0 ? ", " : " ");
    }

    private void push(boolean object) {
        if (depth == isObject.length) {
            isObject = java.util.Arrays.copyOf(isObject, depth * 2);
            count = java.util.Arrays.copyOf(count, depth * 2);
        }
        isObject[depth] = object;
        count[depth] = 0;
        depth++;
    }

    private void lineBreak() throws IOException {
        if (objectDepth < INDENTS.length) {
            out.raw(INDENTS[objectDepth]);
        } else {
            out.ascii(System.lineSeparator() + "  ".repeat(objectDepth));
        }
    }

    private static byte[] encodeName(String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new Utf8Output(bytes).jsonString(name).ascii(" : ").flush();
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
