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
 * Chromium, headless, driven through chromedriver: explicit binaries (the {@code CHROMIUM} and
 * {@code CHROMEDRIVER} variables, else the {@code PATH}), so Selenium Manager never tries to download a
 * browser or driver (the machine has no internet), and the flags this machine's closed network needs. One per test class; {@link #close} quits it and deletes its throwaway profile.
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
                .usingDriverExecutable(executable("CHROMEDRIVER", "chromedriver", "chromium-driver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(executable("CHROMIUM", "chromium", "chromium").toString());
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        options.accept(chrome);
        return new HeadlessChromium(service, new ChromeDriver(service, chrome), profile);
    }

    /** The tool named by {@code variable}, else {@code name} on the PATH; a missing one fails with what to install. */
    private static Path executable(String variable, String name, String debianPackage) {
        String named = System.getenv(variable);
        Stream<Path> candidates = named != null && !named.isBlank() ? Stream.of(Path.of(named))
                : Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name));
        return candidates.filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the browser tests run " + name + ", which is not "
                        + (named != null && !named.isBlank() ? "at " + variable + "=" + named : "on the PATH")
                        + ": install it (apt-get install " + debianPackage + ") or set " + variable + " to the executable"));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiter() {
        return wait;
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
