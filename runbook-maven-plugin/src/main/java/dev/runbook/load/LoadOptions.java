package dev.runbook.load;

import dev.runbook.core.SetupException;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Which files of the content folder are runbooks, and how their front-matter keys are named: what a
 * repository laid out for another tool needs (a Middleman/tech-docs tree is {@code **}{@code /*.html.md.erb}
 * with {@code last_reviewed_on}, a MkDocs one {@code docs/**}{@code /*.md}).
 *
 * @param includes           globs relative to the content folder, '/'-separated, case-insensitive; a file is
 *                           read when one matches ({@code **}{@code /} also matches no folder, as
 *                           in Maven: {@code **}{@code /*.md} takes the top level too)
 * @param excludes           globs of files never read, even when an include matches
 * @param frontMatterAliases front-matter key as written → the key the plugin reads ({@code last_reviewed_on →
 *                           last_reviewed}); an aliased key is not unknown
 */
public record LoadOptions(List<String> includes, List<String> excludes, Map<String, String> frontMatterAliases) {

    /** Compiled globs, shared: declared before {@link #DEFAULTS}, whose construction compiles its globs. */
    private static final Map<String, List<PathMatcher>> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.md");

    /** Every {@code *.md} file, keys as the plugin names them. */
    public static final LoadOptions DEFAULTS = new LoadOptions(DEFAULT_INCLUDES, List.of(), Map.of());

    public LoadOptions {
        includes = clean(includes);
        if (includes.isEmpty()) {
            includes = DEFAULT_INCLUDES;
        }
        excludes = clean(excludes);
        Map<String, String> aliases = new LinkedHashMap<>();
        if (frontMatterAliases != null) {
            frontMatterAliases.forEach((from, to) -> {
                if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
                    aliases.put(from.strip(), to.strip());
                }
            });
        }
        frontMatterAliases = java.util.Collections.unmodifiableMap(aliases);
        for (String glob : includes) {
            matchers(glob);
        }
        for (String glob : excludes) {
            matchers(glob);
        }
    }

    /**
     * Options from the plugin's parameters, each mistake named after its parameter: a glob that does not
     * compile, or an alias to a key the plugin does not read.
     */
    public static LoadOptions of(List<String> includes, List<String> excludes, Map<String, String> frontMatterAliases)
            throws SetupException {
        try {
            LoadOptions options = new LoadOptions(includes, excludes, frontMatterAliases);
            for (Map.Entry<String, String> alias : options.frontMatterAliases().entrySet()) {
                if (!FrontMatterParser.KNOWN_KEYS.contains(alias.getValue())) {
                    throw new SetupException("frontMatterAliases (runbook.frontMatter.aliases): '" + alias.getKey() + "="
                            + alias.getValue() + "' maps to '" + alias.getValue() + "', which is not a front-matter key"
                            + " the plugin reads; use one of " + String.join(", ", FrontMatterParser.KNOWN_KEYS));
                }
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new SetupException("includes / excludes (runbook.includes / runbook.excludes): " + e.getMessage(), e);
        }
    }

    /** Whether the file at this '/'-separated path below the content folder is a runbook. */
    public boolean selects(String relativePath) {
        if (excludes.isEmpty() && includes.equals(DEFAULT_INCLUDES) && withoutLineBreaks(relativePath)) {
            // What the two default globs (**/*.md and *.md) select, said without them: every content walk asks
            // for every file, and matching globs cost ~100 ms a goal at 10,000 files in a fresh JVM.
            return relativePath.toLowerCase(Locale.ROOT).endsWith(".md");
        }
        return selectedByGlobs(relativePath);
    }

    /** {@link #selects} by the globs alone; for tests, which hold the shortcut to it. */
    boolean selectedByGlobs(String relativePath) {
        return anyMatches(includes, relativePath) && !excluded(relativePath);
    }

    /**
     * Whether no char of {@code path} ends a line for {@code java.util.regex}: a glob's {@code **} is
     * {@code .*}, which stops at one, so such a path (legal on Linux) is left to the globs.
     */
    private static boolean withoutLineBreaks(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** Whether an exclude glob matches this path. */
    public boolean excluded(String relativePath) {
        return anyMatches(excludes, relativePath);
    }

    /** Whether these are the defaults (only {@code *.md}, no aliases): messages then suggest setting them. */
    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    private static boolean anyMatches(List<String> globs, String relativePath) {
        Path path = Path.of(relativePath.toLowerCase(Locale.ROOT));
        for (String glob : globs) {
            for (PathMatcher matcher : matchers(glob)) {
                if (matcher.matches(path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The glob and its forms with each {@code **}{@code /} left out, so that {@code **}{@code /} also matches
     * no folder as in Maven and Ant ({@code docs/**}{@code /*.md} takes {@code docs/x.md}); Java's own glob
     * needs at least one folder there.
     */
    private static List<PathMatcher> matchers(String glob) {
        return COMPILED.computeIfAbsent(glob, g -> {
            java.util.Set<String> forms = new java.util.LinkedHashSet<>();
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(g.toLowerCase(Locale.ROOT)));
            while (!todo.isEmpty() && forms.size() < 64) {
                String form = todo.pop();
                if (!forms.add(form)) {
                    continue;
                }
                for (int i = form.indexOf("**/"); i >= 0; i = form.indexOf("**/", i + 1)) {
                    if (i == 0 || form.charAt(i - 1) == '/') {
                        todo.push(form.substring(0, i) + form.substring(i + 3));
                    }
                }
            }
            List<PathMatcher> out = new ArrayList<>();
            try {
                for (String form : forms) {
                    out.add(FileSystems.getDefault().getPathMatcher("glob:" + form));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + g + "' is not a glob: " + e.getDescription()
                        + " (write e.g. **/*.md or docs/**/*.html.md.erb)", e);
            }
            return List.copyOf(out);
        });
    }

    private static List<String> clean(List<String> globs) {
        if (globs == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String glob : globs) {
            if (glob != null && !glob.isBlank()) {
                String g = glob.strip().replace('\\', '/');
                out.add(g.startsWith("/") ? g.substring(1) : g);
            }
        }
        return List.copyOf(out);
    }
}
