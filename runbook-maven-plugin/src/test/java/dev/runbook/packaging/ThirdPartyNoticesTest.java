package dev.runbook.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's jar carries its runtime libraries (maven-shade-plugin); each must be named, with its licence, in
 * META-INF/THIRD-PARTY-NOTICES.txt. The build writes the runtime dependencies to
 * target/runtime-dependencies.txt (maven-dependency-plugin) before the tests run.
 */
class ThirdPartyNoticesTest {

    /** {@code group:artifact:jar:version:scope} as maven-dependency-plugin's list goal writes it. */
    private static final Pattern LISTED = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):jar:([^:\\s]+):(compile|runtime)\\b",
            Pattern.MULTILINE);
    private static final Pattern NAMED = Pattern.compile("^- ([^:\\s]+:[^:\\s]+:[^:\\s]+)\\s{2,}\\S", Pattern.MULTILINE);

    @Test
    void everyBundledLibraryIsNamedWithItsLicence() throws IOException {
        Path list = Path.of("target", "runtime-dependencies.txt");
        assertTrue(Files.isRegularFile(list), "the build writes " + list.toAbsolutePath() + " before the tests");
        Set<String> bundled = new TreeSet<>();
        Matcher dependency = LISTED.matcher(Files.readString(list));
        while (dependency.find()) {
            bundled.add(dependency.group(1) + ":" + dependency.group(2) + ":" + dependency.group(3));
        }
        assertTrue(bundled.size() > 20, "runtime dependencies read: " + bundled);

        Set<String> named = new TreeSet<>();
        Matcher entry = NAMED.matcher(notices());
        while (entry.find()) {
            named.add(entry.group(1));
        }
        Set<String> missing = new TreeSet<>(bundled);
        missing.removeAll(named);
        Set<String> extra = new TreeSet<>(named);
        extra.removeAll(bundled);
        assertEquals("missing [] extra []", "missing " + missing + " extra " + extra,
                "META-INF/THIRD-PARTY-NOTICES.txt must list exactly the libraries the jar carries: add a new library"
                        + " there with its licence (and its licence text when it is not Apache 2.0), drop one no longer used");
    }

    @Test
    void theLicenceTextsAreThere() throws IOException {
        String notices = notices();
        assertTrue(notices.contains("Apache License\n                           Version 2.0, January 2004"));
        for (String holder : new String[] {"Atlassian Pty Ltd", "Jonathan Hedley", "Robin Stocker", "Wang Liang",
                "Redis, inc.", "Checker Framework developers", "QOS.ch", "PostgreSQL Global Development Group"}) {
            assertTrue(notices.contains(holder), holder);
        }
    }

    private static String notices() throws IOException {
        try (InputStream in = ThirdPartyNoticesTest.class.getResourceAsStream("/META-INF/THIRD-PARTY-NOTICES.txt")) {
            assertNotNull(in, "META-INF/THIRD-PARTY-NOTICES.txt is a resource of the plugin");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
