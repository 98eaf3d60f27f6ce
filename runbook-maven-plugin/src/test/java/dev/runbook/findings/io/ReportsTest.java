package dev.runbook.findings.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Fingerprint;
import dev.runbook.findings.Severity;
import dev.runbook.findings.ValidationReport;
import dev.runbook.validate.run.Rules;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {

    @TempDir
    Path temp;

    private static final List<Finding> FINDINGS = List.of(
            new Finding("link.file", Severity.ERROR, "db/fail over.md", 12, 5,
                    "link 'x<y>&\"z\".md' points to db/x.md, which does not exist", "did you mean ../x.md?"),
            new Finding("link.anchor", Severity.ERROR, "db/fail over.md", 20, 1, "no anchor #a\u0001b", null),
            new Finding("review.overdue", Severity.WARNING, "ops/restart.md", 3, 1, "review overdue: due 2026-10-30", "review it"),
            new Finding("link.external", Severity.INFO, "ops/restart.md", 9, 7, "https://a.org moved permanently to https://b.org", null));

    private static ValidationReport report() {
        Rules catalog = Rules.builtIn(RuleSettings.defaults());
        return new ValidationReport(LocalDate.of(2026, 11, 22), List.of("clean.md", "db/fail over.md", "ops/restart.md"),
                FINDINGS, List.of(new Finding("link.file", Severity.ERROR, "clean.md", 1, 1, "old", null)),
                catalog.ruleInfos(), "content");
    }

    @Test
    void consoleLinesAreRepositoryRelativeAndEndWithASummary() {
        List<String> lines = ConsoleReport.lines(report());
        assertEquals("content/db/fail over.md:12:5: error [link.file] link 'x<y>&\"z\".md' points to db/x.md, which does not exist"
                + " (fix: did you mean ../x.md?)", lines.get(0));
        assertEquals("validate: 2 errors, 1 warning, 1 hint in 2 of 3 runbooks (1 more accepted by the baseline)",
                lines.get(lines.size() - 1));
    }

    @Test
    void streamedReportsAreLaidOutExactlyAsJacksonPrettyPrintsTheirTree() throws Exception {
        // The writers stream (a page of 100,000 findings must not need a tree in memory); their bytes stay
        // what the tree-built reports were, so a rebuilt report diffs clean against one from an older version.
        ObjectMapper mapper = new ObjectMapper();
        Path json = temp.resolve("layout/findings.json");
        Path sarif = temp.resolve("layout/findings.sarif");
        FindingsJson.write(report(), "1.2.3", json);
        SarifReport.write(report(), "1.2.3", sarif);
        for (Path file : List.of(json, sarif)) {
            String written = Files.readString(file);
            String fromTree = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(written)) + "\n";
            assertEquals(fromTree, written, file.getFileName().toString());
        }
    }

    @Test
    void findingsJsonAndTheReleaseReportShowAFindingInTheSameShape() throws Exception {
        // Two writers of one shape: findings.json streams it, report.json builds it as a tree (writeFinding).
        Path file = temp.resolve("shape/findings.json");
        FindingsJson.write(report(), "1.2.3", file);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode streamed = mapper.readTree(file.toFile()).path("findings");
        assertEquals(FINDINGS.size(), streamed.size());
        for (int i = 0; i < FINDINGS.size(); i++) {
            assertEquals(FindingsJson.writeFinding(mapper.createObjectNode(), FINDINGS.get(i)), streamed.get(i),
                    "finding " + i);
        }
    }

    @Test
    void findingsJsonRoundTripsWithCountsAndFingerprints() throws Exception {
        Path file = temp.resolve("runbook/findings.json");
        FindingsJson.write(report(), "1.2.3", file);
        FindingsJson.Contents read = FindingsJson.read(file);
        assertEquals(FINDINGS, read.findings());
        assertEquals(1, read.baselined().size());
        assertEquals(LocalDate.of(2026, 11, 22), read.buildDate());
        assertEquals(List.of("clean.md", "db/fail over.md", "ops/restart.md"), read.runbooks());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(2, json.path("counts").path("error").asInt());
        assertEquals("1.2.3", json.path("pluginVersion").asText());
        assertEquals(1, json.path("countsByRule").path("link.external").asInt());
        assertEquals(Fingerprint.of(FINDINGS.get(0)), json.path("findings").get(0).path("fingerprint").asText());
        try (var stream = Files.list(file.getParent())) {
            assertEquals(1, stream.count(), "no temporary file left beside the report");
        }
    }

    @Test
    void fingerprintIgnoresLineAndColumnButNotMessage() {
        Finding f = FINDINGS.get(0);
        Finding moved = new Finding(f.ruleId(), f.severity(), f.file(), 40, 9, f.message(), f.hint());
        Finding other = new Finding(f.ruleId(), f.severity(), f.file(), 12, 5, f.message() + "!", f.hint());
        assertEquals(Fingerprint.of(f), Fingerprint.of(moved));
        assertTrue(!Fingerprint.of(f).equals(Fingerprint.of(other)));
    }

    @Test
    void fingerprintBlanksQuotedLineNumbersInAnyAsciiCaseOnly() {
        Finding f = FINDINGS.get(0);
        for (String[] same : new String[][] {{"see LINE 5", "see LINE 9"}, {"as on lInEs 3-4", "as on lInEs 17-20"},
                {"heading on line 12.", "heading on line 7."}}) {
            assertEquals(Fingerprint.of(withMessage(f, same[0])), Fingerprint.of(withMessage(f, same[1])), same[0]);
        }
        for (String[] differ : new String[][] {{"pipeline 5", "pipeline 6"}, {"lines5", "lines6"}, {"l1ne 5", "l1ne 6"}}) {
            assertTrue(!Fingerprint.of(withMessage(f, differ[0])).equals(Fingerprint.of(withMessage(f, differ[1]))), differ[0]);
        }
    }

    private static Finding withMessage(Finding f, String message) {
        return new Finding(f.ruleId(), f.severity(), f.file(), f.line(), f.column(), message, f.hint());
    }

    @Test
    void sarifValidatesAgainstTheSarif210SchemaAndLocatesFindings() throws Exception {
        Path file = temp.resolve("runbook/findings.sarif");
        SarifReport.write(report(), "1.2.3", file);
        JsonNode sarif = new ObjectMapper().readTree(file.toFile());

        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream schemaJson = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertNotNull(schemaJson);
            JsonSchema schema = factory.getSchema(schemaJson, config);
            Set<ValidationMessage> errors = schema.validate(sarif);
            assertEquals(Set.of(), errors);
            // The schema really bites: a level SARIF does not know is rejected.
            ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.path("runs").get(0).path("results").get(0)).put("level", "fatal");
            assertTrue(!schema.validate(sarif).isEmpty());
            ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.path("runs").get(0).path("results").get(0)).put("level", "error");
        }

        JsonNode run = sarif.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertTrue(rules.size() >= 10);
        JsonNode result = run.path("results").get(0);
        assertEquals("link.file", result.path("ruleId").asText());
        assertEquals("link.file", rules.get(result.path("ruleIndex").asInt()).path("id").asText());
        assertEquals("error", result.path("level").asText());
        JsonNode location = result.path("locations").get(0).path("physicalLocation");
        assertEquals("content/db/fail%20over.md", location.path("artifactLocation").path("uri").asText());
        assertEquals("SRCROOT", location.path("artifactLocation").path("uriBaseId").asText());
        assertEquals(12, location.path("region").path("startLine").asInt());
        assertEquals(5, location.path("region").path("startColumn").asInt());
        assertTrue(run.path("originalUriBaseIds").path("SRCROOT").has("description"));
        assertTrue(run.path("originalUriBaseIds").path("SRCROOT").path("uri").isMissingNode(), "no absolute path in the file");
        assertTrue(!sarif.toString().contains(temp.toString()) && !sarif.toString().matches("(?s).*file:/+\\w.*"), "no absolute path");
        assertEquals("1.2.3", run.path("tool").path("driver").path("version").asText());
        assertTrue(rules.get(0).path("help").path("text").asText().endsWith(". See docs/validate.md#"
                + rules.get(0).path("id").asText() + " in the plugin's documentation."));
        assertEquals("note", run.path("results").get(3).path("level").asText());
    }

    /**
     * One suite per runbook, one case per finding named {@code rule file:line}, at most one failure per case
     * (common XSDs and CI views read only the first), the counts matching the children, a clean runbook one
     * passing case.
     */
    @Test
    void junitXmlHasASuitePerRunbookAndACasePerFindingWithOneFailureEach() throws Exception {
        Path file = new dev.runbook.core.OutputLayout(temp).validateJUnitXml();
        JUnitXmlReport.write(report(), file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("5", root.getAttribute("tests"), "1 clean runbook + 4 findings");
        assertEquals("2", root.getAttribute("failures"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength());
        List<String> suiteNames = new java.util.ArrayList<>();
        int caseCount = 0;
        int failureCount = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            suiteNames.add(suite.getAttribute("name"));
            NodeList cases = suite.getElementsByTagName("testcase");
            assertEquals(Integer.toString(cases.getLength()), suite.getAttribute("tests"), suite.getAttribute("name"));
            int suiteFailures = 0;
            for (int c = 0; c < cases.getLength(); c++) {
                Element testcase = (Element) cases.item(c);
                int failures = testcase.getElementsByTagName("failure").getLength();
                assertTrue(failures + testcase.getElementsByTagName("error").getLength() <= 1, "one failure per case");
                assertEquals(suite.getAttribute("name"), testcase.getAttribute("classname"));
                assertTrue(!testcase.getAttribute("name").isBlank() && !testcase.getAttribute("time").isBlank());
                suiteFailures += failures;
            }
            assertEquals(Integer.toString(suiteFailures), suite.getAttribute("failures"));
            assertTrue(suite.getAttribute("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"),
                    suite.getAttribute("timestamp"));
            caseCount += cases.getLength();
            failureCount += suiteFailures;
        }
        assertEquals(List.of("content/clean.md", "content/db/fail over.md", "content/ops/restart.md"), suiteNames);
        assertEquals(5, caseCount);
        assertEquals(2, failureCount);

        Element clean = (Element) ((Element) suites.item(0)).getElementsByTagName("testcase").item(0);
        assertEquals("clean", clean.getAttribute("name"));
        assertEquals(0, clean.getChildNodes().getLength(), "a clean runbook passes");

        NodeList failing = ((Element) suites.item(1)).getElementsByTagName("testcase");
        assertEquals("link.file content/db/fail over.md:12", ((Element) failing.item(0)).getAttribute("name"));
        assertEquals("link.anchor content/db/fail over.md:20", ((Element) failing.item(1)).getAttribute("name"));
        Element failure = (Element) ((Element) failing.item(0)).getElementsByTagName("failure").item(0);
        assertEquals("[link.file] link 'x<y>&\"z\".md' points to db/x.md, which does not exist", failure.getAttribute("message"));
        assertEquals("link.file", failure.getAttribute("type"));
        assertEquals("content/db/fail over.md:12:5: link 'x<y>&\"z\".md' points to db/x.md, which does not exist\n"
                + "fix: did you mean ../x.md?", failure.getTextContent());
        assertTrue(failing.item(1).getTextContent().contains("no anchor #a\uFFFDb"), "control char replaced");

        NodeList warned = ((Element) suites.item(2)).getElementsByTagName("testcase");
        assertEquals("review.overdue content/ops/restart.md:3", ((Element) warned.item(0)).getAttribute("name"));
        assertEquals(0, ((Element) warned.item(0)).getElementsByTagName("failure").getLength(), "a warning passes");
        assertTrue(((Element) warned.item(0)).getElementsByTagName("system-out").item(0).getTextContent()
                .contains("content/ops/restart.md:3:1: warning [review.overdue]"));
        assertEquals("link.external content/ops/restart.md:9", ((Element) warned.item(1)).getAttribute("name"));
    }
}
