package dev.runbook.alerts;

import dev.runbook.core.Closest;
import dev.runbook.core.SetupException;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * The alert ↔ runbook cross-check, computed once per loaded content: every alert with its status, the
 * runbooks no alert rule is for, and the rule files' problems. The {@code alert.*} rules report from it and
 * the site draws the alert panels and {@code alerts.html} from it, so both always agree.
 */
public final class AlertLinks {

    private static final Set<String> INDEX_PAGES = Set.of("index", "_index", "readme");
    private static final Map<LoadedContent, Map<String, AlertLinks>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final AlertRuleSet rules;
    private final List<AlertLink> links;
    private final List<OrphanRunbook> orphans;

    private AlertLinks(AlertRuleSet rules, List<AlertLink> links, List<OrphanRunbook> orphans) {
        this.rules = rules;
        this.links = List.copyOf(links);
        this.orphans = List.copyOf(orphans);
    }

    /**
     * The cross-check of this content, computed once for these settings and rule files as they are now (the four
     * rules running in parallel share it; a rule file edited in a long-lived JVM, such as mvnd's, is read again).
     */
    public static AlertLinks of(AlertSettings settings, LoadedContent content) throws SetupException {
        List<Path> files = AlertRuleFiles.find(settings.projectBase(), settings.ruleGlobs());
        StringBuilder key = new StringBuilder(settings.toString());
        for (Path file : files) {
            try {
                key.append('\n').append(file).append(' ').append(java.nio.file.Files.size(file)).append(' ')
                        .append(java.nio.file.Files.getLastModifiedTime(file).toMillis());
            } catch (java.io.IOException e) {
                key.append('\n').append(file).append(" unreadable");
            }
        }
        Map<String, AlertLinks> byKey = CACHE.computeIfAbsent(content, c -> Collections.synchronizedMap(new HashMap<>()));
        synchronized (byKey) {
            return byKey.computeIfAbsent(key.toString(),
                    k -> check(AlertRuleFiles.read(files, content.root()), new RunbookBases(settings.runbookBases()), content));
        }
    }

    /** The cross-check of rules already read. */
    public static AlertLinks check(AlertRuleSet rules, RunbookBases bases, LoadedContent content) {
        Map<String, Runbook> exact = content.byRelativePath();
        Map<String, Runbook> lower = new HashMap<>();
        for (Runbook runbook : content.runbooks()) {
            lower.putIfAbsent(runbook.relativePath().toLowerCase(Locale.ROOT), runbook);
        }
        List<AlertLink> links = new ArrayList<>();
        for (AlertRule alert : rules.alerts()) {
            links.add(link(alert, bases, content, exact, lower));
        }
        return new AlertLinks(rules, links, orphans(rules, links, content));
    }

    private static final java.util.regex.Pattern URL_IN_TEMPLATE = java.util.regex.Pattern.compile("https?://[^\\s\"'{}<>]+");

    private static AlertLink link(AlertRule alert, RunbookBases bases, LoadedContent content, Map<String, Runbook> exact,
                                  Map<String, Runbook> lower) {
        String url = alert.runbookUrl();
        if (url != null && url.contains("{{")) {
            // A Go template that picks one of several runbooks at alert time: every URL in it must lead somewhere.
            List<String> urls = URL_IN_TEMPLATE.matcher(url).results().map(java.util.regex.MatchResult::group).distinct().toList();
            if (!urls.isEmpty()) {
                List<String> pages = new ArrayList<>();
                AlertLink first = null;
                for (String one : urls) {
                    AlertLink each = linkUrl(alert, one, bases, content, exact, lower);
                    pages.addAll(each.pages());
                    if (first == null || each.status() != AlertLink.Status.LINKED && first.status() == AlertLink.Status.LINKED) {
                        first = each;
                    }
                }
                return new AlertLink(alert, first.status(), first.runbook() != null ? first.runbook() : pages.isEmpty() ? null : pages.get(0),
                        first.suggestion(), first.detail() == null ? null : first.detail() + " (one of the URLs in the template)", pages);
            }
        }
        if (url == null || !RunbookBases.isUrl(url)) {
            String named = pageNamed(alert.name(), content).orElse(null);
            return new AlertLink(alert, AlertLink.Status.MISSING, null, named,
                    url == null ? "no runbook_url annotation" : "runbook_url '" + url + "' is not an http(s) URL");
        }
        return linkUrl(alert, url, bases, content, exact, lower);
    }

