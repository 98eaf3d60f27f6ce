package dev.runbook.validate;

import dev.runbook.validate.run.Validator;
import dev.runbook.core.LinesLog;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadOptions;
import dev.runbook.load.LoadedContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A content folder written into a temporary directory, loaded for real, and the helpers to run rules on it. */
public final class Fixture {

    public static final LocalDate BUILD_DATE = LocalDate.of(2026, 11, 22);

    private final Path root;
    private LoadOptions loadOptions = LoadOptions.DEFAULTS;
    public final List<String> logLines = Collections.synchronizedList(new ArrayList<>());

    public Fixture(Path temp) {
        this.root = temp.resolve("content");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Fixture file(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Loads with these options (includes, excludes, front-matter aliases) from now on. */
    public Fixture with(LoadOptions options) {
        this.loadOptions = options;
        return this;
    }

    public LoadedContent load() {
        try {
            return new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT, loadOptions).load(root);
        } catch (SetupException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Info and warnings: the validator's debug lines (which rules took 100 ms or more) depend on the machine's load. */
    public RunLog log() {
        return LinesLog.withoutDebug(logLines);
    }

    public ValidationContext context() {
        return new ValidationContext(load(), BUILD_DATE, root.getParent().resolve("work"), log());
    }

    /** Runs the rules (not the policy) and returns their findings, sorted. */
    public List<Finding> run(Rule... rules) {
        return new Validator(List.of(rules), null).rawFindings(context());
    }
}
