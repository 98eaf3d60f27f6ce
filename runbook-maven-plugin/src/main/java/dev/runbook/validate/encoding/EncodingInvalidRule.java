package dev.runbook.validate.encoding;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.model.SourceText;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code encoding.invalid} (error): the file is not clean UTF-8. A UTF-16 file (with its byte-order mark) is
 * read, and reported with the fix. Three more cases, each reported once: bytes that
 * are not UTF-8 (at the first one), a byte-order mark (at 1:1; some tools then see a garbage first char, and
 * front-matter stops being front-matter), and mixed line endings (at the first line whose ending differs
 * from the file's majority).
 */
public final class EncodingInvalidRule implements Rule {

    public static final String ID = "encoding.invalid";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "not valid UTF-8; BOM; mixed line endings");

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
        SourceText source = runbook.source();
        if (source.firstInvalidByte() != null) {
            sink.report(this, runbook, source.firstInvalidByte(),
                    "the file is not valid UTF-8 from here on (probably saved as Windows-1252 or Latin-1)",
                    "re-save the file as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8");
        }
        if (!SourceText.UTF_8.equals(source.encoding())) {
            sink.report(this, runbook, SourcePosition.START,
                    "the file is saved as " + source.encoding() + " (with a byte-order mark); it was read, but tools"
                            + " that expect UTF-8 (git diff, grep, ShellCheck, editors) see NUL bytes",
                    "save it as UTF-8 without BOM, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.new && mv FILE.new FILE");
        }
        if (source.hasByteOrderMark()) {
            sink.report(this, runbook, SourcePosition.START,
                    "the file starts with a UTF-8 byte-order mark (BOM)",
                    "save as UTF-8 without BOM (sed -i '1s/^\\xEF\\xBB\\xBF//' FILE)");
        }
        int lf = source.lfLineEndings();
        int crlf = source.crlfLineEndings();
        int cr = source.crLineEndings();
        int kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
        if (kinds > 1) {
            String majority = lf >= crlf && lf >= cr ? "\n" : crlf >= cr ? "\r\n" : "\r";
            int line = firstLineEndingOtherThan(source.text(), majority);
            sink.report(this, runbook, new SourcePosition(line, Math.max(1, source.line(line).length() + 1)),
                    "mixed line endings: " + lf + " LF, " + crlf + " CRLF, " + cr + " CR; this line ends with "
                            + name(endingOf(source.text(), line)) + " while most end with " + name(majority),
                    "convert the file to one line ending (LF), e.g. dos2unix, and add a .gitattributes rule (*.md text eol=lf)");
        }
    }

    private static int firstLineEndingOtherThan(String text, String majority) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String ending;
            if (c == '\r') {
                ending = i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            } else if (c == '\n') {
                ending = "\n";
            } else {
                continue;
            }
            if (!ending.equals(majority)) {
                return line;
            }
            i += ending.length() - 1;
            line++;
        }
        return 1;
    }

    private static String endingOf(String text, int line) {
        int current = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                String ending = c == '\r' ? (i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r") : "\n";
                if (current == line) {
                    return ending;
                }
                i += ending.length() - 1;
                current++;
            }
        }
        return "\n";
    }

    private static String name(String ending) {
        return switch (ending) {
            case "\r\n" -> "CRLF";
            case "\r" -> "CR";
            default -> "LF";
        };
    }
}
