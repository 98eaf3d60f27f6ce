package dev.runbook.validate.encoding;

import dev.runbook.findings.RuleInfo;
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

    /** Stateless after construction, so one detector serves every thread. */
    private static final MojibakeDetector SHARED = new MojibakeDetector();

    private final MojibakeDetector detector = SHARED;

    /**
     * True when the char at {@code index} of {@code text} is part of a run this rule reports. Rules that would
     * report the same char for another reason (the NBSP inside {@code âš } for ⚠ is {@code command.unicode}'s kind
     * of char) leave it to this rule: encoding comes first, one defect gets one finding.
     */
    public static boolean reportsCharAt(String text, int index) {
        for (MojibakeDetector.Run run : SHARED.find(text)) {
            if (index >= run.start() && index < run.end()) {
                return true;
            }
        }
        return false;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "UTF-8 read as CP1252 or MacRoman (â€”, ðŸ, ‚Äî) with the repaired text");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Its findings on a page depend on that page alone: validate keeps them per page. */
    @Override
    public String perPageKey(ValidationContext context) {
        return "";
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
