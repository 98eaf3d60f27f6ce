package dev.runbook.validate.links.external;

import dev.runbook.model.Link;
import dev.runbook.model.Runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
