package dev.runbook.validate.commands;

import dev.runbook.validate.RuleSettings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the ShellCheck executable: the configured path, or {@code shellcheck} on the PATH. */
public final class ShellCheckBinary {

    private ShellCheckBinary() {
    }

    public static Optional<Path> locate(RuleSettings.ShellCheck settings) {
        if (settings.binary() != null) {
            return executable(settings.binary());
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Optional<Path> found = executable(Path.of(dir, windows ? "shellcheck.exe" : "shellcheck"));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** What a user reads when ShellCheck is required but missing. */
    public static String missingMessage(RuleSettings.ShellCheck settings) {
        return (settings.binary() != null ? "ShellCheck was not found at " + settings.binary()
                : "ShellCheck (shellcheck) was not found on the PATH")
                + " but shellcheck=on requires it; install it (apt-get install shellcheck, brew install shellcheck,"
                + " https://github.com/koalaman/shellcheck#installing), point shellcheckPath at it, or set"
                + " shellcheck=auto to skip it when it is missing";
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
