package dev.runbook.alerts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a {@code runbook_url} onto the content paths it may mean (docs/validate.md, "Alert rules"):
 *
 * <ol>
 *   <li>the longest configured prefix the URL starts with is cut off (a URL under no prefix is
 *       {@link Target#external() external}: the plugin cannot judge it);</li>
 *   <li>{@code ?query} is dropped, {@code #fragment} kept apart as the anchor, {@code %xx} decoded;</li>
 *   <li>the rest is joined to the prefix's folder. A <b>file view</b> prefix (one with {@code /blob/} or
 *       {@code /tree/} in it, as GitHub and GitLab URLs have) names the file exactly, case-sensitively
 *       ({@code x/} means {@code x/README.md}); any other prefix is a <b>published site</b>: the path may end in
 *       {@code /}, {@code .html} or nothing and means {@code x.md}, {@code x/index.md}, {@code x/_index.md} or
 *       {@code x/README.md}, compared case-insensitively, because site generators (Hugo by default) lower-case
 *       the page paths they publish.</li>
 * </ol>
 */
public final class RunbookBases {

    /** One prefix and its folder ('/'-separated, "" for the content folder itself). */
    public record Base(String prefix, String folder, boolean fileView) {
    }

    /**
     * Where a URL leads: the candidate content paths (the first existing one wins), the anchor or null, and
     * the base it fell under; {@code base} null means external.
     */
    public record Target(Base base, List<String> candidates, String fragment) {
        public boolean external() {
            return base == null;
        }

        public boolean caseInsensitive() {
            return base != null && !base.fileView();
        }
    }

    private final List<Base> bases;

    public RunbookBases(Map<String, String> prefixToFolder) {
        List<Base> list = new ArrayList<>();
        prefixToFolder.forEach((prefix, folder) -> list.add(new Base(prefix.strip(), folder(folder), fileView(prefix))));
        list.sort(Comparator.comparingInt((Base b) -> b.prefix().length()).reversed());
        this.bases = List.copyOf(list);
    }

    public List<Base> bases() {
        return bases;
    }

    static boolean fileView(String prefix) {
        return prefix.contains("/blob/") || prefix.contains("/tree/");
    }

    private static String folder(String folder) {
        String f = folder == null ? "" : folder.strip().replace('\\', '/');
        while (f.startsWith("./")) {
            f = f.substring(2);
        }
        if (f.equals(".")) {
            f = "";
        }
        f = f.replaceAll("/+$", "");
        return f.isEmpty() ? "" : f + "/";
    }

    /** Is this an http(s) URL at all (not {@code NA}, not a template)? */
    public static boolean isUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !text.contains("{{") && !text.contains(" ");
    }

    public Target resolve(String url) {
        Optional<Base> base = bases.stream().filter(b -> url.startsWith(b.prefix())).findFirst();
        if (base.isEmpty()) {
            return new Target(null, List.of(), null);
        }
        String rest = url.substring(base.get().prefix().length());
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        try {
            rest = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A stray % stays as written.
        }
        rest = rest.replaceAll("^/+", "");
        String path = base.get().folder() + rest;
        List<String> candidates = new ArrayList<>();
        if (base.get().fileView()) {
            candidates.add(path.isEmpty() || path.endsWith("/") ? path + "README.md" : path);
        } else {
            String p = path.replaceAll("/+$", "");
            if (p.endsWith(".md")) {
                candidates.add(p);
            } else {
                if (p.endsWith(".html")) {
                    p = p.substring(0, p.length() - 5);
                }
                String dir = p.isEmpty() ? "" : p + "/";
                if (!p.isEmpty()) {
                    candidates.add(p + ".md");
                }
                candidates.add(dir + "index.md");
                candidates.add(dir + "_index.md");
                candidates.add(dir + "README.md");
            }
        }
        return new Target(base.get(), List.copyOf(candidates), fragment == null || fragment.isEmpty() ? null : fragment);
    }
}
