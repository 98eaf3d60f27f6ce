package dev.runbook.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A finding's identity across runs: rule, file and message, without the line and column, so that a
 * finding keeps its fingerprint when lines above it move. Line numbers quoted inside a message
 * ("same id as the heading on line 12") are blanked for the same reason.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** Compiled once: the reports take a fingerprint of every finding, 100,000 of them on a large tree. */
    private static final Pattern LINE_NUMBER = Pattern.compile("(?i)\\b(lines?) \\d+(-\\d+)?");

    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    public static String of(Finding finding) {
        String message = LINE_NUMBER.matcher(finding.message()).replaceAll("$1 #");
        String key = finding.ruleId() + '\u0000' + finding.file() + '\u0000' + message;
        MessageDigest sha = SHA.get();
        sha.reset();
        byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 12);
    }
}
