package dev.runbook.validate.encoding;

import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code encoding.mojibake} (error): UTF-8 text that went through Windows-1252 or Mac OS Roman on the way
 * ({@code â€”}, {@code â€™}, {@code Ã©}, {@code ðŸ”¥}, {@code ‚Äî}, {@code √©}); the message shows the
 * repaired text. See {@link MojibakeDetector} for how legitimate accented text is kept out.
 */
public final class MojibakeRule implements Rule {

    public static final String ID = "encoding.mojibake";

    private final MojibakeDetector detector = new MojibakeDetector();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "UTF-8 read as CP1252 or MacRoman (â€”, ðŸ, ‚Äî) with the repaired text";
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        String text = runbook.source().text();
        for (MojibakeDetector.Run run : detector.find(text)) {
            sink.report(this, runbook, runbook.source().positionOf(run.start()),
                    "\"" + run.garbled() + "\" looks like \"" + run.repaired() + "\" decoded with the wrong charset ("
                            + run.charset() + ")",
                    "replace \"" + run.garbled() + "\" with \"" + run.repaired()
                            + "\"; check the editor or script that last saved the file is set to UTF-8");
        }
    }
}
