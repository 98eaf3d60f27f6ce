package dev.runbook.report;

import dev.runbook.core.AtomicFiles;
import dev.runbook.core.OutputLayout;
import dev.runbook.core.ReportInputs;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentCache;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.findings.io.FindingsJson;
import dev.runbook.site.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code runbook:report}: reads the last validation findings and smoke results (running neither), applies
 * the policy, and writes {@code report.json}, {@code report.html} (standalone, links to the site) and
 * {@code report-site.html} (the same page for the site root, which {@code runbook:site} publishes as
 * {@code report.html}). Fails with one paragraph naming the blocking runbooks when the policy says so.
 */
public final class ReleaseGate {

    /**
     * Makes the report and stamps what it was made from ({@link ReportInputs}), also when the gate fails
     * the build: the report is written either way.
     */
    public GateReport run(ReleaseGateRequest request) throws RunbookProblemException, SetupException, IOException {
        OutputLayout layout = request.layout();
        // Taken before the report is made: an input that changes meanwhile makes the report stale, not current.
        String inputs = ReportInputs.digest(request.contentRoot(), layout.findingsJson(), layout.smokeResultsJson());
        GateReport report;
        try {
            report = make(request);
        } catch (RunbookProblemException failed) { // the report was written; the gate failed the build
            ReportInputs.record(layout, inputs);
            throw failed;
        }
        ReportInputs.record(layout, inputs);
        return report;
    }

    private GateReport make(ReleaseGateRequest request) throws RunbookProblemException, SetupException, IOException {
        OutputLayout layout = request.layout();
        List<Finding> findings = readFindings(layout.findingsJson());
        GateBaseline baseline = request.baseline() == null ? null : GateReportJson.readBaseline(request.baseline());
        LoadedContent content = ContentCache.load(request.contentRoot(), request.load(), ContentLoader.DEFAULT_MAX_FILE_BYTES, request.log());
        List<Runbook> runbooks = content.runbooks();

        GateReport report = new GateEvaluator(request.policy()).evaluate(new GateInput(runbooks, findings, request.status(),
                request.buildDate(), baseline, request.smokeEnvironment()));

        Path out = layout.workDirectory();
        Files.createDirectories(out);
        GateReportJson.write(report, runbooks, layout.reportJson());
        ReportHtml html = new ReportHtml(new Theme(request.templatesOverride()), request.siteTitle());
        String siteRoot = relativeLink(out, request.siteDirectory());
        AtomicFiles.writeString(layout.reportHtml(),
                html.render(report, request.policy(), runbooks, request.status(), siteRoot, false));
        AtomicFiles.writeString(layout.reportSiteHtml(),
                html.render(report, request.policy(), runbooks, request.status(), "", true));

        request.log().info("runbook: report: " + (report.passed() ? "PASS" : "FAIL") + " — " + report.explanation());
        request.log().info("runbook: report: " + layout.reportHtml());
        if (!report.passed()) {
            if (request.failBuild()) {
                throw new RunbookProblemException(report.explanation() + " See " + layout.reportHtml() + ".");
            }
            request.log().warn("runbook: report: the release gate failed; the build goes on (failBuild=false)");
        }
        return report;
    }

    /** Everything validation found, including findings its own baseline accepted: the report shows all. */
    private static List<Finding> readFindings(Path file) throws SetupException, IOException {
        FindingsJson.Contents contents;
        try {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
            contents = FindingsJson.read(file);
        } catch (NoSuchFileException e) {
            throw new SetupException("runbook:report needs the findings of runbook:validate, and " + file
                    + " does not exist. Run runbook:validate first in the same build (e.g. mvn verify with both goals bound,"
                    + " validate before report); the report never runs validation itself.");
        } catch (IOException e) {
            throw new SetupException("runbook:report cannot read " + file + ": " + e.getMessage()
                    + ". Run runbook:validate again to rewrite it.", e);
        }
        List<Finding> all = new ArrayList<>(contents.findings());
        all.addAll(contents.baselined());
        all.sort(Finding.ORDER);
        return all;
    }

    /** The relative link from one folder to another, ending in '/', e.g. {@code ../runbook-site/}. */
    static String relativeLink(Path from, Path to) {
        Path relative = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize());
        String text = relative.toString().replace('\\', '/');
        return text.isEmpty() ? "" : text + "/";
    }
}
