package dev.runbook.validate.run;

import dev.runbook.alerts.AlertRuleFiles;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.policy.ValidationResult;
import dev.runbook.core.RunLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.findings.ValidationReport;
import dev.runbook.load.ContentCache;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.findings.io.ConsoleReport;
import dev.runbook.core.ReportSet;
import dev.runbook.findings.io.FindingsJson;
import dev.runbook.findings.io.JUnitXmlReport;
import dev.runbook.findings.io.ReportKeys;
import dev.runbook.findings.io.SarifReport;
import dev.runbook.findings.ValidationReport;
import dev.runbook.validate.policy.Baseline;
import dev.runbook.validate.policy.SeverityOverrides;
import dev.runbook.validate.policy.ValidationPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code runbook:validate} goal without Maven: load, validate, apply the policy, write every report,
 * print the console block, and fail when findings at or above {@code failOn} remain.
 */
public final class ValidationRun {

    private final RunLog log;

    public ValidationRun(RunLog log) {
        this.log = log;
    }

    public ValidationReport run(ValidateOptions options) throws RunbookProblemException, SetupException, IOException {
        long start = System.nanoTime();
        if (options.rules().alerts().enabled()) { // a glob that matches nothing is a setup error, before any work
            AlertRuleFiles.find(options.rules().alerts().projectBase(), options.rules().alerts().ruleGlobs());
        }
        Rules catalog = Rules.builtIn(options.rules());
        List<String> ruleIds = catalog.describedRules().stream().map(Rule::id).toList();
        ValidationPolicy policy = new ValidationPolicy(SeverityOverrides.parse(options.severities(), ruleIds),
                loadBaseline(options.baseline()), ruleIds);
        ValidationInputs upToDate = ValidationInputs.forRun(options);
        String inputs = null;
        if (upToDate != null) {
            CompletableFuture<String> reports = upToDate.reportsDigestAsync();
            inputs = upToDate.digest();
            log.debug("runbook: validate: inputs digested in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            if (upToDate.upToDate(inputs, reports)) {
                ValidationReport last = lastReport(options, catalog);
                if (last != null) {
                    log.info("runbook: validate: up to date, no input changed since the last run (checked in "
                            + (System.nanoTime() - start) / 1_000_000 + " ms); its findings:");
                    return conclude(options, last);
                }
            }
            upToDate.forget();
        }

        ContentCache.PageCache pageCache = new ContentCache.PageCache(options.layout().pageModelCache(), options.toolVersion());
        LoadedContent content = upToDate == null
                ? ContentCache.load(options.contentRoot(), options.load(), ContentLoader.DEFAULT_MAX_FILE_BYTES, log, pageCache)
                : ContentCache.load(options.contentRoot(), options.load(), ContentLoader.DEFAULT_MAX_FILE_BYTES, log,
                        upToDate.contentTree(),
                        upToDate.digestStart(), pageCache);
        ValidationContext context = new ValidationContext(content, options.buildDate(), options.workDirectory(), log);
        long rulesStart = System.nanoTime();
        Validator validator = new Validator(catalog.rules(), policy);
        ValidationResult result = validator.validate(context, options, options.layout().pageFindingsCache());
        log.debug("runbook: validate: rules and policy took " + (System.nanoTime() - rulesStart) / 1_000_000 + " ms");

        Path repositoryRoot = repositoryRoot(options.projectBase());
        ValidationReport report = new ValidationReport(options.buildDate(),
                content.runbooks().stream().map(Runbook::relativePath).toList(), result.findings(), result.baselined(),
                catalog.ruleInfos(), contentPrefix(repositoryRoot, content.root()));
        Path json = options.layout().findingsJson();
        Path sarif = options.layout().findingsSarif();
        Path junit = options.layout().validateJUnitXml();
        // The three reports are one set: CI reads the JUnit XML, code scanning the SARIF, the release report
        // findings.json; none may show a run the others do not.
        long reportsStart = System.nanoTime();
        ReportSet reports = ReportSet.of(List.of(json, sarif, junit));
        try {
            ReportKeys keys = ReportKeys.of(report);
            FindingsJson.write(report, keys, options.toolVersion(), reports.stage(json));
            SarifReport.write(report, keys, options.toolVersion(), reports.stage(sarif));
            JUnitXmlReport.write(report, keys, reports.stage(junit));
            reports.publish();
        } finally {
            reports.discard();
        }
        log.debug("runbook: validate: reports written in " + (System.nanoTime() - reportsStart) / 1_000_000 + " ms");
        // A run in which a rule crashed or a tool failed (a ShellCheck batch) is not the answer for its inputs:
        // the next run does the work again.
        if (upToDate != null && validator.complete()) {
            upToDate.remember(inputs);
        }
        return conclude(options, report);
    }

