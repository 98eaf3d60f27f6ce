package dev.runbook.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The injected script in a real browser: an open page reloads itself after a rebuild. */
class BrowserReloadTest {

    @TempDir
    Path dir;

    @Test
    void openPageReloadsWithTheEditedRunbook() throws Exception {
        PreviewFixture fixture = new PreviewFixture(dir);
        fixture.write("payments/api-down.md", "---\nservice: payments\n---\n# API down\n\nRestart the pods.\n");
        try (LivePreview preview = new LivePreview(fixture.build(), fixture.settings(Duration.ofMillis(200)), fixture.runLog);
             HeadlessChromium browser = new HeadlessChromium(dir.resolve("chromium-profile"), PreviewFixture.WAIT)) {
            URI uri = preview.start();
            browser.open(uri.resolve("payments/api-down.html").toString());
            browser.awaitLoad();
            assertTrue(preview.awaitConnectedPages(1, PreviewFixture.WAIT.toMillis()), "the page subscribed to reloads");
            browser.evaluate("window.beforeReload = 'still here'");
            assertTrue(browser.evaluate("document.body.innerText").asText().contains("Restart the pods."));

            fixture.write("payments/api-down.md", "---\nservice: payments\n---\n# API down\n\nFail over to the standby.\n");
            browser.awaitLoad();

            assertEquals("reloaded", browser.evaluate("window.beforeReload === undefined ? 'reloaded' : 'same document'").asText());
            assertTrue(browser.evaluate("document.body.innerText").asText().contains("Fail over to the standby."));
        }
    }
}
