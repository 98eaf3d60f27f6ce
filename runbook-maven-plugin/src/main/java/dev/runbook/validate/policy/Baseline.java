package dev.runbook.validate.policy;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Fingerprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings accepted earlier (a {@code findings.json} from a previous run). A current finding is accepted
 * when the baseline holds one with the same fingerprint — rule, file and message, not the line — so
 * findings keep matching when lines above them are added or removed. When a fingerprint occurs several
 * times, current and accepted findings are paired by nearest line; any surplus is new.
 */
public final class Baseline {

    public static final Baseline EMPTY = new Baseline(List.of());

    private final Map<String, List<Integer>> linesByFingerprint = new HashMap<>();

    public Baseline(List<Finding> accepted) {
        for (Finding finding : accepted) {
            linesByFingerprint.computeIfAbsent(Fingerprint.of(finding), k -> new ArrayList<>()).add(finding.line());
        }
    }

    public boolean isEmpty() {
        return linesByFingerprint.isEmpty();
    }

    /** Splits findings into new ones and ones the baseline accepts. */
    public Split split(List<Finding> findings) {
        Map<String, List<Finding>> byFingerprint = new HashMap<>();
        for (Finding finding : findings) {
            byFingerprint.computeIfAbsent(Fingerprint.of(finding), k -> new ArrayList<>()).add(finding);
        }
        List<Finding> fresh = new ArrayList<>();
        List<Finding> accepted = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> group : byFingerprint.entrySet()) {
            List<Integer> lines = new ArrayList<>(linesByFingerprint.getOrDefault(group.getKey(), List.of()));
            List<Finding> current = new ArrayList<>(group.getValue());
            while (!lines.isEmpty() && !current.isEmpty()) {
                int bestFinding = 0;
                int bestLine = 0;
                int bestDistance = Integer.MAX_VALUE;
                for (int i = 0; i < current.size(); i++) {
                    for (int j = 0; j < lines.size(); j++) {
                        int distance = Math.abs(current.get(i).line() - lines.get(j));
                        if (distance < bestDistance) {
                            bestDistance = distance;
                            bestFinding = i;
                            bestLine = j;
                        }
                    }
                }
                accepted.add(current.remove(bestFinding));
                lines.remove(bestLine);
            }
            fresh.addAll(current);
        }
        fresh.sort(Finding.ORDER);
        accepted.sort(Finding.ORDER);
        return new Split(fresh, accepted);
    }

    public record Split(List<Finding> fresh, List<Finding> accepted) {
    }
}