    private static AlertLink linkUrl(AlertRule alert, String url, RunbookBases bases, LoadedContent content,
                                     Map<String, Runbook> exact, Map<String, Runbook> lower) {
        RunbookBases.Target target = bases.resolve(url);
        if (target.external()) {
            return new AlertLink(alert, AlertLink.Status.EXTERNAL, null, null, "under no configured alertRunbookBases prefix");
        }
        Runbook page = null;
        for (String candidate : target.candidates()) {
            page = target.caseInsensitive() ? lower.get(candidate.toLowerCase(Locale.ROOT)) : exact.get(candidate);
            if (page != null) {
                break;
            }
        }
        if (page == null) {
            String wanted = target.candidates().get(0);
            return new AlertLink(alert, AlertLink.Status.BROKEN, null, closestPage(wanted, alert.name(), content).orElse(null),
                    "no runbook at " + String.join(" or ", target.candidates()));
        }
        String fragment = target.fragment();
        if (fragment != null && !fragment.equals("top") && !page.anchors().contains(fragment)) {
            String anchor = Closest.to(fragment, page.anchors()).orElse(null);
            return new AlertLink(alert, AlertLink.Status.BROKEN_ANCHOR, page.relativePath(), anchor,
                    page.relativePath() + " has no anchor #" + fragment);
        }
        return new AlertLink(alert, AlertLink.Status.LINKED, page.relativePath(), null, null);
    }

    /**
     * The page the URL probably meant: one whose name could be a misspelling of it (the same words, each at
     * most one edit off, so another alert's runbook is not offered) in the same folder, else one of the same
     * name anywhere.
     */
    private static Optional<String> closestPage(String wanted, String alertName, LoadedContent content) {
        String stem = stem(wanted);
        // Lower-cased URLs (Hugo's) lose the word breaks; the alert's own name, when the URL is named after it, has them.
        String spelled = stem.equalsIgnoreCase(alertName) ? alertName : stem;
        String folder = folderOf(wanted).toLowerCase(Locale.ROOT);
        Map<String, String> byStem = new LinkedHashMap<>();
        content.runbooks().stream().map(Runbook::relativePath).sorted()
                .filter(p -> folderOf(p).toLowerCase(Locale.ROOT).equals(folder))
                .forEach(p -> byStem.putIfAbsent(stem(p), p));
        Optional<String> close = Closest.misspelling(spelled, byStem.keySet()).map(byStem::get);
        if (close.isPresent()) {
            return close;
        }
        return content.runbooks().stream().map(Runbook::relativePath)
                .filter(p -> stem(p).equalsIgnoreCase(stem)).sorted().findFirst();
    }

    private static Optional<String> pageNamed(String alertName, LoadedContent content) {
        return content.runbooks().stream().map(Runbook::relativePath)
                .filter(p -> stem(p).equalsIgnoreCase(alertName)).sorted().findFirst();
    }

    static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private static List<OrphanRunbook> orphans(AlertRuleSet rules, List<AlertLink> links, LoadedContent content) {
        Set<String> names = new HashSet<>();
        Set<String> namesLower = new HashSet<>();
        for (AlertRule alert : rules.alerts()) {
            names.add(alert.name());
            namesLower.add(alert.name().toLowerCase(Locale.ROOT));
        }
        Set<String> linkedPages = new HashSet<>();
        Set<String> linkedFolders = new TreeSet<>();
        for (AlertLink link : links) {
            for (String page : link.pages()) {
                linkedPages.add(page);
                linkedFolders.add(folderOf(page));
            }
        }
        List<OrphanRunbook> orphans = new ArrayList<>();
        for (Runbook runbook : content.runbooks()) {
            List<String> declared = runbook.frontMatter().alerts();
            if (!declared.isEmpty()) {
                for (String name : declared) {
                    if (!names.contains(name)) {
                        orphans.add(new OrphanRunbook(runbook.relativePath(), name, true, Closest.to(name, names).orElse(null)));
                    }
                }
                continue;
            }
            String path = runbook.relativePath();
            String stem = stem(path);
            if (!linkedFolders.contains(folderOf(path)) || INDEX_PAGES.contains(stem.toLowerCase(Locale.ROOT))
                    || linkedPages.contains(path) || namesLower.contains(stem.toLowerCase(Locale.ROOT))) {
                continue;
            }
            orphans.add(new OrphanRunbook(path, stem, false, Closest.to(stem, names).orElse(null)));
        }
        return orphans;
    }

    public AlertRuleSet rules() {
        return rules;
    }

    public List<AlertLink> links() {
        return links;
    }

    public List<OrphanRunbook> orphans() {
        return orphans;
    }

    /** The alerts whose runbook_url leads to this page (LINKED or BROKEN_ANCHOR), in rule-file order. */
    public Map<String, List<AlertLink>> byRunbook() {
        Map<String, List<AlertLink>> out = new LinkedHashMap<>();
        for (AlertLink link : links) {
            for (String page : link.pages()) {
                out.computeIfAbsent(page, k -> new ArrayList<>()).add(link);
            }
        }
        return out;
    }

    public long count(AlertLink.Status status) {
        return links.stream().filter(l -> l.status() == status).count();
    }
}
