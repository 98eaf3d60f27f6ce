package dev.runbook.validate.commands;

import dev.runbook.core.InputDigest;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.PageFacts;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.placeholders.PlaceholderLines;
import dev.runbook.validate.syntax.CodeColumns;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code command.shellcheck} (warning; ShellCheck's {@code error} level is reported as error): what
 * <a href="https://www.shellcheck.net">ShellCheck</a> says about the shell fences, when it is installed.
 * The blocks are read exactly as {@code command.syntax} reads them ({@code console} prompts stripped,
 * fill-in slots neutralised) and checked as bash, with ShellCheck's {@code style} level left out.
 *
 * <p>All blocks of all runbooks go through a few {@code shellcheck} processes (see {@link ShellCheckRunner}),
 * never one per block. Findings are mapped back to the Markdown file's line and column.
 *
 * <p>Not reported, so a problem is reported once: blocks that {@code command.syntax} (tree-sitter) cannot
 * parse, blocks {@code command.language} or {@code command.continuation} report, and lines with a TODO or
 * fill-in placeholder. ShellCheck's own parse errors (SC1xxx at error level) on a block tree-sitter accepts
 * are kept: they are real problems tree-sitter's error recovery let through.
 *
 * <p>Excluded by default ({@link RuleSettings.ShellCheck#DEFAULT_EXCLUDE}), because a runbook block is a
 * snippet pasted into a shell the reader already has open, not a script:
 * <ul>
 *   <li>SC2154 (referenced but not assigned): the variable was set in an earlier block, by the reader
 *       ({@code export NS=…}) or comes from the alert;</li>
 *   <li>SC2034 (appears unused): it is used in a later block;</li>
 *   <li>SC1090, SC1091 (cannot follow a sourced file): the file is on the reader's machine;</li>
 *   <li>SC2164 ({@code cd} without {@code || exit}): typed interactively, a failed {@code cd} is seen at once,
 *       and {@code || exit} would close the reader's terminal;</li>
 *   <li>SC2155 (declare and assign separately): it protects {@code set -e} scripts from a masked exit code;
 *       a reader who runs {@code export POD=$(…)} sees the error on the screen (43 of 330 findings on the
 *       OpenShift runbooks before it was excluded);</li>
 *   <li>SC2317 (command appears unreachable): in a runbook {@code exit} leaves a nested shell ({@code ssh},
 *       {@code chroot}, {@code oc debug}) and the next command runs in the outer one.</li>
 * </ul>
 */
public final class ShellCheckRule implements Rule {

    public static final String ID = "command.shellcheck";
    public static final String WIKI = "https://www.shellcheck.net/wiki/";

    static final int DEFAULT_BATCH_SIZE = 200;
    static final int PARALLEL_BATCHES = 2;
    static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

    private final RuleSettings settings;
    private final PlaceholderLines placeholders;
    private final int batchSize;
    private final AtomicInteger processesStarted = new AtomicInteger();
    private final AtomicInteger scriptsChecked = new AtomicInteger();

    public ShellCheckRule(RuleSettings settings) {
        this(settings, DEFAULT_BATCH_SIZE);
    }

    /** For tests: a smaller batch size. */
    ShellCheckRule(RuleSettings settings, int batchSize) {
        this.settings = settings;
        this.placeholders = new PlaceholderLines(settings);
        this.batchSize = batchSize;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "ShellCheck finding in a shell fence (when ShellCheck is installed)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * ShellCheck's comments on a block depend on the block's text alone, for one ShellCheck binary, one
     * exclude list and the bash parser's presence (blocks it cannot parse are left to {@code command.syntax}),
     * so the rule's findings on a page are kept with the page's other per-page findings. A batch that fails or
     * times out marks its pages {@link FindingSink#incomplete}, so "not checked" is never kept as "no comment".
     * When ShellCheck is missing the rule's one finding ({@code shellcheck=on}) or log line covers every page:
     * then null, it runs over every page.
     */
    @Override
    public String perPageKey(ValidationContext context) {
        RuleSettings.ShellCheck shellCheck = settings.shellCheck();
        if (shellCheck.mode() == RuleSettings.ShellCheck.Mode.OFF) {
            return "off";
        }
        Optional<Path> binary = ShellCheckBinary.locate(shellCheck);
        if (binary.isEmpty()) {
            return null;
        }
        return "shellcheck=" + cacheKey(binary.get(), new TreeSet<>(shellCheck.exclude()))
                + ";parser=" + (BashParser.load().parser() != null);
    }

    private static String cacheKey(Path binary, TreeSet<String> exclude) {
        return new InputDigest().addFileStamp("shellcheck", binary).add("exclude", exclude)
                .addFileStamp("plugin", InputDigest.codeSourceOf(ShellCheckRule.class)).hex();
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        checkRunbooks(List.of(runbook), context, sink);
    }

    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
        checkRunbooks(context.content().runbooks(), context, sink);
    }

    /** How many {@code shellcheck} processes this rule has started so far. */
    int processesStarted() {
        return processesStarted.get();
    }

    /** How many distinct scripts this rule has handed to ShellCheck so far (cached answers not counted). */
    int scriptsChecked() {
        return scriptsChecked.get();
    }

    /** One block to check: where it is, and the script lines its file holds. */
    private record Job(Runbook runbook, CodeBlock block, ShellScript script) {
    }

    private void checkRunbooks(List<Runbook> runbooks, ValidationContext context, FindingSink sink) {
        RuleSettings.ShellCheck shellCheck = settings.shellCheck();
        if (shellCheck.mode() == RuleSettings.ShellCheck.Mode.OFF) {
            return;
        }
        List<Job> jobs = jobs(runbooks, context.facts());
        if (jobs.isEmpty()) {
            return;
        }
        Optional<Path> binary = ShellCheckBinary.locate(shellCheck);
        if (binary.isEmpty()) {
            if (shellCheck.mode() == RuleSettings.ShellCheck.Mode.ON) {
                Job first = jobs.get(0);
                sink.report(new Finding(ID, Severity.ERROR, first.runbook().relativePath(),
                        first.block().position(), ShellCheckBinary.missingMessage(shellCheck),
                        "install ShellCheck on this machine, or set shellcheck to auto"));
            } else {
                context.log().info("[" + ID + "] ShellCheck is not installed"
                        + (shellCheck.binary() == null ? " (no shellcheck on the PATH)" : " (" + shellCheck.binary() + ")")
                        + "; " + jobs.size() + " shell blocks were not checked by it. Install shellcheck, or set"
                        + " shellcheck=off to silence this line.");
            }
            return;
        }
        // ShellCheck's answer depends on the script's text alone, and runbooks repeat blocks (`oc get pods -A`,
        // the same login step in every runbook of a team: 17 % of the shell blocks of the OpenShift runbooks
        // are repeats), so each distinct text is checked once and its comments go to every block that has it.
        Map<String, List<Job>> byFile = new LinkedHashMap<>();
        Map<String, String> fileOfText = new HashMap<>();
        Map<String, String> scripts = new HashMap<>();
        for (Job job : jobs) {
            String text = job.script().neutralText();
            String name = fileOfText.get(text);
            if (name == null) {
                name = String.format("b%06d.sh", fileOfText.size() + 1);
                fileOfText.put(text, name);
                scripts.put(name, text);
            }
            byFile.computeIfAbsent(name, n -> new ArrayList<>()).add(job);
        }
        TreeSet<String> exclude = new TreeSet<>(shellCheck.exclude());
        ShellCheckCache cache = ShellCheckCache.open(context.workDirectory(), cacheKey(binary.get(), exclude));
        List<ShellCheckRunner.Comment> comments = new ArrayList<>();
        Map<String, String> unseen = new HashMap<>();
        scripts.forEach((name, text) -> {
            List<ShellCheckCache.Kept> kept = cache.get(text);
            if (kept == null) {
                unseen.put(name, text);
            } else {
                kept.forEach(k -> comments.add(k.in(name)));
            }
        });
        ShellCheckRunner runner = new ShellCheckRunner(binary.get(), exclude, batchSize, PARALLEL_BATCHES, BATCH_TIMEOUT,
                processesStarted);
        ShellCheckRunner.Result result;
        try {
            result = runner.run(unseen);
        } catch (IOException e) {
            context.log().warn("[" + ID + "] ShellCheck could not be run, shell blocks were not checked by it: " + e);
            unseen.keySet().forEach(name -> byFile.get(name).forEach(job -> sink.incomplete(job.runbook().relativePath())));
            return;
        }
        scriptsChecked.addAndGet(unseen.size());
        for (String failure : result.failures()) {
            context.log().warn("[" + ID + "] " + failure + "; the blocks of that batch were not checked by ShellCheck");
        }
        Set<String> checked = new java.util.HashSet<>(result.checked());
        unseen.keySet().stream().filter(name -> !checked.contains(name))
                .forEach(name -> byFile.get(name).forEach(job -> sink.incomplete(job.runbook().relativePath())));
        comments.addAll(result.comments());
        Map<String, List<ShellCheckCache.Kept>> said = new HashMap<>();
        result.checked().forEach(name -> said.put(name, new ArrayList<>()));
        for (ShellCheckRunner.Comment comment : result.comments()) {
            List<ShellCheckCache.Kept> list = said.get(comment.file());
            if (list != null) {
                list.add(ShellCheckCache.Kept.of(comment));
            }
        }
        said.forEach((name, kept) -> cache.put(unseen.get(name), kept));
        cache.save();
        for (ShellCheckRunner.Comment comment : comments) {
            for (Job job : byFile.getOrDefault(comment.file(), List.of())) {
                report(job, comment, sink);
            }
        }
    }

    private List<Job> jobs(List<Runbook> runbooks, PageFacts facts) {
        List<Job> jobs = new ArrayList<>();
        BashParser.Loaded loaded = null;
        for (Runbook runbook : runbooks) {
            for (ShellFences.Fenced fence : ShellFences.of(runbook, settings, facts)) {
                CodeBlock block = fence.block();
                ShellScript script = fence.script();
                // Blocks too long for the bash parser are left to neither checker: ShellCheck crawls on the same
                // pathological input (minutes on a line of 30,000 "("), and no real runbook command is that long.
                if (script.neutralText().length() > BashParser.MAX_SCRIPT_CHARS) {
                    continue;
                }
                if (fence.leftToOtherRules()) {
                    continue;
                }
                if (loaded == null) {
                    loaded = BashParser.load();
                }
                // command.syntax reports this block; ShellCheck would only say the same thing again.
                if (loaded.parser() != null && fence.syntaxProblem(loaded.parser(), facts).isPresent()) {
                    continue;
                }
                jobs.add(new Job(runbook, block, script));
            }
        }
        return jobs;
    }

    /**
     * ShellCheck's codes for look-alike characters (smart quotes SC1015/SC1016/SC1110–SC1112, no-break space
     * SC1018, Unicode dash SC1100): {@code command.unicode} reports those chars (and {@code encoding.mojibake}
     * the ones inside a mangled sequence), with the ASCII replacement; a second finding would say the same.
     */
    private static final Set<Integer> LOOK_ALIKE_CODES = Set.of(1015, 1016, 1018, 1100, 1110, 1111, 1112);

    /**
     * SC1128 (shebang not on the first line) when only blank lines come before it: a blank line after the
     * opening fence is Markdown layout, and pasted into a shell (how a runbook block is used) the shebang is a
     * comment on whatever line it stands. A comment or command before the shebang is still reported.
     */
    private static boolean shebangAfterBlankLinesOnly(Job job, ShellCheckRunner.Comment comment) {
        if (comment.code() != 1128) {
            return false;
        }
        List<ShellScript.Line> lines = job.script().lines();
        for (int i = 0; i < Math.min(comment.line() - 1, lines.size()); i++) {
            if (!lines.get(i).text().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void report(Job job, ShellCheckRunner.Comment comment, FindingSink sink) {
        if (LOOK_ALIKE_CODES.contains(comment.code()) || shebangAfterBlankLinesOnly(job, comment)) {
            return;
        }
        List<ShellScript.Line> lines = job.script().lines();
        int row = Math.max(0, Math.min(comment.line() - 1, lines.size() - 1));
        ShellScript.Line line = lines.get(row);
        if (placeholders.hasPlaceholder(line.text())) {
            return;
        }
        String text = line.text();
        int codePoints = text.codePointCount(0, text.length());
        int column = text.offsetByCodePoints(0, Math.max(0, Math.min(comment.column() - 1, codePoints)));
        String code = "SC" + comment.code();
        Severity severity = "error".equals(comment.level()) ? Severity.ERROR : defaultSeverity();
        sink.report(new Finding(ID, severity, job.runbook().relativePath(),
                CodeColumns.at(job.runbook(), job.block(), line.bodyLine(), line.offset() + column),
                code + ": " + comment.message(),
                "see " + WIKI + code + " for why and how to fix it"));
    }
}
