package dev.runbook.site;

import dev.runbook.core.InputDigest;
import dev.runbook.core.UpToDateRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The up-to-date check a site build makes before it loads a single runbook. {@link SiteBuilder} already
 * skips pages whose inputs did not change, but it can only tell after every file was parsed: at 10,000
 * runbooks that parse is most of a no-op build. This check compares a digest of the inputs (the content
 * folder's file list with each file's content, the templates, the smoke results, the last
 * validation's findings, the release report, the settings, the build date and the plugin itself) and a
 * digest of the published site with what the last successful build recorded.
 *
 * <p>Statuses age: a verified runbook turns unverified when its smoke run passes the maximum age, with no
 * input changing. The record keeps that instant and the check fails from then on.
 *
 * <p>The record is deleted before a build starts and written after the new site is swapped in, so a
 * build that fails or is killed never leaves a claim behind.
 */
public final class SiteInputs {

    public static final String FILE_NAME = "runbook-site-inputs.properties";

    private final UpToDateRecord record;

    public SiteInputs(Path file) {
        this.record = new UpToDateRecord(file);
    }

    /**
     * A new digest over what every site build depends on; the caller adds its settings and files.
     *
     * @param content   the content folder, digested by the caller (which hands the same walk to the loader)
     * @param pluginJar the plugin's own jar (or classes folder): a rebuilt snapshot of the same version is a change
     */
    public static InputDigest digest(InputDigest.Tree content, Path templatesOverride, Path pluginJar) throws IOException {
        return new InputDigest()
                .addTree("content", content)
                .addTree("templates", templatesOverride == null ? null : templatesOverride.toAbsolutePath().normalize())
                .addFileStamp("plugin", pluginJar);
    }

    /**
     * The published site's digest, computed on another thread while the caller digests the inputs (both
     * are a walk of some 10,000 files at scale; two cores do them in the time of one).
     */
    public static CompletableFuture<String> outputDigestAsync(Path output) {
        return UpToDateRecord.async(() -> outputDigest(output));
    }

    /**
     * The warnings to print again when the published site is exactly what a build with these inputs would
     * produce; empty when a build is needed.
     *
     * @param output the published site's digest, from {@link #outputDigestAsync}
     */
    public Optional<List<String>> upToDate(String inputs, CompletableFuture<String> output, Instant now) {
        Optional<Properties> matching = record.matching(inputs, output);
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        Properties recorded = matching.get();
        String changesAt = recorded.getProperty("statusChangesAt", "");
        try {
            if (!changesAt.isEmpty() && !now.isBefore(Instant.parse(changesAt))) {
                return Optional.empty();
            }
        } catch (RuntimeException e) { // a damaged record: build
            return Optional.empty();
        }
        List<String> notices = new ArrayList<>();
        for (int i = 0; recorded.containsKey("notice." + i); i++) {
            notices.add(recorded.getProperty("notice." + i));
        }
        return Optional.of(notices);
    }

    /** Forgets the last build, before a new one starts. */
    public void forget() throws IOException {
        record.forget();
    }

    /**
     * Records a successful build, after its site was swapped in.
     *
     * @param statusChangesAt when a shown status next changes on its own (a smoke run ages out), or null
     * @param notices         the warnings the build printed (broken front-matter...), printed again on a skip
     */
    public void remember(String inputs, Path output, Instant statusChangesAt, List<String> notices) throws IOException {
        Map<String, String> extra = new HashMap<>();
        extra.put("statusChangesAt", statusChangesAt == null ? "" : statusChangesAt.toString());
        for (int i = 0; i < notices.size(); i++) {
            extra.put("notice." + i, notices.get(i));
        }
        record.remember(inputs, outputDigest(output), extra);
    }

    /** Every file of the published site, so a page deleted or edited by hand is noticed. */
    private static String outputDigest(Path output) throws IOException {
        return new InputDigest().addTree("site", InputDigest.stamps(output)).hex();
    }
}
