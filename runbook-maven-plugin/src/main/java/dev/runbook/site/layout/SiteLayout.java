package dev.runbook.site.layout;

import dev.runbook.core.RunLog;
import dev.runbook.load.Slugger;
import dev.runbook.model.Runbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where every page of the site goes. A runbook {@code a/b.md} becomes {@code a/b.html}, unless that path is
 * one the site itself needs ({@code index.html}, {@code 404.html}, {@code status.html}, a tag page
 * {@code tags/<tag>.html}, anything in {@code assets/}): then it gets a suffix and a warning. The search
 * index lives in {@code search/} too, but only as {@code .js} files, so a service folder named
 * {@code search} keeps its natural page paths. Aliases become redirect pages.
 * All hrefs are relative, so the site works from {@code file://} and from any sub-path of a web server.
 */
public final class SiteLayout {

    /** What {@code replaceAll("[?#].*$", "")} removed, compiled once (it ran for every link of every page). */
    public static final java.util.regex.Pattern QUERY_OR_FRAGMENT = java.util.regex.Pattern.compile("[?#].*$");


    public static final Set<String> RESERVED_FILES = Set.of("index.html", "404.html", "status.html", "report.html", "alerts.html");
    /** Folders whose every file belongs to the site (tags/ holds only tag pages, but see {@link #isReserved}). */
    public static final Set<String> RESERVED_FOLDERS = Set.of("assets");

    private final Map<String, String> pageOf = new LinkedHashMap<>();
    private final Map<String, String> redirects = new TreeMap<>();
    private final Map<String, String> tagFiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private SiteLayout() {
    }

    /** Plans the pages of these runbooks (sorted by path) and logs every path it had to change. */
    public static SiteLayout plan(List<Runbook> runbooks, RunLog log) {
        SiteLayout layout = new SiteLayout();
        Set<String> tagSlugs = new HashSet<>();
        List<String> tags = new ArrayList<>(runbooks.stream().flatMap(r -> r.frontMatter().tags().stream()).distinct().toList());
        Collections.sort(tags);
        for (String tag : tags) {
            if (layout.tagFiles.containsKey(tag)) {
                continue;
            }
            String slug = Slugger.slugOf(tag.strip());
            slug = slug.isEmpty() ? "tag" : slug;
            String candidate = slug;
            for (int i = 1; !tagSlugs.add(candidate); i++) {
                candidate = slug + "-" + i;
            }
            layout.tagFiles.put(tag, "tags/" + candidate + ".html");
        }
        Set<String> taken = new HashSet<>();
        layout.tagFiles.values().forEach(page -> taken.add(lower(page)));
        for (Runbook runbook : runbooks) {
            String wanted = runbook.pagePath();
            String page = wanted;
            if (isReserved(page) || taken.contains(lower(page))) {
                page = freePath(wanted, taken);
                boolean ours = isReserved(wanted) || layout.tagFiles.containsValue(wanted);
                log.warn(runbook.relativePath() + ":1:1: warning [site.reserved-path] would be written to " + wanted
                        + (ours ? ", which the site needs for itself" : ", which another page already uses")
                        + "; it is published as " + page + " instead (fix: rename the file)");
            }
            taken.add(lower(page));
            layout.pageOf.put(runbook.relativePath(), page);
        }
        for (Runbook runbook : runbooks) {
            for (String alias : runbook.frontMatter().aliases()) {
                String normalized = normalize(alias.startsWith("/") ? alias.substring(1) : alias);
                if (normalized == null || normalized.isEmpty()) {
                    log.warn(runbook.relativePath() + ":" + runbook.frontMatter().positionOf("aliases").line()
                            + ":1: warning [site.alias] alias '" + alias + "' leaves the content folder; no redirect written");
                    continue;
                }
                String from = normalized.toLowerCase(Locale.ROOT).endsWith(".md")
                        ? normalized.substring(0, normalized.length() - 3) + ".html"
                        : normalized.toLowerCase(Locale.ROOT).endsWith(".html") ? normalized : normalized + ".html";
                java.util.Optional<String> badName = dev.runbook.core.OutputRoot.problemWith(from);
                if (badName.isPresent()) {
                    log.warn(runbook.relativePath() + ":" + runbook.frontMatter().positionOf("aliases").line()
                            + ":1: warning [site.alias] alias '" + alias + "' " + badName.get() + "; no redirect written"
                            + " (fix: " + dev.runbook.core.OutputRoot.renameHint() + ")");
                    continue;
                }
                if (isReserved(from) || taken.contains(lower(from))) {
                    log.warn(runbook.relativePath() + ":" + runbook.frontMatter().positionOf("aliases").line()
                            + ":1: warning [site.alias] alias '" + alias + "' would replace " + from
                            + ", which is a page of the site; no redirect written");
                    continue;
                }
                taken.add(lower(from));
                layout.redirects.put(from, layout.pageOf.get(runbook.relativePath()));
                if (normalized.toLowerCase(Locale.ROOT).endsWith(".md")) {
                    layout.pageOf.putIfAbsent(normalized, layout.pageOf.get(runbook.relativePath()));
                }
            }
        }
        return layout;
    }

    private static boolean isReserved(String page) {
        String lower = lower(page);
        int slash = lower.indexOf('/');
        return slash < 0 ? RESERVED_FILES.contains(lower) : RESERVED_FOLDERS.contains(lower.substring(0, slash));
    }

    private static String freePath(String wanted, Set<String> taken) {
        int slash = wanted.indexOf('/');
        for (int i = 1; ; i++) {
            String candidate = slash < 0
                    ? wanted.substring(0, wanted.length() - 5) + "-" + i + ".html"
                    : RESERVED_FOLDERS.contains(lower(wanted.substring(0, slash)))
                            ? wanted.substring(0, slash) + "-" + i + wanted.substring(slash)
                            : wanted.substring(0, wanted.length() - 5) + "-" + i + ".html";
            if (!isReserved(candidate) && !taken.contains(lower(candidate))) {
                return candidate;
            }
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The page of a runbook (or of an alias of one), by content path; null when there is none. */
    public String pageOf(String relativeMarkdownPath) {
        return pageOf.get(relativeMarkdownPath);
    }

    /** Old page path -> page it redirects to, both relative to the site root. */
    public Map<String, String> redirects() {
        return Collections.unmodifiableMap(redirects);
    }

    /** The page listing a tag, relative to the site root. */
    public String tagPage(String tag) {
        return tagFiles.get(tag);
    }

    public Map<String, String> tagPages() {
        return Collections.unmodifiableMap(tagFiles);
    }

    /**
     * The parts of the plan a runbook's page depends on: where the pages it links to and its tag pages are.
     * Part of the page's hash, so renaming a linked page re-renders the pages that link to it, and only those.
     */
    public String fingerprintFor(Runbook runbook) {
        StringBuilder out = new StringBuilder();
        for (dev.runbook.model.Link link : runbook.links()) {
            String destination = QUERY_OR_FRAGMENT.matcher(link.destination()).replaceAll("");
            if (!link.hasScheme() && destination.toLowerCase(Locale.ROOT).endsWith(".md")) {
                String target = resolve(runbook.relativePath(), destination);
                out.append(destination).append('=').append(target == null ? null : pageOf.get(target)).append('\n');
            }
        }
        for (String tag : runbook.frontMatter().tags()) {
            out.append('#').append(tag).append('=').append(tagFiles.get(tag)).append('\n');
        }
        return out.toString();
    }

    /** A page path as it goes into an href: each segment percent-encoded ("my page.html" -> "my%20page.html"). */
    public static String href(String pagePath) {
        StringBuilder out = new StringBuilder();
        for (String segment : pagePath.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** "" for a page at the top, "../" one folder down, and so on. */
    public static String rootPrefix(String pagePath) {
        int depth = (int) pagePath.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    /**
     * Resolves {@code path} against the folder of {@code fromFile} (both '/'-separated, relative to the root)
     * and removes {@code .} and {@code ..}; null when the result would leave the root.
     */
    public static String resolve(String fromFile, String path) {
        int slash = fromFile.lastIndexOf('/');
        String base = slash < 0 ? "" : fromFile.substring(0, slash + 1);
        return normalize(path.startsWith("/") ? path.substring(1) : base + path);
    }

    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