    /** The last run's report, read back from its findings.json; null when it cannot be read. */
    private ValidationReport lastReport(ValidateOptions options, Rules catalog) {
        try {
            FindingsJson.Contents last = FindingsJson.read(options.layout().findingsJson());
            return new ValidationReport(last.buildDate(), last.runbooks(), last.findings(), last.baselined(),
                    catalog.ruleInfos(), last.contentPrefix());
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: validate: last findings unreadable, validating again: " + e.getMessage());
            return null;
        }
    }

    /** Prints the findings and the summary, and fails when findings at or above failOn remain. */
    private ValidationReport conclude(ValidateOptions options, ValidationReport report) throws RunbookProblemException {
        Path json = options.layout().findingsJson();
        Path sarif = options.layout().findingsSarif();
        Path junit = options.layout().validateJUnitXml();
        for (Finding finding : report.findings()) {
            print(report, finding);
        }
        log.info(ConsoleReport.summary(report));

        List<Finding> failing = report.findings().stream().filter(options.failOn()::fails).toList();
        if (!failing.isEmpty()) {
            throw new RunbookProblemException("runbook:validate found " + failing.size()
                    + (failing.size() == 1 ? " problem" : " problems") + " at or above failOn="
                    + options.failOn().name().toLowerCase(java.util.Locale.ROOT) + " (listed above; reports: " + json
                    + ", " + sarif + ", " + junit + ")");
        }
        return report;
    }

    // A method of its own, called per finding: the JIT compiles it early, where the body of a loop that runs
    // once over 25,000 findings would stay interpreted.
    private void print(ValidationReport report, Finding finding) {
        String line = report.repositoryPath(finding.file()) + finding.toConsoleLine().substring(finding.file().length());
        switch (finding.severity()) {
            case ERROR -> log.error(line);
            case WARNING -> log.warn(line);
            default -> log.info(line);
        }
    }

    private static Baseline loadBaseline(Path file) throws SetupException {
        if (file == null) {
            return Baseline.EMPTY;
        }
        if (!Files.isRegularFile(file)) {
            throw new SetupException("baseline " + file + " does not exist; create it by copying a findings.json"
                    + " from an earlier run (target/runbook/findings.json), or remove the baseline setting");
        }
        try {
            return new Baseline(FindingsJson.read(file).findings());
        } catch (IOException e) {
            throw new SetupException("baseline cannot be read: " + e.getMessage(), e);
        }
    }

    /** The nearest folder at or above the project that holds {@code .git}; else the project folder. */
    static Path repositoryRoot(Path projectBase) {
        Path base = projectBase.toAbsolutePath().normalize();
        for (Path p = base; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return base;
    }

    static String contentPrefix(Path repositoryRoot, Path contentRoot) {
        Path root;
        try {
            root = repositoryRoot.toRealPath();
        } catch (IOException e) {
            root = repositoryRoot.toAbsolutePath().normalize();
        }
        Path content = contentRoot.toAbsolutePath().normalize();
        if (!content.startsWith(root)) {
            return "";
        }
        String prefix = root.relativize(content).toString().replace('\\', '/');
        return prefix.isEmpty() ? "" : prefix + "/";
    }
}
