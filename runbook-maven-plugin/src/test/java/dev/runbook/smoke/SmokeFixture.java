package dev.runbook.smoke;

import dev.runbook.core.LinesLog;
import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.env.EnvironmentOverrides;
import dev.runbook.smoke.env.EnvironmentsLoader;
import dev.runbook.smoke.parse.BlockParse;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.run.EnvironmentClient;
import dev.runbook.smoke.run.RunnerOptions;
import dev.runbook.smoke.run.SmokeRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Builds runbooks from text and runs their smoke blocks against real loopback servers. */
public final class SmokeFixture {

    /** Fast retries so tests with retries stay quick; the production default is 500ms. */
    public static final RunnerOptions OPTIONS = new RunnerOptions(2, Duration.ofSeconds(60), Duration.ofMillis(20));

    public final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    public final RunLog log = new LinesLog(logLines);

    public static Runbook runbook(String path, String markdown) {
        List<Finding> findings = new ArrayList<>();
        return ContentLoader.parse(path, Path.of(path), SourceText.of(markdown), findings);
    }

    /** A runbook with one smoke block; the fence is on line 3. */
    public static Runbook oneBlock(String attributes, String body) {
        return runbook("ops/check.md", "# Check\n\n```smoke " + attributes + "\n" + body + "\n```\n");
    }

    public static BlockParse parseOne(String attributes, String body) {
        return SmokeParser.parse(oneBlock(attributes, body)).get(0);
    }

    public static Environment environment(Path dir, String yaml, Map<String, String> environmentVariables) throws Exception {
        Path file = dir.resolve("runbook-environments.yaml");
        Files.writeString(file, yaml);
        return new EnvironmentsLoader(environmentVariables::get).load(file, "test", EnvironmentOverrides.NONE, dir);
    }

    public SmokeResults run(Environment environment, Runbook... runbooks) throws Exception {
        List<BlockParse> blocks = new ArrayList<>();
        for (Runbook r : runbooks) {
            blocks.addAll(SmokeParser.parse(r));
        }
        try (EnvironmentClient client = new EnvironmentClient(environment)) {
            return new SmokeRunner(environment, client, OPTIONS, Clock.systemUTC(), log).run(blocks);
        }
    }

    public CheckResult runOne(Environment environment, String attributes, String body) throws Exception {
        return run(environment, oneBlock(attributes, body)).results().get(0);
    }
}
