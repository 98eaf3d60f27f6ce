package dev.runbook.mojo;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeMojoTest {

    @Test
    void withoutAnEnvironmentTheGoalSaysSoAndDoesNothing() throws Exception {
        List<String> lines = new ArrayList<>();
        SmokeMojo mojo = new SmokeMojo();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
        mojo.execute(); // no project, no content: it must not touch either
        assertEquals(List.of("runbook: no environment chosen (-Drunbook.env=…); smoke checks skipped"), lines);
    }
}
