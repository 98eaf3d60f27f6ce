package dev.runbook.mojo;

import dev.runbook.alerts.AlertSettings;
import dev.runbook.core.BuildDate;
import dev.runbook.core.OutputLayout;
import dev.runbook.core.RunLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.core.time.Durations;
import dev.runbook.load.LoadOptions;
import dev.runbook.smoke.results.SmokeResultsStatus;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What every goal shares: skipping, where the content and templates are, the build date, and the one
 * mapping of core outcomes to Maven's — problems in the runbooks fail the build
 * ({@link MojoFailureException}), broken setup is an execution error ({@link MojoExecutionException}).
 * A concrete goal binds its parameters and makes one call into the core in {@link #run()}.
 */
public abstract class AbstractRunbookMojo extends AbstractMojo {

    /** Skips every runbook goal. */
    @Parameter(property = RunbookProperties.SKIP, defaultValue = "false")
    protected boolean skip;

    /**
     * The folder of Markdown runbooks. Defaults to {@code content/} in this module, else in the parent
     * project's folder (so a {@code site/} module can build the repository's top-level {@code content/}).
     */
    @Parameter(property = RunbookProperties.CONTENT_DIRECTORY)
    protected File contentDirectory;

    /** A folder of FreeMarker templates and assets that override the bundled theme, file by file. */
    @Parameter(property = RunbookProperties.TEMPLATES_DIRECTORY)
    protected File templatesDirectory;

    /**
     * Which files under the content folder are runbooks: globs relative to it, case-insensitive, e.g.
     * {@code **}{@code /*.html.md.erb} for a Middleman/tech-docs tree or {@code docs/**}{@code /*.md} for MkDocs;
     * comma-separated as a property. Default {@code **}{@code /*.md}. A folder with files but none selected
     * is a setup error that lists what was skipped.
     */
    @Parameter(property = RunbookProperties.INCLUDES)
    protected List<String> includes;

    /** Globs of files never read as runbooks, even when an include matches (e.g. {@code **}{@code /_*.md}). */
    @Parameter(property = RunbookProperties.EXCLUDES)
    protected List<String> excludes;

    /**
     * Front-matter keys as this repository names them → the key the plugin reads, e.g.
     * {@code <last_reviewed_on>last_reviewed</last_reviewed_on><review_in>review_every</review_in>}. On the
     * command line use {@code frontMatterAliasesProperty}.
     */
    @Parameter
    protected Map<String, String> frontMatterAliases;

    /**
     * The property form of {@code frontMatterAliases}: {@code written=read} pairs, comma-separated, e.g.
     * {@code -Drunbook.frontMatter.aliases=last_reviewed_on=last_reviewed,review_in=review_every}; an entry
     * overrides the POM's entry for the same key.
     */
    @Parameter(property = RunbookProperties.FRONT_MATTER_ALIASES)
    protected String frontMatterAliasesProperty;

    /** Review interval for runbooks whose front-matter has no {@code review_every} (e.g. 90d, 12w, 6m). */
    @Parameter(property = RunbookProperties.REVIEW_EVERY, defaultValue = "90d")
    protected String reviewEvery;

    /** How long a passing smoke run keeps a runbook "verified" on the site and in the report (e.g. 7d). */
    @Parameter(property = RunbookProperties.SMOKE_MAX_AGE, defaultValue = "7d")
    protected String smokeMaxAge;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /**
     * Prometheus alert rule files to cross-check against the runbooks: globs relative to the project folder
     * ({@code **} crosses folders), e.g. {@code alerts/**}{@code /*.yaml}. Rule-group files and Kubernetes
     * PrometheusRule manifests, multi-document files included. Unset: no alert.* rule runs and the site has
     * no alert panels. Property form: comma-separated.
     */
    @Parameter(property = RunbookProperties.ALERT_RULES)
    protected List<String> alertRules;

    /**
     * runbook_url prefix → folder in the content folder ({@code .} for the content folder itself), as
     * {@code <property><name>https://runbooks.example.org/</name><value>.</value></property>} entries. See
     * docs/validate.md, "Alert rules", for how a URL maps onto a page. On the command line use
     * {@code alertRunbookBasesProperty}.
     */
    @Parameter
    protected Properties alertRunbookBases;

    /**
     * The property form of {@code alertRunbookBases}: {@code prefix=folder} pairs, comma-separated, e.g.
     * {@code -Drunbook.alertRunbookBases=https://runbooks.example.org/=.}; an entry overrides the POM's.
     */
    @Parameter(property = RunbookProperties.ALERT_RUNBOOK_BASES)
    protected String alertRunbookBasesProperty;

    /**
     * Pins "now" for review deadlines and the age of smoke results (e.g. 2026-12-04), so that the output is
     * reproducible. Unset: the real date. Not taken from project.build.outputTimestamp, which releases pin
     * and which would stop the review clock between releases.
     */
    @Parameter(property = RunbookProperties.AS_OF)
    protected String asOf;

    /** Maven's reproducible-build time; shown as the site's "built" date when {@code runbook.asOf} pins "now". */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    protected String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("runbook: skipped (" + RunbookProperties.SKIP + "=true)");
            return;
        }
        if (goalSkipped()) {
            getLog().info("runbook: skipped (" + goalSkipProperty() + "=true)");
            return;
        }
        try {
            run();
        } catch (RunbookProblemException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (SetupException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("runbook: I/O error: " + e.getMessage(), e);
        }
    }

    /** This goal's own skip flag ({@code runbook.<goal>.skip}), beside {@code runbook.skip} for every goal. */
    protected abstract boolean goalSkipped();

    /** The user property of {@link #goalSkipped()}, for the log line. */
    protected abstract String goalSkipProperty();

    /** The goal's single call into the core. */
    protected abstract void run() throws RunbookProblemException, SetupException, IOException;

    protected Path contentRoot() {
        if (contentDirectory != null) {
            return contentDirectory.toPath();
        }
        Path own = project.getBasedir().toPath().resolve("content");
        if (Files.isDirectory(own)) {
            return own;
        }
        File parentBase = project.getParent() == null ? null : project.getParent().getBasedir();
        if (parentBase != null && Files.isDirectory(parentBase.toPath().resolve("content"))) {
            return parentBase.toPath().resolve("content");
        }
        return own;
    }

    /** Which files are runbooks and how their front-matter keys are named, from includes/excludes/frontMatterAliases. */
    protected LoadOptions loadOptions() throws SetupException {
        Map<String, String> aliases;
        try {
            aliases = PropertyAliases.mergeMap(RunbookProperties.FRONT_MATTER_ALIASES, frontMatterAliases,
                    frontMatterAliasesProperty);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage());
        }
        return LoadOptions.of(includes, excludes, aliases);
    }

    /** The alert cross-check's settings ({@link AlertSettings#OFF} when {@code alertRules} is unset). */
    protected AlertSettings alertSettings() throws SetupException {
        Map<String, String> pom = new LinkedHashMap<>();
        if (alertRunbookBases != null) {
            alertRunbookBases.stringPropertyNames().stream().sorted().forEach(k -> pom.put(k, alertRunbookBases.getProperty(k)));
        }
        Map<String, String> bases;
        try {
            bases = PropertyAliases.mergeMap(RunbookProperties.ALERT_RUNBOOK_BASES, pom, alertRunbookBasesProperty);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage());
        }
        List<String> globs = alertRules == null ? List.of()
                : alertRules.stream().flatMap(g -> PropertyAliases.split(g).stream()).toList();
        if (!globs.isEmpty() && bases.isEmpty()) {
            throw new SetupException("alertRules is set but alertRunbookBases is empty: every runbook_url would count as"
                    + " external; map the URL prefix of your runbooks to the content folder, e.g. "
                    + "-D" + RunbookProperties.ALERT_RUNBOOK_BASES + "=https://runbooks.example.org/=.");
        }
        return new AlertSettings(globs, bases, baseDirectory());
    }

    protected Path templatesOverride() {
        return templatesDirectory == null ? null : templatesDirectory.toPath();
    }

    protected Path buildPath() {
        return buildDirectory.toPath();
    }

    /** The files under the build folder that one goal writes and another reads. */
    protected OutputLayout layout() {
        return new OutputLayout(buildPath());
    }

    protected Path baseDirectory() {
        return project.getBasedir().toPath();
    }

    protected Instant buildInstant() throws SetupException {
        return BuildDate.instant(asOf, Clock.systemUTC());
    }

    protected LocalDate buildDate() throws SetupException {
        return BuildDate.date(asOf, Clock.systemUTC());
    }

    /** The day the output was built, for the footer: differs from {@link #buildDate()} only when asOf pins it. */
    protected LocalDate builtOn() {
        return BuildDate.isPinned(asOf) ? BuildDate.builtOn(outputTimestamp, Clock.systemUTC()) : null;
    }

    protected ReviewSchedule reviewSchedule() throws SetupException {
        return new ReviewSchedule(Durations.period(RunbookProperties.REVIEW_EVERY, reviewEvery));
    }

    protected Duration smokeMaxAge() throws SetupException {
        return Durations.duration(RunbookProperties.SMOKE_MAX_AGE, smokeMaxAge);
    }

    /**
     * Each runbook's status from the last {@code runbook:smoke} run in this build folder, if any, and its
     * review dates. Results age against the same clock as reviews: the real one unless runbook.asOf pins it.
     */
    protected StatusSource statusSource() throws SetupException {
        Instant now = buildInstant();
        return SmokeResultsStatus.load(layout().smokeResultsJson(), smokeMaxAge(), reviewSchedule(),
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), now);
    }

    /** Old property names, read with a warning when only they are given. */
    protected PropertyAliases aliases() {
        return new PropertyAliases(this::userProperty, line -> getLog().warn(line));
    }

    /** A user property as Maven resolves one: -D (session), then the project's properties; null when unset. */
    private String userProperty(String name) {
        if (session != null) {
            String value = session.getUserProperties().getProperty(name);
            if (value == null) {
                value = session.getSystemProperties().getProperty(name);
            }
            if (value != null) {
                return value;
            }
        }
        return project == null ? null : project.getProperties().getProperty(name);
    }

    protected RunLog runLog() {
        return new MavenRunLog(getLog());
    }
}
