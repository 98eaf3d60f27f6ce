package dev.runbook.validate.run;

import dev.runbook.core.InputDigest;
import dev.runbook.core.PageCacheFile;
import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.findings.io.FindingsBinary;
import dev.runbook.load.LoadedContent;
import dev.runbook.load.PageModelCache;
import dev.runbook.model.SourceText;
import dev.runbook.model.Runbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validate's page cache: for each page, keyed by the SHA-256 of its file's bytes, the findings of the rules whose
 * findings depend on that page alone ({@link dev.runbook.validate.Rule#perPageKey}), before the policy.
 * Rules that look across pages (file and anchor links, alerts, loader findings, external links)
 * run over every page on every run, over the cached models.
 *
 * <p>The file's key: the plugin build ({@link PageModelCache#codeKey}), the rule settings and load options,
 * and each cached rule's id and {@code perPageKey} (build date, parser present). Anything else (damage,
 * another key, an entry that does not decode) is a miss: the rules run on the page again.
 */
final class PageFindingsCache {

    static final String FORMAT = "page-findings-2";

    private final Path file;
    private final String key;
    private final RunLog log;
    private final Map<String, PageCacheFile.Entry> before;
    private final Map<String, PageCacheFile.Entry> now = new ConcurrentHashMap<>();

    private PageFindingsCache(Path file, String key, RunLog log, Map<String, PageCacheFile.Entry> before) {
        this.file = file;
        this.key = key;
        this.log = log;
        this.before = before;
    }

    /** @param rulesKey the cached rules, each id with its {@code perPageKey} */
    static PageFindingsCache open(Path file, ValidateOptions options, String rulesKey, RunLog log) {
        String key = new InputDigest()
                .add("format", FORMAT)
                .add("code", PageModelCache.codeKey(options.toolVersion()))
                .addSettings("rules", options.rules())
                .addSettings("load", options.load())
                .add("cachedRules", rulesKey)
                .hex();
        return new PageFindingsCache(file, key, log, PageCacheFile.read(file, FORMAT, key, log));
    }

    /**
     * The page's key: the SHA-256 of its file's bytes as the loader read them, else of its text (prefixed, so the
     * two never meet). Bytes, not text, where known: a byte-order mark removed, UTF-16 turned into UTF-8 or
     * one invalid byte replaced by another leave the text as it was, and the encoding findings must change.
     */
    static String hashOf(LoadedContent content, Runbook runbook) {
        String bytes = content.inputHash(runbook.relativePath());
        if (bytes != null) {
            return "bytes:" + bytes;
        }
        SourceText source = runbook.source();
        return "text:" + source.hasByteOrderMark() + ":" + source.firstInvalidByte() + ":" + source.encoding() + ":"
                + PageCacheFile.sha256(source.text().getBytes(StandardCharsets.UTF_8));
    }

    /** The cached rules' findings on this page when its text is unchanged; empty otherwise. */
    Optional<List<Finding>> get(Runbook runbook, String hash) {
        PageCacheFile.Entry entry = before.get(runbook.relativePath());
        if (entry == null || !entry.inputHash().equals(hash)) {
            return Optional.empty();
        }
        try {
            var in = PageCacheFile.decoder(entry.payload());
            List<Finding> findings = FindingsBinary.read(in);
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            for (Finding f : findings) {
                if (!f.file().equals(runbook.relativePath())) {
                    throw new IOException("a finding of another file");
                }
            }
            now.put(runbook.relativePath(), entry);
            return Optional.of(findings);
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: validate: page cache entry of " + runbook.relativePath() + " unreadable: " + e);
            return Optional.empty();
        }
    }

    void put(Runbook runbook, String hash, List<Finding> findings) {
        try {
            now.put(runbook.relativePath(), new PageCacheFile.Entry(hash,
                    PageCacheFile.encode(out -> FindingsBinary.write(out, findings))));
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: validate: page cache cannot hold " + runbook.relativePath() + ": " + e);
        }
    }

    /** Writes this run's entries when they differ from the file read; a failure is only logged. */
    void save() {
        PageCacheFile.saveIfChanged(file, FORMAT, key, before, now, log, "validate: page cache");
    }
}
