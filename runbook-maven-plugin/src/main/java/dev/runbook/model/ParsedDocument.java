package dev.runbook.model;

import com.vladsch.flexmark.util.ast.Document;

import java.lang.ref.SoftReference;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A runbook's flexmark AST, held or made on demand. A page parsed in this build holds its AST; a page whose
 * model came from the page cache has none until a stage asks (rendering a changed page, a suppression comment
 * that needs block bounds), then parses its text once and keeps the result only softly: a build over
 * thousands of cached pages never holds every AST at once. Parsing is deterministic, so a document made
 * again equals the one the model was extracted from.
 */
public final class ParsedDocument {

    private final Document held;
    private final Supplier<Document> parser;
    private volatile SoftReference<Document> kept = new SoftReference<>(null);

    private ParsedDocument(Document held, Supplier<Document> parser) {
        this.held = held;
        this.parser = parser;
    }

    /** An AST already parsed, held for the runbook's life. */
    public static ParsedDocument of(Document document) {
        return new ParsedDocument(Objects.requireNonNull(document, "document"), null);
    }

    /** An AST parsed on first use by {@code parser}, kept through a soft reference. */
    public static ParsedDocument onDemand(Supplier<Document> parser) {
        return new ParsedDocument(null, Objects.requireNonNull(parser, "parser"));
    }

    public Document get() {
        if (held != null) {
            return held;
        }
        Document document = kept.get();
        if (document == null) {
            synchronized (this) {
                document = kept.get();
                if (document == null) {
                    document = parser.get();
                    kept = new SoftReference<>(document);
                }
            }
        }
        return document;
    }

    /** Whether the AST is in memory now (held, or made and not yet collected); for tests. */
    public boolean inMemory() {
        return held != null || kept.get() != null;
    }
}
