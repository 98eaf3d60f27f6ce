package dev.runbook.alerts;

import dev.runbook.core.SetupException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the rule files the {@code alertRules} globs name and reads the alerting rules from them. Two
 * layouts, in any document of a multi-document file: a Prometheus rule file ({@code groups: - rules: -
 * alert:}) and a Kubernetes {@code PrometheusRule} manifest ({@code spec: groups: ...}). Other documents
 * (a Deployment beside the rules) are skipped; a file with no rule group at all, a file that is not YAML and
 * a malformed rule are {@link RuleFileProblem}s, and the other files are still read.
 */
public final class AlertRuleFiles {

    private AlertRuleFiles() {
    }

    /**
     * The files the globs match, sorted; globs are relative to {@code base} ('/' separators, {@code **} crosses
     * folders). A glob that matches no file is a setup error: the cross-check would silently check nothing.
     */
    public static List<Path> find(Path base, List<String> globs) throws SetupException {
        TreeSet<Path> files = new TreeSet<>();
        Path root = base.toAbsolutePath().normalize();
        for (String glob : globs) {
            String pattern = glob.strip().replace('\\', '/');
            if (pattern.isEmpty()) {
                continue;
            }
            List<Path> matched = new ArrayList<>();
            Path literal = Path.of(pattern);
            if (literal.isAbsolute() || pattern.startsWith("../")) {
                throw new SetupException("alertRules: '" + glob + "' must be relative to the project folder and stay inside it");
            }
            if (!hasGlob(pattern)) {
                Path file = root.resolve(pattern).normalize();
                if (Files.isRegularFile(file)) {
                    matched.add(file);
                }
            } else {
                java.util.regex.Pattern matcher = globRegex(pattern);
                Path start = root.resolve(literalPrefix(pattern)).normalize();
                if (Files.isDirectory(start)) {
                    // Symbolic links are followed (a rule folder linked in from a checkout); a loop is an error.
                    try (Stream<Path> walk = Files.walk(start, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                        walk.filter(Files::isRegularFile)
                                .filter(p -> matcher.matcher(root.relativize(p).toString().replace('\\', '/')).matches())
                                .forEach(matched::add);
                    } catch (IOException | java.io.UncheckedIOException e) {
                        throw new SetupException("alertRules: cannot list " + start + ": " + e.getMessage(), e);
                    }
                }
            }
            if (matched.isEmpty()) {
                throw new SetupException("alertRules: '" + glob + "' matches no file under " + root
                        + " (globs are relative to the project folder; ** crosses folders, e.g. alerts/**/*.yaml)");
            }
            files.addAll(matched);
        }
        return List.copyOf(files);
    }

    /**
     * Ant-style globs, as Maven users write them: {@code **}{@code /} is zero or more folders (so
     * {@code alerts/**}{@code /*.yaml} matches {@code alerts/a.yaml} too), {@code *} and {@code ?} stay within a
     * folder, {@code {a,b}} is either.
     */
    static java.util.regex.Pattern globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (c == '*' && glob.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '{') {
                regex.append("(?:");
                inBraces = true;
            } else if (c == '}' && inBraces) {
                regex.append(')');
                inBraces = false;
            } else if (c == ',' && inBraces) {
                regex.append('|');
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return java.util.regex.Pattern.compile(regex.toString());
    }

    private static boolean hasGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '{');
    }

    private static String literalPrefix(String pattern) {
        StringBuilder prefix = new StringBuilder();
        for (String part : pattern.split("/")) {
            if (hasGlob(part)) {
                break;
            }
            prefix.append(part).append('/');
        }
        return prefix.isEmpty() ? "." : prefix.toString();
    }

    /**
     * Reads every file; {@code contentRoot} is what the file names in findings are relative to (a rule file
     * outside the content folder is named {@code ../alerts/x.yaml}).
     */
    public static AlertRuleSet read(List<Path> files, Path contentRoot) {
        List<String> names = new ArrayList<>();
        List<AlertRule> alerts = new ArrayList<>();
        List<RuleFileProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = displayName(contentRoot, file);
            names.add(name);
            readOne(file, name, alerts, problems);
        }
        return new AlertRuleSet(names, alerts, problems);
    }

    /** The file's path from the content root, '/'-separated. */
    public static String displayName(Path contentRoot, Path file) {
        return real(contentRoot).relativize(real(file)).toString().replace('\\', '/');
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static void readOne(Path file, String name, List<AlertRule> alerts, List<RuleFileProblem> problems) {
        List<YamlNodes.Node> documents;
        boolean broken = false;
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            documents = YamlNodes.documents(reader);
        } catch (YamlNodes.SyntaxError e) {
            problems.add(new RuleFileProblem(name, e.at, "not valid YAML: " + e.getMessage()));
            documents = e.before; // the documents before the broken one still count
            broken = true;
        } catch (CharacterCodingException e) {
            problems.add(new RuleFileProblem(name, new AlertRule.Position(1, 1), "not UTF-8 text: " + e.getMessage()));
            return;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            problems.add(new RuleFileProblem(name, new AlertRule.Position(1, 1), "cannot be read: " + message));
            return;
        }
        boolean anyGroups = false;
        for (YamlNodes.Node document : documents) {
            if (!(document instanceof YamlNodes.MapNode root)) {
                continue;
            }
            YamlNodes.Node groups = root.get("groups");
            if (groups == null && root.get("spec") instanceof YamlNodes.MapNode spec) {
                groups = spec.get("groups");
            }
            if (groups == null) {
                continue;
            }
            anyGroups = true;
            if (!(groups instanceof YamlNodes.ListNode list)) {
                problems.add(new RuleFileProblem(name, groups.at(), "groups must be a list of rule groups"));
                continue;
            }
            for (YamlNodes.Node group : list.items()) {
                readGroup(group, name, alerts, problems);
            }
        }
        if (!anyGroups && !broken) {
            problems.add(new RuleFileProblem(name, new AlertRule.Position(1, 1),
                    "no rule groups: neither 'groups:' (a Prometheus rule file) nor 'spec: groups:' (a PrometheusRule) in any document"));
        }
    }

    private static void readGroup(YamlNodes.Node node, String file, List<AlertRule> alerts, List<RuleFileProblem> problems) {
        if (!(node instanceof YamlNodes.MapNode group)) {
            problems.add(new RuleFileProblem(file, node.at(), "a rule group must be a mapping with 'name' and 'rules'"));
            return;
        }
        String groupName = group.text("name");
        YamlNodes.Node rules = group.get("rules");
        if (rules == null || rules instanceof YamlNodes.Scalar s && s.text() == null) {
            return; // An empty group is legal.
        }
        if (!(rules instanceof YamlNodes.ListNode list)) {
            problems.add(new RuleFileProblem(file, rules.at(), "rules of group " + groupName + " must be a list"));
            return;
        }
        for (YamlNodes.Node item : list.items()) {
            if (!(item instanceof YamlNodes.MapNode rule)) {
                problems.add(new RuleFileProblem(file, item.at(), "a rule must be a mapping with 'alert' or 'record'"));
                continue;
            }
            if (rule.get("alert") == null) {
                if (rule.get("record") == null) {
                    problems.add(new RuleFileProblem(file, rule.at(), "a rule has neither 'alert' nor 'record'"));
                }
                continue;
            }
            String alert = rule.text("alert");
            AlertRule.Position at = rule.keys().get("alert");
            if (alert == null || alert.isBlank()) {
                problems.add(new RuleFileProblem(file, at, "'alert' must be the alert's name"));
                continue;
            }
            String url = null;
            AlertRule.Position urlAt = null;
            if (rule.get("annotations") instanceof YamlNodes.MapNode annotations && annotations.get("runbook_url") != null) {
                url = annotations.text("runbook_url");
                urlAt = annotations.get("runbook_url").at();
            }
            alerts.add(new AlertRule(alert.strip(), rule.text("expr"), rule.text("for"), scalars(rule.get("labels")), url,
                    file, groupName, at, urlAt));
        }
    }

    private static Map<String, String> scalars(YamlNodes.Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YamlNodes.MapNode map) {
            map.values().forEach((k, v) -> {
                if (v instanceof YamlNodes.Scalar s && s.text() != null) {
                    out.put(k, s.text());
                }
            });
        }
        return out;
    }
}
