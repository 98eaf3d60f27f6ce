package dev.runbook.validate.run;

import dev.runbook.alerts.AlertRuleFiles;
import dev.runbook.core.InputDigest;
import dev.runbook.core.UpToDateRecord;
import dev.runbook.validate.commands.ShellCheckBinary;
import dev.runbook.validate.links.external.ExternalLinkRule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The up-to-date check of {@code runbook:validate}: when no input changed since the last run, that run's
 * findings are the answer, and they are read back from its {@code findings.json} instead of parsing and
 * checking every runbook again (at 10,000 runbooks: tens of seconds against well under one).
 *
 * <p>Only for runs whose answer depends on nothing but the inputs: offline runs, or runs with
 * {@code link.external} switched off. An online run asks the web, whose answer changes without any input
 * changing, so it always does the work (its own link cache keeps that cheap).
 *
 * <p>The inputs: the content folder (file list with contents, through every link inside it: a link to an
 * image that appears is a change), every setting, the baseline's content, the build date (review
 * deadlines), the plugin's jar and the ShellCheck binary. The outputs: the three reports, by content, so a
 * report deleted or edited by hand means the work is done again.
 */
final class ValidationInputs {

    static final String FILE_NAME = "validate-inputs.properties";

    private final ValidateOptions options;
    private final UpToDateRecord record;
    private boolean racy;
    private Instant start;
    private InputDigest.Tree contentTree;
    private final java.util.concurrent.atomic.AtomicBoolean reportsUnwanted = new java.util.concurrent.atomic.AtomicBoolean();

    private ValidationInputs(ValidateOptions options) {
        this.options = options;
        this.record = new UpToDateRecord(options.workDirectory().resolve(FILE_NAME));
    }

    /** The check for these options, or null when the answer may change with no input changing. */
    static ValidationInputs forRun(ValidateOptions options) {
        boolean asksTheWeb = !options.rules().links().offline()
                && !"off".equalsIgnoreCase(options.severities().getOrDefault(ExternalLinkRule.ID, ""));
        return asksTheWeb ? null : new ValidationInputs(options);
    }

    /** Every setting that can change a finding; a new component of ValidateOptions belongs here too. */
    String digest() throws IOException {
        start = Instant.now();
        // The runbooks' bytes are kept for the loader, which then neither reads nor hashes them again.
        contentTree = InputDigest.tree(options.contentRoot().toAbsolutePath().normalize(), options.load()::selects,
                dev.runbook.load.ContentLoader.DEFAULT_MAX_FILE_BYTES);
        InputDigest digest = new InputDigest();
        String hex = digest
                .addTree("content", contentTree)
                .addSettings("projectBase", options.projectBase())
                .addSettings("buildDirectory", options.buildDirectory())
                .add("buildDate", options.buildDate())
                .add("failOn", options.failOn())
                .addSettings("severities", options.severities())
                .addSettings("baselinePath", options.baseline())
                .addFileContent("baseline", options.baseline())
                .addSettings("rules", options.rules())
                .addSettings("load", options.load())
                .add("toolVersion", options.toolVersion())
                .addFileStamp("plugin", InputDigest.codeSourceOf(ValidationInputs.class))
                .addFileStamp("shellcheck", ShellCheckBinary.locate(options.rules().shellCheck()).orElse(null))
                .hex();
        if (options.rules().alerts().enabled()) { // the alert rule files are inputs of the alert.* rules
            InputDigest alerts = new InputDigest().add("rulesDigest", hex);
            try {
                for (Path file : AlertRuleFiles.find(options.rules().alerts().projectBase(), options.rules().alerts().ruleGlobs())) {
                    alerts.addFileContent(file.toString(), file);
                }
            } catch (dev.runbook.core.SetupException e) {
                throw new IOException(e.getMessage(), e);
            }
            hex = alerts.hex();
            racy = alerts.modifiedSince(start.minus(InputDigest.RACY_WINDOW));
        }
        racy = racy || digest.modifiedSince(start.minus(InputDigest.RACY_WINDOW));
        return hex;
    }

    /** The content folder as {@link #digest} walked it, and when: the loader reuses the walk. */
    InputDigest.Tree contentTree() {
        return contentTree;
    }

    Instant digestStart() {
        return start;
    }

    /** The reports' digest, computed on another thread while the caller digests the inputs. */
    CompletableFuture<String> reportsDigestAsync() {
        if (!record.exists()) { // nothing recorded (a first run, or the last one was too recent to trust): no match
            reportsUnwanted.set(true);
            return CompletableFuture.completedFuture("");
        }
        return UpToDateRecord.async(() -> reportsDigest(reportsUnwanted::get));
    }

    /**
     * True when the last run had these inputs and its reports are as it wrote them. When not, the reports'
     * digest still running on another thread stops: it would only compete with the load for a core.
     */
    boolean upToDate(String inputs, CompletableFuture<String> reports) {
        boolean upToDate = record.matching(inputs, reports).isPresent();
        if (!upToDate) {
            reportsUnwanted.set(true);
        }
        return upToDate;
    }

    void forget() throws IOException {
        record.forget();
    }

    /** Records this run, unless an input changed so recently that its stamp cannot be trusted next time. */
    void remember(String inputs) throws IOException {
        if (!racy) {
            record.remember(inputs, reportsDigest(), Map.of());
        }
    }

    private String reportsDigest() throws IOException {
        return reportsDigest(() -> false);
    }

    private String reportsDigest(java.util.function.BooleanSupplier stop) throws IOException {
        InputDigest digest = new InputDigest();
        for (Path report : reports(options)) {
            digest.addFileContent(report.getFileName().toString(), report, stop);
        }
        return digest.hex();
    }

    static List<Path> reports(ValidateOptions options) {
        return List.of(options.layout().findingsJson(), options.layout().findingsSarif(), options.layout().validateJUnitXml());
    }
}
