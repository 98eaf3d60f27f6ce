package dev.runbook.validate.links;

import dev.runbook.findings.Finding;
import dev.runbook.model.Link;
import dev.runbook.model.Runbook;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue #15: reference-style links and images are resolved, checked like inline links, and their definitions judged. */
class ReferenceLinksTest {

    @TempDir
    Path temp;

    private static final String PAGE = """
            # Restart

            Read [the guide][Guide], then [guide] again, see ![the diagram][ARCH] and [the steps][steps].
            Broken ones: [old][gone] and [anchor][bad-anchor].

            [guide]: guide.md "The guide"
            [arch]: <img/arch.png> 'Architecture'
            [steps]: #steps
            [gone]: missing.md (Old page)
            [bad-anchor]: guide.md#nope
            [spare]: https://example.com/never-used

            ## Steps
            """;

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.line() + ":" + f.column() + " " + f.message()).toList();
    }

    private Fixture fixture() {
        return new Fixture(temp).file("ops/restart.md", PAGE).file("ops/guide.md", "# Guide\n\n## Intro\n")
                .file("ops/img/arch.png", "png");
    }

    @Test
    void referenceLinksResolveThroughTheirDefinitionsCaseInsensitively() {
        Runbook runbook = fixture().load().byRelativePath("ops/restart.md").orElseThrow();
        assertEquals(List.of("guide.md the guide false 6", "img/arch.png the diagram true 7", "#steps the steps false 8",
                        "missing.md old false 9", "guide.md#nope anchor false 10"),
                runbook.links().stream().map(ReferenceLinksTest::describe).toList(),
                "one link per used definition, at the definition's line; the unused one is not a link");
    }

    private static String describe(Link link) {
        return link.destination() + " " + link.text() + " " + link.image() + " " + link.position().line();
    }

    @Test
    void theirTargetsAreCheckedByTheLinkRulesAtTheDefinition() {
        List<Finding> findings = fixture().run(new FileLinkRule(), new AnchorLinkRule(), new ReferenceUnusedRule(),
                new ReferenceDuplicateRule(), new ReferenceUndefinedRule());
        assertEquals(List.of(
                "link.file 9:9 link 'missing.md' points to ops/missing.md, which does not exist",
                "link.anchor 10:15 link 'guide.md#nope': ops/guide.md has no anchor #nope",
                "link.reference-unused 11:1 reference definition [spare] is not used by any link on this page"),
                lines(findings));
    }

    @Test
    void anExplicitReferenceWithNoDefinitionIsReportedButBracketedTextIsNot() {
        Fixture f = new Fixture(temp).file("page.md", """
                # Page

                See [the runbook][runbok] and ![graph][grafana-shot].
                Not links: [TBD: owner], [x], [WIP] and [see below], arr[0][1], f(x)[a][b], `[code][ref]`.

                - [ ] check the disk
                - [x] page the owner

                ```
                [block][ref]
                ```

                [runbook]: other.md
                """).file("other.md", "# Other\n");
        List<Finding> findings = f.run(new ReferenceUndefinedRule(), new ReferenceUnusedRule(), new FileLinkRule());
        assertEquals(List.of(
                "link.reference-undefined 3:5 link [the runbook][runbok] uses the label [runbok], which no definition on"
                        + " this page names; it shows as plain text",
                "link.reference-undefined 3:31 image ![graph][grafana-shot] uses the label [grafana-shot], which no"
                        + " definition on this page names; it shows as plain text",
                "link.reference-unused 13:1 reference definition [runbook] is not used by any link on this page"),
                lines(findings));
    }

    @Test
    void aSecondDefinitionOfALabelIsADuplicateAndTheFirstWins() {
        Fixture f = new Fixture(temp).file("page.md", """
                # Page

                Go to [the dashboard][dash].

                [dash]: first.md
                [DASH]: second.md
                [Dash]: third.md
                """).file("first.md", "# First\n");
        List<Finding> findings = f.run(new ReferenceDuplicateRule(), new ReferenceUnusedRule(), new FileLinkRule());
        assertEquals(List.of(
                "link.reference-duplicate 6:1 reference [DASH] is already defined on line 5 (labels ignore case);"
                        + " this definition (second.md) is ignored",
                "link.reference-duplicate 7:1 reference [Dash] is already defined on line 5 (labels ignore case);"
                        + " this definition (third.md) is ignored"),
                lines(findings), "second.md and third.md are never linked to, so link.file does not look at them");
    }

    @Test
    void footnotesAreNotReferenceDefinitions() {
        Fixture f = new Fixture(temp).file("page.md", """
                # Page

                A claim.[^1]

                [^1]: https://example.com/source
                [^2]: https://example.com/unused
                """);
        assertEquals(List.of(), lines(f.run(new ReferenceUnusedRule(), new ReferenceDuplicateRule(), new ReferenceUndefinedRule())));
    }
}
