package dev.runbook.arch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package structure of the compiled plugin, read with the JDK's own {@code jdeps} (through
 * {@link ToolProvider}), which reads the class files' constant pools: every reference counts, also a fully
 * qualified name that no import shows. Data flows one way (files → model → validate | smoke | site →
 * reports), so no two packages of {@code dev.runbook} may depend on each other, directly or around a loop,
 * sub-packages of one stage included; and only {@code dev.runbook.mojo} may touch Maven's API.
 */
class PackageCyclesTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s", Pattern.MULTILINE);

    private static Map<String, Set<String>> dependencies;

    @BeforeAll
    static void readClasses() {
        assertTrue(Files.isDirectory(CLASSES.resolve("dev/runbook")), "compile first: no " + CLASSES.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError(
                "jdeps is not in this Java runtime; run the tests on a full JDK 17+ (install openjdk-17-jdk)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                CLASSES.toString());
        assertEquals(0, exit, "jdeps failed: " + err);
        dependencies = new TreeMap<>();
        Matcher m = EDGE.matcher(out.toString());
        while (m.find()) {
            if (m.group(1).startsWith("dev.runbook") && !m.group(1).equals(m.group(2))) {
                dependencies.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertTrue(dependencies.size() > 20, "jdeps output not understood: " + out.toString().lines().limit(5).toList());
    }

    @Test
    void noPackageCycles() {
        List<Set<String>> cycles = stronglyConnected(dependencies);
        StringBuilder report = new StringBuilder();
        for (Set<String> cycle : cycles) {
            report.append("\n  cycle among ").append(cycle).append(':');
            for (String from : cycle) {
                Set<String> inside = new TreeSet<>(dependencies.getOrDefault(from, Set.of()));
                inside.retainAll(cycle);
                report.append("\n    ").append(from).append(" -> ").append(inside);
            }
        }
        assertTrue(cycles.isEmpty(), "packages that depend on each other (see docs/architecture.md):" + report);
    }

    @Test
    void onlyTheMojoPackageUsesMavenApi() {
        List<String> offenders = new ArrayList<>();
        dependencies.forEach((from, to) -> {
            // runbook_maven_plugin holds the HelpMojo that maven-plugin-plugin generates.
            if (!from.equals("dev.runbook.mojo") && !from.equals("dev.runbook.runbook_maven_plugin") && to.stream().anyMatch(p -> p.startsWith("org.apache.maven"))) {
                offenders.add(from);
            }
        });
        assertEquals(List.of(), offenders, "Maven's API belongs in dev.runbook.mojo only; the core runs without Maven");
    }

    @Test
    void theCycleCheckFindsALoop() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(Set.of("a", "b", "c")), stronglyConnected(graph));
    }

    /** Tarjan's algorithm, iteratively: the groups of two or more packages that reach each other. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String start : new TreeSet<>(graph.keySet())) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            work.push(Map.entry(start, new TreeSet<>(graph.getOrDefault(start, Set.of())).iterator()));
            while (!work.isEmpty()) {
                String v = work.peek().getKey();
                java.util.Iterator<String> next = work.peek().getValue();
                if (next.hasNext()) {
                    String w = next.next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(Map.entry(w, new TreeSet<>(graph.getOrDefault(w, Set.of())).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> group = new TreeSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        group.add(w);
                    } while (!w.equals(v));
                    if (group.size() > 1) {
                        out.add(group);
                    }
                }
            }
        }
        return out;
    }
}
