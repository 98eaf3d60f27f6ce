package dev.runbook.findings.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The generator the report writers stream through: UTF-8, indented exactly as Jackson's default pretty
 * printer indents a tree, so a streamed report is byte-identical to the tree-built one it replaced.
 */
final class StreamedJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private StreamedJson() {
    }

    static JsonGenerator prettyGenerator(OutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        generator.setPrettyPrinter(new DefaultPrettyPrinter());
        return generator;
    }
}
