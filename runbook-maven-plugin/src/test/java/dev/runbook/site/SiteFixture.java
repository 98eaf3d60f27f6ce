package dev.runbook.site;

import dev.runbook.core.LinesLog;
import dev.runbook.core.RunLog;
import dev.runbook.load.ContentLoader;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A content folder, a build folder and a way to build the site from them, as the goal does. */
final class SiteFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    final Path content;
    final Path target;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    Path templates;
    String baseUrl;
    boolean allowRemoteImages;
    String editUrl;
    LocalDate builtOn;
    StatusSource status = StatusSource.reviewOnly(new ReviewSchedule(null), TODAY);
    List<dev.runbook.findings.Finding> findings = List.of();
    dev.runbook.load.LoadOptions load = dev.runbook.load.LoadOptions.DEFAULTS;
    dev.runbook.alerts.AlertSettings alerts;
    /** What the last {@link #build} loaded. */
    dev.runbook.load.LoadedContent loaded;

    SiteFixture(Path dir) throws IOException {
        this.content = Files.createDirectories(dir.resolve("content"));
        this.target = Files.createDirectories(dir.resolve("target"));
    }

    SiteFixture write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    Path site() {
        return target.resolve("runbook-site");
    }

    String page(String relative) throws IOException {
        return Files.readString(site().resolve(relative), StandardCharsets.UTF_8);
    }

    SiteResult build() throws Exception {
        return build("Runbooks");
    }

    SiteResult build(String title) throws Exception {
        RunLog runLog = new LinesLog(log);
        loaded = new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT, load).load(content);
        return new SiteBuilder().build(new SiteRequest(loaded, site(), target.resolve("runbook-site-state.json"),
                templates, title, baseUrl, false, status, TODAY,
                "test", 2, runLog, findings, null, allowRemoteImages, editUrl, builtOn,
                alerts == null ? null : dev.runbook.alerts.AlertLinks.of(alerts, loaded)));
    }
}
