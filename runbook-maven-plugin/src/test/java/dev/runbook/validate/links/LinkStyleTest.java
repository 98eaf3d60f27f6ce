package dev.runbook.validate.links;

import dev.runbook.findings.Finding;
import dev.runbook.load.LoadOptions;
import dev.runbook.validate.Fixture;
import dev.runbook.validate.LinkStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue #15: links read the way the site serves them (default) or the way GitHub's file view opens them. */
class LinkStyleTest {

    @TempDir
    Path temp;

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.line() + ":" + f.column() + " " + f.message() + " | " + f.hint()).toList();
    }

    private Fixture pages() {
        return new Fixture(temp)
                .file("alerts/KubeDown.md", """
                        # Kube down

                        See [useful commands](interaction#useful-commands), [the file](interaction.md#useful-commands)
                        and [the page](interaction.html#useful-commands).
                        """)
                .file("alerts/interaction.md", "# Interaction\n\n## Useful commands\n");
    }

    @Test
    void siteStyleFindsThePageOfAnExtensionlessLink() {
        assertEquals(List.of(), lines(pages().run(new FileLinkRule(LinkStyle.SITE), new AnchorLinkRule(LinkStyle.SITE))));
    }

    @Test
    void gitHubStyleReportsLinksGitHubsFileViewCannotOpenAndNamesTheFile() {
        assertEquals(List.of(
                "link.file 3:23 link 'interaction#useful-commands' points to alerts/interaction, which does not exist"
                        + " | GitHub's file view opens only the file name as written (this link is a 404 there):"
                        + " write interaction.md#useful-commands",
                "link.file 4:16 link 'interaction.html#useful-commands' points to alerts/interaction.html, which does not"
                        + " exist | GitHub's file view opens only the file name as written (this link is a 404 there):"
                        + " write interaction.md#useful-commands"),
                lines(pages().run(new FileLinkRule(LinkStyle.GITHUB), new AnchorLinkRule(LinkStyle.GITHUB))));
    }

    @Test
    void aRootLinkLooksBesideThePageBeforeOtherFolders() {
        Fixture f = new Fixture(temp)
                .file("alerts/etcd/EtcdDown.md", "# Etcd down\n\nSee [backup](/backup.md).\n")
                .file("alerts/etcd/backup.md", "# Backup\n")
                .file("alerts/backup.md", "# Another backup\n");
        for (LinkStyle style : LinkStyle.values()) {
            assertEquals(List.of("link.file 3:14 link '/backup.md' points to backup.md, which does not exist | did you mean"
                    + " backup.md (beside this page)? A leading / is read from the content folder's root; drop it"),
                    lines(f.run(new FileLinkRule(style))), style.name());
        }
    }

    @Test
    void theStyleIsSiteOrGithub() {
        assertEquals(LinkStyle.SITE, LinkStyle.parse(null));
        assertEquals(LinkStyle.GITHUB, LinkStyle.parse(" GitHub "));
        assertThrows(IllegalArgumentException.class, () -> LinkStyle.parse("gitlab"));
    }

    @Test
    void linksBetweenTechDocsPagesResolveToTheirSources() {
        Fixture f = new Fixture(temp)
                .file("manual/alerts/disk-full.html.md.erb", """
                        ---
                        title: Disk full
                        ---
                        See [the index](../index.html), [checks](/manual/alerts/high-load.html#check-it),
                        [wrong anchor](high-load.html#nope) and [gone](gone.html).

                        ## Steps
                        """)
                .file("manual/alerts/high-load.html.md.erb", "---\ntitle: High load\n---\n## Check it\n")
                .file("manual/index.html.md.erb", "# Manual\n")
                .with(new LoadOptions(List.of("**/*.html.md.erb"), List.of(), Map.of()));
        assertEquals(List.of(
                "link.anchor 5:16 link 'high-load.html#nope': manual/alerts/high-load.html.md.erb has no anchor #nope"
                        + " | link to one of the headings on manual/alerts/high-load.html.md.erb (ids are GitHub slugs of the heading text)",
                "link.file 5:48 link 'gone.html' points to manual/alerts/gone.html, which does not exist"
                        + " | fix the path (it is relative to this page) or add the file"),
                lines(f.run(new FileLinkRule(), new AnchorLinkRule())));
    }
}
