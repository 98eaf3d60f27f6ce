package dev.runbook.smoke.parse;

import dev.runbook.core.time.Durations;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.kind.ProbeKinds;
import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.ProbeLines.Line;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns smoke fences into {@link SmokeCheck}s. Pure: reads the model, never the network or the
 * environment, so the validator can report every {@code smoke.syntax} error without running anything.
 */
public final class SmokeParser {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_RETRIES = 10;

    private static final Set<String> ATTRIBUTES = Set.of("name", "timeout", "retries", "write");

    private SmokeParser() {
    }

    public static List<BlockParse> parse(Runbook runbook) {
        List<BlockParse> result = new ArrayList<>();
        for (CodeBlock block : runbook.smokeBlocks()) {
            result.add(parse(runbook.relativePath(), block, runbook.source()));
        }
        return result;
    }

    public static BlockParse parse(String runbookPath, CodeBlock block, SourceText source) {
        List<SmokeSyntaxError> errors = new ArrayList<>();
        int fenceLine = block.position().line();

        String name = block.attributes().get("name");
        Duration timeout = DEFAULT_TIMEOUT;
        int retries = 0;
        boolean write = false;
        String fenceText = source != null && fenceLine <= source.lineCount() ? source.line(fenceLine) : "";
        for (Map.Entry<String, String> attr : new TreeMap<>(block.attributes()).entrySet()) {
            String key = attr.getKey();
            String value = attr.getValue();
            int at = fenceText.indexOf(key + "=");
            int col = at < 0 ? fenceText.indexOf(key) + 1 : at + 1;
            col = Math.max(col, 1);
            switch (key) {
                case "name" -> {
                    if (value == null || value.isBlank()) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "empty name", "write name=\"What this checks\""));
                    }
                }
                case "timeout" -> {
                    Duration d = value == null ? null : Durations.duration(value);
                    if (d == null || d.isZero()) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "timeout '" + value + "' is not a duration",
                                "write e.g. timeout=5s or timeout=500ms; a duration is one of " + Durations.DURATION_FORMS));
                    } else {
                        timeout = d;
                    }
                }
                case "retries" -> {
                    try {
                        retries = Integer.parseInt(value);
                        if (retries < 0 || retries > MAX_RETRIES) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "retries '" + value + "' is not a number from 0 to " + MAX_RETRIES,
                                "write e.g. retries=2"));
                    }
                }
                case "write" -> {
                    if ("true".equals(value)) {
                        write = true;
                    } else if (!"false".equals(value)) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "write '" + value + "' is not true or false", "write write=true"));
                    }
                }
                default -> errors.add(new SmokeSyntaxError(fenceLine, col, "unknown smoke attribute '" + key + "'",
                        "smoke blocks take " + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES))));
            }
        }

        List<Line> lines = lines(block, source);
        int index = 0;
        while (index < lines.size() && lines.get(index).isSkippable()) {
            index++;
        }
        if (index == lines.size()) {
            errors.add(new SmokeSyntaxError(fenceLine, 1, "empty smoke block", "the first line is the probe, e.g. curl -fsS {{api}}/health"));
            return new BlockParse(runbookPath, block, null, errors);
        }
        Line first = lines.get(index);
        ProbeKind<?> kind = ProbeKinds.claiming(first.trimmed()).orElse(null);
        ProbeSpec probe;
        List<Assertion> assertions = new ArrayList<>();
        try {
            if (kind == null) {
                throw unknownProbe(new ProbeLines(lines, index));
            }
            probe = readBody(kind, new ProbeLines(lines, index), assertions, errors);
        } catch (SyntaxException e) {
            errors.add(error(e));
            return new BlockParse(runbookPath, block, null, errors);
        }
        String writeOperation = probe.writeOperation();
        if (writeOperation != null && !write) {
            errors.add(new SmokeSyntaxError(probe.line(), 1, writeOperation + " changes state on the server, and smoke checks only read by default",
                    "if this check is meant to write, add write=true to the fence (```smoke {write=true}) and point it at an endpoint that is safe to call repeatedly"));
        }
        if (!errors.isEmpty()) {
            return new BlockParse(runbookPath, block, null, errors);
        }
        String displayName = name != null && !name.isBlank() ? name : abbreviate(first.trimmed());
        return new BlockParse(runbookPath, block, new SmokeCheck(runbookPath, fenceLine, displayName, timeout, retries, write,
                fingerprint(block), probe, assertions), List.of());
    }

    /**
     * The kind's probe lines, then {@code expect} lines and the lines the kind takes after its probe (e.g.
     * websocket's {@code send}). An error on one of those lines is collected and the next line is read.
     */
    private static <S extends ProbeSpec> S readBody(ProbeKind<S> kind, ProbeLines lines, List<Assertion> assertions,
                                                    List<SmokeSyntaxError> errors) throws SyntaxException {
        S probe = kind.parse(lines);
        for (; !lines.atEnd(); lines.next()) {
            Line l = lines.current();
            if (l.isSkippable()) {
                continue;
            }
            String t = l.trimmed();
            try {
                if (t.equals("expect") || t.startsWith("expect ")) {
                    Assertion a = AssertionParser.parse(t, l.fileLine(), l.column(0));
                    if (!kind.subjects().contains(a.subject())) {
                        throw new SyntaxException(l.fileLine(), l.column(t.indexOf(' ') + 1),
                                "`" + a.subject().keyword() + "` does not apply to a " + kind.keyword() + " probe",
                                kind.keyword() + " probes offer: " + keywords(kind.subjects()));
                    }
                    assertions.add(a);
                } else {
                    S taken = kind.afterProbe(probe, t);
                    if (taken == null) {
                        throw new SyntaxException(l.fileLine(), l.column(0), "expected an `expect` line, found '" + abbreviate(t) + "'",
                                kind.afterProbeHint());
                    }
                    probe = taken;
                }
            } catch (SyntaxException e) {
                errors.add(error(e));
            }
        }
        return probe;
    }

    /** No kind claims the first line: a near miss of one kind gets that kind's error, anything else the list of forms. */
    private static SyntaxException unknownProbe(ProbeLines lines) throws SyntaxException {
        for (ProbeKind<?> kind : ProbeKinds.all()) {
            kind.rejectNearMiss(lines);
        }
        Line first = lines.current();
        String keyword = first.trimmed().split("\\s+")[0];
        return new SyntaxException(first.fileLine(), first.column(0), "unknown probe '" + abbreviate(keyword) + "'",
                "the first line is the probe: " + ProbeKinds.all().stream().map(ProbeKind::synopsis).collect(Collectors.joining(", ")));
    }

    private static SmokeSyntaxError error(SyntaxException e) {
        return new SmokeSyntaxError(e.line(), e.column(), e.getMessage(), e.hint());
    }

    static String keywords(Set<Subject> subjects) {
        return String.join(", ", subjects.stream().map(Subject::keyword).toList());
    }

    static String abbreviate(String text) {
        return ProbeLines.abbreviate(text);
    }

    /** Stable id of a block's content: attributes and body, not its position. */
    public static String fingerprint(CodeBlock block) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new TreeMap<>(block.attributes()).toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.join("\n", block.lines()).strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<Line> lines(CodeBlock block, SourceText source) {
        List<String> body = block.lines();
        List<Line> lines = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i);
            int fileLine = block.fileLine(i);
            int indentInFile = 0;
            if (source != null && fileLine <= source.lineCount() && !text.isEmpty()) {
                indentInFile = Math.max(0, source.line(fileLine).indexOf(text));
            }
            lines.add(new Line(fileLine, indentInFile, text));
        }
        return lines;
    }
}
