package dev.runbook.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The external programs some tests run for real, found the way a user's shell finds them: a variable that
 * names the executable ({@code CHROMIUM}, {@code CHROMEDRIVER}, {@code SHELLCHECK}, {@code NODE}) or else the
 * {@code PATH}. A missing tool fails the test with what to install; it never skips it.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    public static Path chromium() {
        return require("CHROMIUM", List.of("chromium", "chromium-browser"), "Chromium",
                "apt-get install chromium (Debian/Ubuntu)");
    }

    public static Path chromedriver() {
        return require("CHROMEDRIVER", List.of("chromedriver"), "chromedriver",
                "apt-get install chromium-driver (Debian/Ubuntu)");
    }

    public static Path shellcheck() {
        return require("SHELLCHECK", List.of("shellcheck"), "ShellCheck", "apt-get install shellcheck (Debian/Ubuntu)");
    }

    public static Path node() {
        return require("NODE", List.of("node", "nodejs"), "Node.js 18+", "apt-get install nodejs (Debian/Ubuntu)");
    }

    /** The first executable called {@code name} in a folder of the {@code PATH}, as a shell would run it. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Path require(String variable, List<String> names, String tool, String install) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                fail(variable + "=" + named + " is not an executable file; point it at " + tool + " or unset it");
            }
            return path;
        }
        for (String name : names) {
            Optional<Path> found = onPath(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return fail("this test runs " + tool + ", which is not on the PATH (looked for " + String.join(", ", names)
                + "): install it (" + install + ") or set " + variable + " to the executable");
    }
}
