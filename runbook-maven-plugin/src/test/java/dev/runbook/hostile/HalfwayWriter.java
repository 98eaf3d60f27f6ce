package dev.runbook.hostile;

import dev.runbook.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for the crash tests: builds a folder or a file the way the plugin does, says "HALFWAY"
 * when half of it is written, then waits for a line on stdin before finishing. The test kills it there.
 */
public final class HalfwayWriter {

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path target = Path.of(args[1]);
        String version = args[2];
        if (mode.equals("folder")) {
            Path staging = AtomicFiles.stagingDirectoryFor(target);
            for (int i = 0; i < 200; i++) {
                Files.writeString(staging.resolve("page-" + i + ".html"), version + " page " + i);
                if (i == 100) {
                    halfway();
                }
            }
            AtomicFiles.swapIn(staging, target);
        } else {
            AtomicFiles.write(target, out -> {
                for (int i = 0; i < 2000; i++) {
                    out.write((version + " line " + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (i == 1000) {
                        out.flush();
                        halfway();
                    }
                }
            });
        }
        System.out.println("DONE");
    }

    private static void halfway() throws IOException {
        System.out.println("HALFWAY");
        System.out.flush();
        System.in.read();
    }
}
