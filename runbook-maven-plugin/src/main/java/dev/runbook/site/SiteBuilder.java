package dev.runbook.site;

import dev.runbook.site.layout.SiteLayout;
import dev.runbook.core.AtomicFiles;
import dev.runbook.core.CrashPoint;
import dev.runbook.core.OutputRoot;
import dev.runbook.core.PageCacheFile;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.model.Link;
import dev.runbook.model.Runbook;
import dev.runbook.site.search.IndexedPage;
import dev.runbook.site.search.SearchIndexWriter;
import dev.runbook.site.search.SearchSectionsCache;
import dev.runbook.site.view.AlertViews;
import dev.runbook.site.view.Frame;
import dev.runbook.site.view.PageNav;
import dev.runbook.site.view.RunbookView;
import dev.runbook.site.view.TagLink;
import dev.runbook.site.view.Views;
import dev.runbook.findings.Finding;
import dev.runbook.status.RunbookStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the static site: one call, {@link #build(SiteRequest)}. The new site is assembled in a staging
 * folder beside the output and swapped in whole, so a failed build leaves the previous site as it was.
 * Incremental: pages whose inputs are unchanged are hard-linked (or copied) from the previous output;
 * the index, tag, status and redirect pages are written again only when something they show changed,
 * and the search index rewrites only the files whose bytes change.
 */
public final class SiteBuilder {

    /** A progress line every this many pages, for big sites. */
    static final int PROGRESS_EVERY = 100;

    /** Where the release report goes in the site, when there is one. */
    public static final String REPORT_PAGE = "report.html";

    public SiteResult build(SiteRequest request) throws SetupException, IOException {
        long start = System.nanoTime();
        RunLog log = request.log();
        List<Runbook> runbooks = request.content().runbooks().stream()
                .filter(r -> request.includeDrafts() || !r.frontMatter().draft())
                .toList();
        int drafts = request.content().runbooks().size() - runbooks.size();
        if (drafts > 0) {
            log.info("runbook: site: " + drafts + " draft" + (drafts == 1 ? "" : "s") + " left out (build with -Drunbook.drafts=true to include)");
        }
        SiteLayout layout = SiteLayout.plan(runbooks, log);
        Theme theme = new Theme(request.templatesOverride(), request.allowRemoteImages());
        Views views = new Views(layout);
        // By identity: a Runbook is a record, and hashing one hashes its whole model (every code block, every
        // heading) on each lookup; at 10,000 pages that was a visible share of an incremental build.
        Map<Runbook, RunbookStatus> statuses = new java.util.IdentityHashMap<>();
        for (Runbook runbook : runbooks) {
            statuses.put(runbook, request.status().statusOf(runbook));
        }
        Map<String, List<Finding>> findings = request.findings().stream()
                .collect(java.util.stream.Collectors.groupingBy(Finding::file));

        Path output = request.outputDirectory().toAbsolutePath();
        String global = Hashes.of("output", output.toString(), "plugin", request.pluginVersion(), "theme", theme.hash(),
                "title", request.siteTitle(), "baseUrl", request.baseUrl(), "drafts", String.valueOf(request.includeDrafts()),
                "date", request.buildDate().toString(), "report", String.valueOf(request.reportPageIfPresent() != null),
                "csp", Theme.contentSecurityPolicy(request.allowRemoteImages()),
                "editUrl", String.valueOf(request.editUrl()), "builtOn", String.valueOf(request.builtOn()),
                "alerts", String.valueOf(request.alerts() != null));
        AlertViews alertViews = new AlertViews(layout, runbooks.stream()
                .collect(java.util.stream.Collectors.toMap(Runbook::relativePath, r -> r, (a, b) -> a)));
        List<RunbookView> all = runbooks.stream().map(r -> views.runbook(r, statuses.get(r))).toList();
        Map<String, List<TagLink>> neighbours = Views.neighbours(all);
        Map<String, String> lastChanged = LastChanged.of(request.content().root(),
                runbooks.stream().map(Runbook::relativePath).toList());
        // Each page's content hash, for the manifest's page hash and the search cache's key: the loader's hash of
        // the file's bytes when it made one (the same bytes always decode to the same text), else its text hashed
        // here on all cores.
        Map<Runbook, String> textHashes = new java.util.IdentityHashMap<>();
        String[] hashed = runbooks.parallelStream()
                .map(r -> contentHash(request, r))
                .toArray(String[]::new);
        for (int i = 0; i < runbooks.size(); i++) {
            textHashes.put(runbooks.get(i), hashed[i]);
        }
        PageNav[] navOf = new PageNav[runbooks.size()];
        BuildState.PageState[] stateOf = new BuildState.PageState[runbooks.size()];
        java.util.stream.IntStream.range(0, runbooks.size()).parallel().forEach(i -> {
            Runbook runbook = runbooks.get(i);
            String page = layout.pageOf(runbook.relativePath());
            PageNav nav = Views.pageNav(runbook.relativePath(), request.editUrl(), lastChanged.get(runbook.relativePath()),
                    neighbours.get(all.get(i).url()));
            navOf[i] = nav;
            stateOf[i] = new BuildState.PageState(
                    Hashes.of(global, runbook.relativePath(), page, hashed[i], facts(runbook),
                            shownStatus(statuses.get(runbook)),
                            findingsKey(findings.getOrDefault(runbook.relativePath(), List.of())),
                            layout.fingerprintFor(runbook), nav.hashKey(),
                            alertViews.panel(request.alerts(), runbook.relativePath()).toString()),
                    page);
        });
        Map<String, PageNav> navs = new HashMap<>();
        Map<String, BuildState.PageState> pages = new TreeMap<>();
        for (int i = 0; i < runbooks.size(); i++) {
            navs.put(runbooks.get(i).relativePath(), navOf[i]);
            pages.put(runbooks.get(i).relativePath(), stateOf[i]);
        }

        String siteWide = siteWideHash(global, all, layout.redirects(),
                request.alerts() == null ? null : alertViews.page(request.alerts()));
        log.debug("runbook: site: layout, views and page hashes took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        // A swap or a manifest write cut short by a kill is settled before anything is compared.
        AtomicFiles.recoverInterruptedSwap(output);
        AtomicFiles.removeLeftoverTemporaries(request.stateFile());
        BuildState previous = BuildState.readMatching(request.stateFile(), output);
        boolean full = previous == null || !previous.global().equals(global) || !Files.isDirectory(output);
        List<Runbook> toRender = new ArrayList<>();
        for (Runbook runbook : runbooks) {
            BuildState.PageState now = pages.get(runbook.relativePath());
            BuildState.PageState before = full ? null : previous.pages().get(runbook.relativePath());
            if (before == null || !before.equals(now) || !Files.isRegularFile(output.resolve(now.page()))) {
                toRender.add(runbook);
            }
        }
        boolean anyChange = full || !toRender.isEmpty() || !previous.pages().keySet().equals(pages.keySet())
                || previous.generated().stream().anyMatch(f -> !Files.exists(output.resolve(f)))
                || reportChanged(request, output);
        if (!anyChange) {
            // Every page and generated file is in place and up to date: the site on disk is the one this
            // build would assemble, so it is left alone rather than hard-linked file by file into a
            // staging copy and swapped back (at 10,000 pages that copy was most of a no-op build).
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new SiteResult(0, runbooks.size(), 0, false, millis, output);
        }

        // An incremental build recycles the site its last swap replaced as its staging folder: mirroring the live
        // site into it changes the few files that differ, where a fresh folder needs every folder made and every
        // file linked (and, after the swap, as many deleted). A full build shares nothing with it, and where the
        // file system cannot hard-link, a kept folder would be a whole second copy of the site: neither keeps it.
        Path recycled = recycledSiteFor(request.stateFile());
        if (full) {
            AtomicFiles.deleteRecursively(recycled);
        }
        Path staging = full ? AtomicFiles.stagingDirectoryFor(output) : AtomicFiles.stagingDirectoryFor(output, recycled);
        try {
            OutputRoot site = new OutputRoot(staging);
            boolean keepSiteWide = false;
            long siteWideCheckMillis = 0;
            boolean recycle = false;
            if (!full) {
                long linkStart = System.nanoTime();
                TreeCopy.Mirrored carried = TreeCopy.mirror(output, staging);
                log.debug("runbook: site: carried " + carried.files() + " files over from the previous site ("
                        + carried.alreadyThere() + " already in the recycled folder) in "
                        + (System.nanoTime() - linkStart) / 1_000_000 + " ms");
                recycle = carried.linked();
                long checkStart = System.nanoTime();
                keepSiteWide = siteWide.equals(previous.siteWide()) && previous.siteWideFilesIntact(staging);
                siteWideCheckMillis = (System.nanoTime() - checkStart) / 1_000_000;
                Set<String> kept = keepSiteWide
                        ? new java.util.HashSet<>(previous.siteWideFiles().stream().map(BuildState.FileHash::path).toList())
                        : Set.of();
                // The manifest is a file on disk: its paths go through the containment check like any name.
                for (String file : previous.generated()) {
                    // The search index's own files stay: its writer keeps the shards whose bytes do not change.
                    if (!SearchIndexWriter.isIndexFile(file) && !kept.contains(file)) {
                        site.deleteIfInside(file);
                    }
                }
                for (Map.Entry<String, BuildState.PageState> old : previous.pages().entrySet()) {
                    BuildState.PageState now = pages.get(old.getKey());
                    if (now == null || !now.page().equals(old.getValue().page())) {
                        site.deleteIfInside(old.getValue().page());
                    }
                }
            } else {
                List<String> missing = theme.copyAssets(staging);
                if (!missing.isEmpty()) {
                    log.warn("runbook: site: the theme has no " + String.join(", ", missing)
                            + "; pages link to it anyway (search stays inert until it exists)");
                }
            }

            PageWriter writer = new PageWriter(request, theme, views, layout, site, alertViews);
            long cacheStart = System.nanoTime();
            SearchSectionsCache searchCache = SearchSectionsCache.open(request.searchCache(), request.pluginVersion(), log);
            long renderStart = System.nanoTime();
            SearchPages searchPages = new SearchPages(searchCache, statuses, textHashes, layout);
            renderPages(toRender, statuses, findings, navs, writer, searchPages, request);
            log.debug("runbook: site: " + toRender.size() + " pages rendered in " + (System.nanoTime() - renderStart) / 1_000_000
                    + " ms (search cache read in " + (renderStart - cacheStart) / 1_000_000 + " ms)");

            // Past the early return above, something changed: the site-wide pages and the search index are settled.
            List<String> generated = new ArrayList<>();
            List<BuildState.FileHash> siteWideFiles;
            long aggregateStart = System.nanoTime();
            if (keepSiteWide) {
                siteWideFiles = previous.siteWideFiles();
                log.debug("runbook: site: index, tag, status and redirect pages kept: nothing they show changed"
                        + " (their bytes checked in " + siteWideCheckMillis + " ms)");
            } else {
                List<String> written = new ArrayList<>(writer.aggregatePages(all));
                written.addAll(writer.redirects());
                siteWideFiles = hashed(staging, written);
                log.debug("runbook: site: index, tag, status and redirect pages written in "
                        + (System.nanoTime() - aggregateStart) / 1_000_000 + " ms");
            }
            siteWideFiles.forEach(f -> generated.add(f.path()));
            int indexPages = generated.size();
            generated.addAll(copyAttachments(request, runbooks, layout, site));
            long searchStart = System.nanoTime();
            generated.addAll(writeSearchIndex(request, runbooks, searchPages, staging, pages));
            log.debug("runbook: site: search index written in " + (System.nanoTime() - searchStart) / 1_000_000 + " ms");
            publishReport(request, site);
            // Publish: the manifest first, naming the generation the staged site carries; then the swap. Killed
            // before the swap, the manifest names a generation the live site does not have: a full rebuild.
            BuildState state = BuildState.of(global, pages, generated, siteWide, siteWideFiles);
            AtomicFiles.writeString(site.forWriting(BuildState.GENERATION_FILE), state.generation() + "\n");
            CrashPoint.reached("site.staged");
            state.write(request.stateFile());
            CrashPoint.reached("site.manifest-written");
            AtomicFiles.swapIn(staging, output, recycle ? recycled : null);
            CrashPoint.reached("site.swapped");
            log.debug("runbook: site: built in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new SiteResult(toRender.size(), runbooks.size() - toRender.size(), indexPages, full, millis, output);
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }

    /**
     * Renders the pages. Each page's search data is made beside it, while its AST is in memory (the search cache
     * needs the AST of a page whose text changed, and a changed page is always rendered), then the AST is let go:
     * at 10,000 pages the site never holds more than the loader's budget of ASTs plus one per thread.
     */
    private static void renderPages(List<Runbook> toRender, Map<Runbook, RunbookStatus> statuses,
                                    Map<String, List<Finding>> findings, Map<String, PageNav> navs, PageWriter writer,
                                    SearchPages searchPages, SiteRequest request) throws SetupException, IOException {
        if (toRender.isEmpty()) {
            return;
        }
        AtomicInteger done = new AtomicInteger();
        int total = toRender.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.threads(), total));
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Runbook runbook : toRender) {
                futures.add(pool.submit(() -> {
                    writer.runbookPage(runbook, statuses.get(runbook), findings.getOrDefault(runbook.relativePath(), List.of()),
                            navs.get(runbook.relativePath()));
                    searchPages.make(runbook);
                    runbook.parsed().release();
                    int n = done.incrementAndGet();
                    if (total >= PROGRESS_EVERY && (n % PROGRESS_EVERY == 0 || n == total)) {
                        request.log().info("runbook: site: rendered " + n + "/" + total + " pages");
                    }
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<Void> future) throws SetupException, IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("site build interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SetupException s) {
                throw s;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new SetupException("page rendering failed: " + cause, cause);
        }
    }

    /**
     * Everything the index, status, tag, alerts, 404 and redirect pages show beyond what {@code global} covers
     * (theme, site title, base URL, build date and the other settings their frame shows): every runbook as
     * those pages list it (views are records of strings, so their text is their whole content), the
     * redirects and the alerts page. Equal hashes mean equal pages.
     */
    static String siteWideHash(String global, List<RunbookView> all, Map<String, String> redirects, Object alertsPage) {
        java.security.MessageDigest digest = Hashes.sha256();
        Hashes.update(digest, global);
        Hashes.update(digest, String.valueOf(all.size()));
        for (RunbookView view : all) {
            Hashes.update(digest, view.toString());
        }
        Hashes.update(digest, new TreeMap<>(redirects).toString());
        Hashes.update(digest, String.valueOf(alertsPage));
        return Hashes.hex(digest.digest());
    }

    /**
     * Where the site an incremental build replaced waits to be recycled by the next one: beside the manifest
     * ({@code target/runbook-site-state.json} → {@code target/runbook-site-state.recycled}), never beside the
     * published site, which a web server may be serving with its neighbours.
     */
    static Path recycledSiteFor(Path stateFile) {
        String name = stateFile.getFileName().toString();
        return stateFile.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".recycled");
    }

    /** The staged files with the SHA-256 of their bytes, in the order given. */
    private static List<BuildState.FileHash> hashed(Path staging, List<String> files) throws IOException {
        List<BuildState.FileHash> out = new ArrayList<>();
        for (String file : files) {
            out.add(new BuildState.FileHash(file, PageCacheFile.sha256(Files.readAllBytes(staging.resolve(file)))));
        }
        return out;
    }

    /** The page's content hash: the loader's SHA-256 of the file's bytes, or of its decoded text when there is none. */
    private static String contentHash(SiteRequest request, Runbook runbook) {
        String bytes = request.content().inputHash(runbook.relativePath());
        return bytes != null ? "bytes:" + bytes
                : PageCacheFile.sha256(runbook.source().text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The release report changes without any runbook changing; a new (or removed) one is a change. */
    private static boolean reportChanged(SiteRequest request, Path output) throws IOException {
        Path report = request.reportPageIfPresent();
        Path published = output.resolve(REPORT_PAGE);
        if (report == null) {
            return Files.exists(published);
        }
        return !Files.isRegularFile(published) || Files.mismatch(report, published) != -1;
    }

    /**
     * Copies the release report ({@code runbook:report}'s site rendering) to {@code report.html}, on every
     * build: it changes without any runbook changing. Without a report the site has none and does not link one.
     */
    private static void publishReport(SiteRequest request, OutputRoot site) throws IOException {
        Path target = site.forWriting(REPORT_PAGE);
        // Delete first: the carried-over file may be a hard link to the live site's copy.
        Files.deleteIfExists(target);
        Path report = request.reportPageIfPresent();
        if (report != null) {
            Files.copy(report, target);
        }
    }

    /**
     * Writes the search index and returns the files it wrote (everything in {@code search/} that is not a
     * runbook page), so the next incremental build can replace exactly those.
     */
    private static List<String> writeSearchIndex(SiteRequest request, List<Runbook> runbooks, SearchPages searchPages,
                                                 Path staging, Map<String, BuildState.PageState> pages) throws IOException {
        // One page per runbook: its sections and term counts from the search cache when its text is unchanged,
        // else from its own AST; those not made beside their rendering made on all cores (the list keeps runbook
        // order).
        long start = System.nanoTime();
        SearchSectionsCache cache = searchPages.cache();
        List<IndexedPage> indexed = runbooks.parallelStream().map(searchPages::of).toList();
        long made = System.nanoTime();
        cache.save();
        request.log().debug("runbook: site: search text read from " + cache.misses() + " of " + runbooks.size() + " pages");
        long saved = System.nanoTime();
        SearchIndexWriter.Written index = new SearchIndexWriter().writePages(indexed, staging);
        request.log().debug("runbook: site: search index: " + index.rewritten() + " of " + index.files().size()
                + " files written, the others unchanged (pages not rendered " + (made - start) / 1_000_000 + " ms, cache saved " + (saved - made) / 1_000_000 + " ms, index laid out "
                + index.layoutMillis() + " ms, compared and written " + ((System.nanoTime() - saved) / 1_000_000
                - index.layoutMillis()) + " ms)");
        Path folder = staging.resolve("search");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Set<String> pagePaths = new java.util.HashSet<>();
        pages.values().forEach(p -> pagePaths.add(p.page()));
        List<String> written = new ArrayList<>();
        try (var files = Files.walk(folder)) {
            files.filter(Files::isRegularFile)
                    .map(f -> staging.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !pagePaths.contains(f))
                    .sorted()
                    .forEach(written::add);
        }
        return written;
    }

    /**
     * Images and files the runbooks link to with a relative path (a diagram, a script) are copied beside
     * the pages, so the same relative link works on the site. Only files inside the content folder.
     */
    private static List<String> copyAttachments(SiteRequest request, List<Runbook> runbooks, SiteLayout layout,
                                                OutputRoot site) throws IOException {
        Path root = request.content().root();
        Set<String> files = new TreeSet<>();
        for (Runbook runbook : runbooks) {
            for (Link link : runbook.links()) {
                String destination = link.destination();
                if (link.hasScheme() || destination.isEmpty() || destination.startsWith("#") || destination.startsWith("/")) {
                    continue;
                }
                String path = SiteLayout.QUERY_OR_FRAGMENT.matcher(destination).replaceAll("");
                if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
                    continue;
                }
                String resolved = SiteLayout.resolve(runbook.relativePath(), path);
                if (resolved == null || resolved.isEmpty() || OutputRoot.problemWith(resolved).isPresent()
                        || SiteLayout.rootPrefix(resolved).isEmpty()
                        && SiteLayout.RESERVED_FILES.contains(resolved) || isReservedFolder(resolved)) {
                    continue;
                }
                Path file = root.resolve(resolved).normalize();
                if (file.startsWith(root) && Files.isRegularFile(file) && staysInside(file, root) && !files.contains(resolved)
                        && layout.redirects().get(resolved) == null) {
                    files.add(resolved);
                }
            }
        }
        for (String file : files) {
            Path target = site.forWriting(file);
            Files.copy(root.resolve(file), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new ArrayList<>(files);
    }

    /**
     * A symbolic link (to the file or to a folder on its path) may point anywhere on the machine; the site
     * publishes only what really lies in the content folder.
     */
    private static boolean staysInside(Path file, Path root) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isReservedFolder(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && SiteLayout.RESERVED_FOLDERS.contains(path.substring(0, slash).toLowerCase(java.util.Locale.ROOT));
    }

    /** Tag name -> its runbooks, for the tag pages. */
    static Map<TagLink, List<RunbookView>> byTag(List<RunbookView> all) {
        Map<String, TagLink> links = new HashMap<>();
        Map<String, List<RunbookView>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (RunbookView view : all) {
            for (TagLink tag : view.tags()) {
                links.putIfAbsent(tag.name().toLowerCase(java.util.Locale.ROOT), tag);
                grouped.computeIfAbsent(tag.name(), t -> new ArrayList<>()).add(view);
            }
        }
        Map<TagLink, List<RunbookView>> out = new LinkedHashMap<>();
        grouped.forEach((name, list) -> {
            List<RunbookView> sorted = new ArrayList<>(list);
            sorted.sort(Views.BY_SEVERITY_THEN_TITLE);
            out.put(links.get(name.toLowerCase(java.util.Locale.ROOT)), sorted);
        });
        return out;
    }

    static Frame frame(SiteRequest request, String page, String title, String section) {
        return new Frame(SiteLayout.rootPrefix(page), request.siteTitle(), title,
                request.baseUrl() == null ? null : request.baseUrl() + SiteLayout.href(page), request.buildDate().toString(), section,
                request.reportPageIfPresent() != null, request.builtOn() == null ? null : request.builtOn().toString(),
                "runbook-maven-plugin " + request.pluginVersion(), request.alerts() != null);
    }

    /**
     * What the page shows from the front-matter, as read: the same text reads differently under other
     * {@code frontMatter.aliases} (a {@code name:} key becoming the title), so the text alone does not decide.
     */
    static String facts(Runbook runbook) {
        var fm = runbook.frontMatter();
        return String.join("\u0000", String.valueOf(runbook.title()), String.valueOf(fm.title()),
                String.valueOf(fm.description()), String.valueOf(fm.services()), String.valueOf(fm.owner()),
                String.valueOf(fm.severity()), String.valueOf(fm.tags()), String.valueOf(fm.lastReviewed()),
                String.valueOf(fm.reviewEvery()), String.valueOf(fm.aliases()), String.valueOf(fm.draft()),
                String.valueOf(fm.alerts()));
    }

    /**
     * A page's findings, every field of each, for its hash. Not the list's {@code toString}: a record's goes
     * through a method handle per field, and at 10,064 pages the 25,000 findings' strings were a third of the
     * per-page hashes.
     */
    static String findingsKey(List<Finding> findings) {
        dev.runbook.core.KeyBuilder key = new dev.runbook.core.KeyBuilder(findings.size() * 160);
        for (Finding finding : findings) {
            key.add(finding.ruleId()).add(finding.severity().name()).add(finding.file()).add(finding.line())
                    .add(finding.column()).add(finding.message()).add(finding.hint());
        }
        return key.toString();
    }

    /**
     * The status as far as the page shows it: the day it was proven, not the instant, so that a smoke run
     * every build does not re-render every verified page.
     */
    static String shownStatus(RunbookStatus status) {
        String proven = status.lastVerified() == null ? ""
                : java.time.LocalDate.ofInstant(status.lastVerified(), java.time.ZoneOffset.UTC).toString();
        return String.join("|", status.verification().name(), proven, String.valueOf(status.reviewOverdue()),
                String.valueOf(status.reviewDue()), String.join("\n", status.failures()));
    }
}
