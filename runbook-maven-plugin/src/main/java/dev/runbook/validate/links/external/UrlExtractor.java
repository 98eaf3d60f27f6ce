package dev.runbook.validate.links.external;

import dev.runbook.model.Link;
import dev.runbook.model.Runbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The unique http(s) URLs of all runbooks, each with every place it is used. The fragment is dropped
 * (the server never sees it), so {@code page#a} and {@code page#b} are one check.
 */
public final class UrlExtractor {

    private UrlExtractor() {
    }

    public static Map<String, List<UrlPlace>> extract(List<Runbook> runbooks) {
        Map<String, List<UrlPlace>> urls = new TreeMap<>();
        for (Runbook runbook : runbooks) {
            for (Link link : runbook.links()) {
                if (link.isExternal()) {
                    urls.computeIfAbsent(withoutFragment(link.destination()), k -> new ArrayList<>())
                            .add(new UrlPlace(runbook.relativePath(), link.position()));
                }
            }
        }
        return urls;
    }

    /** How many unique URLs {@link #extract} would give, without gathering their places. */
    public static int countUnique(List<Runbook> runbooks) {
        Set<String> urls = new HashSet<>();
        for (Runbook runbook : runbooks) {
            addExternal(runbook, urls);
        }
        return urls.size();
    }

    // A method of its own, called per page: the JIT compiles it early, where a loop over 10,000 pages run
    // once would stay interpreted.
    private static void addExternal(Runbook runbook, Set<String> urls) {
        for (Link link : runbook.links()) {
            if (link.isExternal()) {
                urls.add(withoutFragment(link.destination()));
            }
        }
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
