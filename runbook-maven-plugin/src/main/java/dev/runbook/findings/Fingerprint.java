package dev.runbook.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity across runs: rule, file and message, without the line and column, so that a
 * finding keeps its fingerprint when lines above it move. Line numbers quoted inside a message
 * ("same id as the heading on line 12") are blanked for the same reason.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Finding finding) {
        String message = finding.message().replaceAll("(?i)\\b(lines?) \\d+(-\\d+)?", "$1 #");
        String key = finding.ruleId() + '\u0000' + finding.file() + '\u0000' + message;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
