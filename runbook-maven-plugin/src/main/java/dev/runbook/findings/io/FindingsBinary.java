package dev.runbook.findings.io;

import dev.runbook.core.PageCacheFile;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Findings in the page caches' binary form (every field, exactly): written and read back equal. */
public final class FindingsBinary {

    private FindingsBinary() {
    }

    public static void write(DataOutputStream out, List<Finding> findings) throws IOException {
        out.writeInt(findings.size());
        for (Finding f : findings) {
            PageCacheFile.writeString(out, f.ruleId());
            PageCacheFile.writeString(out, f.severity().name());
            PageCacheFile.writeString(out, f.file());
            out.writeInt(f.line());
            out.writeInt(f.column());
            PageCacheFile.writeString(out, f.message());
            PageCacheFile.writeString(out, f.hint());
        }
    }

    public static List<Finding> read(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("bad finding count " + size);
        }
        List<Finding> findings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            findings.add(new Finding(PageCacheFile.readString(in), Severity.valueOf(PageCacheFile.readString(in)),
                    PageCacheFile.readString(in), in.readInt(), in.readInt(), PageCacheFile.readString(in),
                    PageCacheFile.readString(in)));
        }
        return findings;
    }
}
