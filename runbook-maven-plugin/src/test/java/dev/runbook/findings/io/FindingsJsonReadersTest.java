package dev.runbook.findings.io;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.findings.ValidationReport;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.run.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The streamed findings.json reader gives what the tree reader gives, for written files and for odd ones. */
class FindingsJsonReadersTest {

    @TempDir
    Path temp;

    @Test
    void writtenReportsAreTakenByTheStreamedReaderWithTheTreeReadersResult() throws Exception {
        Random random = new Random(19);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            findings.add(new Finding("rule." + i % 7, Severity.values()[i % Severity.values().length],
                    "dir " + i % 5 + "/p\u00e9ge-" + i + ".md", 1 + random.nextInt(5000), 1 + random.nextInt(200),
                    randomText(random), i % 3 == 0 ? null : randomText(random)));
        }
        ValidationReport report = new ValidationReport(LocalDate.of(2026, 12, 6), List.of("a.md", "dir 1/b \"c\".md"),
                findings, findings.subList(0, 4), Rules.builtIn(RuleSettings.defaults()).ruleInfos(), "docs/");
        Path file = temp.resolve("findings.json");
        FindingsJson.write(report, "1.2.3", file);

        assertNotNull(StreamedFindingsReader.read(file), "the written shape takes the fast path");
        FindingsJson.Contents tree = FindingsJson.readTree(file);
        assertEquals(tree, FindingsJson.read(file));
        assertEquals(findings, tree.findings());
    }

    @Test
    void oddFilesGetTheTreeReadersResultOrItsError() throws Exception {
        String finding = "{\"ruleId\":\"r\",\"severity\":\"error\",\"file\":\"a.md\",\"line\":3,\"column\":4,\"message\":\"m\"";
        List<String> odd = List.of(
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[" + finding + "}]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[" + finding + ",\"hint\":null}]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[" + finding + ",\"hint\":7}]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[" + finding + ",\"line\":9}]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[{\"severity\":\"info\",\"file\":\"a\",\"message\":\"m\"}]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[{\"ruleId\":\"r\",\"severity\":\"error\",\"file\":\"a\",\"message\":\"m\",\"line\":2.0,\"column\":\"5\"}]}",
                "{\"version\":\"1\",\"buildDate\":\"2026-12-06\",\"findings\":[]}",
                "{\"version\":1,\"findings\":[],\"runbooks\":[\"a\",2]}",
                "{\"version\":1,\"buildDate\":\"\",\"findings\":[]} trailing",
                "{\"version\":1,\"buildDate\":\"2026-13-06\",\"findings\":[]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[" + finding.replace("error", "fatal") + "}]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[1]}",
                "{\"version\":2,\"buildDate\":\"2026-12-06\",\"findings\":[]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":{}}",
                "{\"version\":1,\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[]}",
                "{\"version\":1,\"buildDate\":\"2026-12-06\",\"findings\":[" + finding,
                "[]",
                "");
        for (String text : odd) {
            Path file = temp.resolve("odd.json");
            Files.writeString(file, text);
            assertEquals(outcome(() -> FindingsJson.readTree(file)), outcome(() -> FindingsJson.read(file)), text);
        }
        Files.writeString(temp.resolve("odd.json"), odd.get(0));
        assertNotNull(StreamedFindingsReader.read(temp.resolve("odd.json")));
        Files.writeString(temp.resolve("odd.json"), odd.get(2));
        assertNull(StreamedFindingsReader.read(temp.resolve("odd.json")), "a hint of another type is left to the tree reader");
    }

    private interface Read {
        FindingsJson.Contents read() throws IOException;
    }

    private static Object outcome(Read read) {
        try {
            return read.read();
        } catch (IOException e) {
            return "IOException: " + e.getMessage();
        }
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            out.append(switch (kind) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> "\"\\<&>".charAt(random.nextInt(5));
                case 2 -> (char) (0x80 + random.nextInt(0x700));
                case 3 -> "\uD83D\uDE80";
                case 4 -> (char) (0xD800 + random.nextInt(0x800)); // a lone surrogate
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return out.toString();
    }
}
