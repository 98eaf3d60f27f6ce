package dev.runbook.validate.run;

import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.ConcurrentFindingSink;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.policy.ValidationResult;
import dev.runbook.findings.Finding;
import dev.runbook.validate.policy.ValidationPolicy;

import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every rule over the loaded content (rules in parallel, each into one thread-safe sink), then lets
 * the policy decide what each raw finding becomes. A rule that crashes is logged and skipped; it never
 * takes the other rules' findings down with it.
 */
public final class Validator {

    private final List<Rule> rules;
    private final ValidationPolicy policy;
    private volatile boolean complete = true;

    public Validator(List<Rule> rules, ValidationPolicy policy) {
        this.rules = List.copyOf(rules);
        this.policy = policy;
    }

    public ValidationResult validate(ValidationContext context) {
        List<Finding> raw = rawFindings(context);
        return policy.apply(raw, context.content());
    }

    /**
     * The same, with the findings of per-page rules ({@link Rule#perPageKey}) on pages whose text is unchanged
     * taken from validate's page cache in {@code cacheFile}; those rules run on the other pages only, and
     * every other rule runs on every page. The raw findings equal those of {@link #validate(ValidationContext)}.
     */
    ValidationResult validate(ValidationContext context, ValidateOptions options, Path cacheFile) {
        List<Rule> perPage = new ArrayList<>();
        List<Rule> crossPage = new ArrayList<>();
        StringBuilder rulesKey = new StringBuilder();
        for (Rule rule : rules) {
            String key;
            try {
                key = rule.perPageKey(context);
            } catch (RuntimeException e) {
                key = null;
            }
            if (key == null) {
                crossPage.add(rule);
            } else {
                perPage.add(rule);
                rulesKey.append(rule.id()).append('=').append(key).append('\n');
            }
        }
        PageFindingsCache cache = PageFindingsCache.open(cacheFile, options, rulesKey.toString(), context.log());
        List<Runbook> runbooks = context.content().runbooks();
        List<String> hashes = runbooks.parallelStream().map(runbook -> PageFindingsCache.hashOf(context.content(), runbook)).toList();
        List<Finding> kept = new ArrayList<>();
        List<Runbook> changed = new ArrayList<>();
        Map<String, String> changedHashes = new HashMap<>();
        for (int i = 0; i < runbooks.size(); i++) {
            Optional<List<Finding>> cached = cache.get(runbooks.get(i), hashes.get(i));
            if (cached.isPresent()) {
                kept.addAll(cached.get());
            } else {
                changed.add(runbooks.get(i));
                changedHashes.put(runbooks.get(i).relativePath(), hashes.get(i));
            }
        }
        context.log().debug("runbook: validate: page cache: per-page rules skipped on " + (runbooks.size() - changed.size())
                + " unchanged runbooks, run on " + changed.size());
        ValidationContext changedOnly = context.over(
                new LoadedContent(context.content().root(), changed, context.content().findings()));
        ConcurrentFindingSink sink = new ConcurrentFindingSink();
        ConcurrentFindingSink perPageSink = new ConcurrentFindingSink();
        AtomicBoolean allRan = new AtomicBoolean(true);
        AtomicBoolean crossPageFailed = new AtomicBoolean();
        List<Map.Entry<Rule, Boolean>> jobs = new ArrayList<>();
        crossPage.forEach(rule -> jobs.add(Map.entry(rule, false)));
        perPage.forEach(rule -> jobs.add(Map.entry(rule, true)));
        jobs.parallelStream().forEach(job -> {
            boolean ran = job.getValue()
                    ? runOne(job.getKey(), changedOnly, perPageSink)
                    : runOne(job.getKey(), context, sink);
            if (!ran && job.getValue()) {
                allRan.set(false);
            } else if (!ran) {
                crossPageFailed.set(true);
            }
        });
        complete = allRan.get() && perPageSink.incomplete().isEmpty() && sink.incomplete().isEmpty()
                && !crossPageFailed.get();
        List<Finding> fresh = perPageSink.sorted();
        Map<String, List<Finding>> byPage = new HashMap<>();
        changed.forEach(r -> byPage.put(r.relativePath(), new ArrayList<>()));
        boolean attributable = true;
        for (Finding finding : fresh) {
            List<Finding> list = byPage.get(finding.file());
            if (list == null) {
                attributable = false;
                break;
            }
            list.add(finding);
        }
        // A rule that failed, or a finding that names another file, and nothing of this run is kept.
        if (allRan.get() && attributable) {
            // A page whose findings a rule said may be incomplete (a ShellCheck batch that failed) is left out:
            // the next run checks it again.
            Set<String> incomplete = perPageSink.incomplete();
            for (Runbook runbook : changed) {
                if (!incomplete.contains(runbook.relativePath())) {
                    cache.put(runbook, changedHashes.get(runbook.relativePath()), byPage.get(runbook.relativePath()));
                }
            }
            cache.save();
        } else {
            context.log().debug("runbook: validate: page cache not updated (a rule failed or reported on another page)");
        }
        List<Finding> raw = new ArrayList<>(sink.sorted());
        raw.addAll(fresh);
        raw.addAll(kept);
        raw.sort(Finding.ORDER);
        return policy.apply(raw, context.content());
    }

    /**
     * False after a {@link #validate(ValidationContext, ValidateOptions, Path)} in which a rule crashed or said
     * its findings on a page may be incomplete (a ShellCheck batch that failed): that run's answer must not be
     * remembered as the answer for its inputs.
     */
    boolean complete() {
        return complete;
    }

    /** The findings as the rules report them, before the policy: sorted by {@link Finding#ORDER}. */
    public List<Finding> rawFindings(ValidationContext context) {
        ConcurrentFindingSink sink = new ConcurrentFindingSink();
        rules.parallelStream().forEach(rule -> runOne(rule, context, sink));
        return sink.sorted();
    }

    /** Runs one rule; false when it crashed (logged, its findings so far kept). */
    private static boolean runOne(Rule rule, ValidationContext context, FindingSink sink) {
        long start = System.nanoTime();
        try {
            rule.checkAll(context, sink);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms >= 100) { // which rule a slow validation spends its time in, at -X
                context.log().debug("runbook: validate: rule " + rule.id() + " took " + ms + " ms");
            }
            return true;
        } catch (RuntimeException e) {
            context.log().warn("validate: rule " + rule.id() + " failed and was skipped: " + e
                    + " (please report this as a bug)");
            return false;
        }
    }

    public List<Rule> rules() {
        return rules;
    }
}
