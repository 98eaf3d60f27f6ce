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
        // Most messages quote no line: the regex (a matcher and a copy each) only runs where it can match.
        String message = mentionsLine(finding.message())
                ? LINE_NUMBER.matcher(finding.message()).replaceAll("$1 #") : finding.message();
        String key = finding.ruleId() + '\u0000' + finding.file() + '\u0000' + message;
        MessageDigest sha = SHA.get();
        sha.reset();
        byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 12);
    }

    /** Whether {@code s} holds "line" in any ASCII case, which every match of {@link #LINE_NUMBER} does. */
    static boolean mentionsLine(String s) {
        for (int i = 0, last = s.length() - 4; i <= last; i++) {
            // c | 0x20 folds exactly the ASCII upper-case letters onto lower case, as (?i) without UNICODE_CASE does.
            if ((s.charAt(i) | 0x20) == 'l' && (s.charAt(i + 1) | 0x20) == 'i' && (s.charAt(i + 2) | 0x20) == 'n'
                    && (s.charAt(i + 3) | 0x20) == 'e') {
                return true;
            }
        }
        return false;
    }
}
