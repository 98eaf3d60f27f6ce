package dev.runbook.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: explicit binaries, so Selenium Manager
 * never tries to download a browser or driver (the machine has no internet), and the flags this machine's
 * closed network needs. One per test class; {@link #close} quits it and deletes its throwaway profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** @param options further options of the test (logging, dialogs); may do nothing */
    public static HeadlessChromium start(Consumer<ChromeOptions> options) throws IOException {
        // Selenium warns that it has no CDP bindings for this Chromium; the tests need none.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        Path profile = Files.createTempDirectory("runbook-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(tool("CHROMEDRIVER", "chromedriver", "chromium-driver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(tool("CHROMIUM", "chromium", "chromium (or google-chrome)").toString());
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // One browser process, one renderer, no zygotes: ~170 MB less per browser, so the suite stays
                // under its 2 GB memory budget (docs/maven.md, "The test suite").
                "--no-zygote", "--renderer-process-limit=1", "--in-process-gpu",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        options.accept(chrome);
        return new HeadlessChromium(service, new ChromeDriver(service, chrome), profile);
    }

    /** The tool named by the environment variable, else the first {@code command} on PATH; fails with what to install. */
    static Path tool(String variable, String command, String debianPackage) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + command + " on PATH: install " + debianPackage
                + " (apt-get install " + debianPackage.split(" ")[0] + ") or set " + variable + " to its path");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiter() {
        return wait;
    }

    /** The page's viewport, exactly (a phone: 390 x 844, mobile). */
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Emulates a CSS media type ("print", "screen") and the system's colour scheme ("light", "dark", "" = none). */
    public void media(String type, String colorScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of(
                "media", type, "features", java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    /** Loads a URL and waits until the document has finished loading. */
    public void open(String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
