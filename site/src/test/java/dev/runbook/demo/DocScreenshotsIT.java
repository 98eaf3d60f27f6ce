package dev.runbook.demo;

import dev.runbook.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Takes the screenshots of docs/site.md from the demo site, into {@code target/screenshots/}, so the
 * pictures in the docs can always be made anew from the current site: {@code docs/screenshots.sh} runs
 * this test and copies them to {@code docs/images/}. As a test it checks that each view renders.
 */
class DocScreenshotsIT {

    private static final String PAGE = "database/postgres-failover.html";

    @Test
    void screenshotsOfTheDemoSite() throws IOException {
        Path site = Path.of(System.getProperty("runbook.site.dir", "target/runbook-site")).toAbsolutePath();
        Path out = Files.createDirectories(Path.of("target/screenshots"));
        try (HeadlessChromium chromium = HeadlessChromium.start(options -> { })) {
            var browser = chromium.driver();
            chromium.media("screen", "light");

            chromium.viewport(1280, 800, false);
            chromium.open(site.resolve("index.html").toUri().toString());
            shoot(chromium, out.resolve("index.png"));

            chromium.open(site.resolve(PAGE).toUri().toString());
            shoot(chromium, out.resolve("page.png"));

            browser.executeScript("window.scrollTo(0, document.body.scrollHeight)");
            shoot(chromium, out.resolve("page-end.png"));

            chromium.open(site.resolve("index.html").toUri().toString());
            WebElement input = browser.findElement(By.id("search-input"));
            input.sendKeys("postgres failovr");
            chromium.waiter().until(d -> !d.findElements(By.cssSelector("#search-results [role=option]")).isEmpty());
            shoot(chromium, out.resolve("search.png"));

            chromium.viewport(390, 844, true);
            chromium.open(site.resolve(PAGE).toUri().toString());
            shoot(chromium, out.resolve("phone.png"));
            chromium.open(site.resolve("index.html").toUri().toString());
            shoot(chromium, out.resolve("phone-index.png"));

            chromium.viewport(1280, 800, false);
            chromium.media("screen", "dark");
            chromium.open(site.resolve(PAGE).toUri().toString());
            browser.executeScript("window.scrollTo(0, document.querySelector('.code-block').getBoundingClientRect().top - 200)");
            shoot(chromium, out.resolve("dark.png"));
        }
    }

    private static void shoot(HeadlessChromium chromium, Path file) throws IOException {
        byte[] png = chromium.driver().getScreenshotAs(OutputType.BYTES);
        Files.write(file, png);
        assertTrue(png.length > 10_000, file + " looks empty (" + png.length + " bytes)");
    }
}
