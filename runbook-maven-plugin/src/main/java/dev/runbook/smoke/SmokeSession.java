package dev.runbook.smoke;

import dev.runbook.core.RunLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.load.ContentCache;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.secrets.Redactor;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.env.EnvironmentsLoader;
import dev.runbook.smoke.parse.BlockParse;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeJUnitXml;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.results.SmokeResultsJson;
import dev.runbook.smoke.run.EnvironmentClient;
import dev.runbook.smoke.run.SmokeRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The smoke goal's core: load the runbooks, parse their smoke blocks, load the environment, run, write
 * {@code smoke-results.json} and the JUnit XML, print the summary, and fail if asked to.
 */
public final class SmokeSession {

    private SmokeSession() {
    }

    public static SmokeResults run(SmokeRequest request) throws SetupException, RunbookProblemException, IOException {
        Path environmentsFile = environmentsFile(request);
        Environment environment = new EnvironmentsLoader(request.environmentVariables())
                .load(environmentsFile, request.environment(), request.overrides(), request.baseDirectory());
        Redactor redactor = environment.redactor();
        RunLog log = new RedactingRunLog(request.log(), redactor);
        if (!environment.missingSecrets().isEmpty()) {
            log.warn("smoke: secrets not set in the environment: " + String.join(", ", environment.missingSecrets())
                    + "; checks that use them will fail without sending anything");
        }

        LoadedContent content = ContentCache.load(request.contentRoot(), request.load(), ContentLoader.DEFAULT_MAX_FILE_BYTES, request.log());
        List<BlockParse> blocks = new ArrayList<>();
        for (Runbook runbook : content.runbooks()) {
            blocks.addAll(SmokeParser.parse(runbook));
        }
        log.info("smoke: running " + blocks.size() + " block(s) from " + content.runbooks().size() + " runbook(s) against environment "
                + environment.name() + (environmentsFile != null && Files.isRegularFile(environmentsFile) ? " (" + environmentsFile + ")" : ""));

        SmokeResults results;
        try (EnvironmentClient client = new EnvironmentClient(environment)) {
            results = new SmokeRunner(environment, client, request.options(), request.clock(), log).run(blocks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("smoke run interrupted");
        }

        SmokeResultsJson.write(request.resultsJson(), results, redactor);
        SmokeJUnitXml.write(request.junitXml(), results, redactor);

        log.info(results.summary());
        for (CheckResult r : results.results()) {
            if (r.outcome().isProblem()) {
                log.warn(r.consoleLine());
            } else if (r.outcome() == Outcome.SKIPPED) {
                log.warn(r.runbook() + ":" + r.line() + ": " + r.name() + ": skipped: " + r.message());
            }
        }
        List<CheckResult> unproven = request.allowSkipped() ? List.of() : results.skipped();
        if (request.failBuild() && (!results.problems().isEmpty() || !unproven.isEmpty())) {
            StringBuilder message = new StringBuilder(results.summary()).append(":");
            for (CheckResult r : results.problems()) {
                message.append("\n  ").append(r.consoleLine());
            }
            for (CheckResult r : unproven) {
                message.append("\n  ").append(r.runbook()).append(':').append(r.line()).append(": ").append(r.name())
                        .append(": skipped: ").append(r.message());
            }
            if (!unproven.isEmpty()) {
                message.append("\n(a skipped check proves nothing; set runbook.smoke.allowSkipped=true to accept skipped checks)");
            }
            message.append("\n(set runbook.smoke.failBuild=false to report without failing)");
            throw new RunbookProblemException(redactor.redact(message.toString()));
        }
        return results;
    }

    static Path environmentsFile(SmokeRequest request) {
        if (request.environmentsFile() != null) {
            return request.environmentsFile();
        }
        Path besideContent = request.contentRoot().toAbsolutePath().normalize().getParent();
        if (besideContent != null && Files.isRegularFile(besideContent.resolve(EnvironmentsLoader.FILE_NAME))) {
            return besideContent.resolve(EnvironmentsLoader.FILE_NAME);
        }
        return request.baseDirectory().resolve(EnvironmentsLoader.FILE_NAME);
    }
}
