package dev.runbook.model;

import com.vladsch.flexmark.util.ast.Document;

import java.lang.ref.SoftReference;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A runbook's flexmark AST, held or made on demand. An AST takes several times its text in heap (124 MB of
 * flexmark objects for 24.5 MB of Markdown at 10,064 pages), so a build over thousands of pages never holds
 * every one at once: a page whose model came from the page cache has none until a stage asks (rendering a
 * changed page, a suppression comment that needs block bounds); a page parsed in this build holds its AST
 * only within the loader's budget, and only until the stage that last needs it releases it. An AST made on
 * demand is kept softly until released. Parsing is deterministic, so a document made again equals the one the
 * model was extracted from.
 */
public final class ParsedDocument {

    private static final SoftReference<Document> NONE = new SoftReference<>(null);

    private volatile Document held;
    private final Supplier<Document> parser;
    private volatile SoftReference<Document> kept = NONE;

    private ParsedDocument(Document held, Supplier<Document> parser) {
        this.held = held;
        this.parser = parser;
    }

    /** An AST already parsed, held for the runbook's life. */
    public static ParsedDocument of(Document document) {
        return new ParsedDocument(Objects.requireNonNull(document, "document"), null);
    }

    /** An AST parsed on first use by {@code parser}, kept through a soft reference until {@link #release()}. */
    public static ParsedDocument onDemand(Supplier<Document> parser) {
        return new ParsedDocument(null, Objects.requireNonNull(parser, "parser"));
    }

    /** An AST already parsed, held until {@link #release()}; after that made again by {@code parser} on demand. */
    public static ParsedDocument heldUntilReleased(Document document, Supplier<Document> parser) {
        return new ParsedDocument(Objects.requireNonNull(document, "document"), Objects.requireNonNull(parser, "parser"));
    }

    public Document get() {
        Document document = held;
        if (document != null) {
            return document;
        }
        document = kept.get();
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

    /**
     * Lets the AST go, once the last stage that reads it is done: a later {@link #get()} parses again. An AST
     * that cannot be made again ({@link #of}) stays.
     */
    public void release() {
        if (parser != null) {
            held = null;
            kept = NONE;
        }
    }

    /** Whether the AST is in memory now (held, or made and not yet collected or released); for tests. */
    public boolean inMemory() {
        return held != null || kept.get() != null;
    }
}
