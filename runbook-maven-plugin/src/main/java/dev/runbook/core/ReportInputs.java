package dev.runbook.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a release report was made from, so that {@code runbook:site} publishes it only while it still
 * describes the runbooks: a report from before an edit, a new validation or a new smoke run would show a
 * verdict about other runbooks than the site beside it. The stamp ({@code report-inputs.txt} beside the
 * report) is a digest of the content folder (as {@link InputDigest#addTree}), the validation findings and
 * the smoke results (by content), taken before the report is made. It lives in core because the report
 * stage writes it and the site stage reads it, and neither imports the other.
 */
public final class ReportInputs {

    private ReportInputs() {
    }

    /** The digest of what a report made now would be made from. */
    public static String digest(Path contentRoot, Path findingsFile, Path smokeResults) throws IOException {
        return digest(InputDigest.tree(contentRoot.toAbsolutePath().normalize()), findingsFile, smokeResults);
    }

    /** The same, with the content folder digested by the caller. */
    public static String digest(InputDigest.Tree content, Path findingsFile, Path smokeResults) throws IOException {
        return new InputDigest()
                .addTree("content", content)
                .addFileContent("findings", findingsFile)
                .addFileContent("smokeResults", smokeResults)
                .hex();
    }

    /** Records what the report in this build folder was made from; call after it is written. */
    public static void record(OutputLayout layout, String digest) throws IOException {
        AtomicFiles.writeString(layout.reportInputs(), digest + "\n");
    }

    /** Whether the report in this build folder was made from inputs with this digest; false without a stamp. */
    public static boolean current(OutputLayout layout, String digest) {
        Path stamp = layout.reportInputs();
        try {
            return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(digest);
        } catch (IOException e) {
            return false;
        }
    }
}
