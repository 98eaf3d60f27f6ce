package dev.runbook.serve;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReloadScriptTest {

    private static String inject(String html) {
        return new String(ReloadScript.inject(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void goesBeforeTheLastClosingBody() {
        assertEquals("<p>ünïcödé İ</p>" + ReloadScript.SNIPPET + "</BODY></html>", inject("<p>ünïcödé İ</p></BODY></html>"));
        assertEquals("<pre>&lt;/body&gt; </body>x</pre>" + ReloadScript.SNIPPET + "</body>",
                inject("<pre>&lt;/body&gt; </body>x</pre></body>"));
    }

    @Test
    void isAppendedWhenThereIsNoBody() {
        assertEquals("<p>fragment</p>" + ReloadScript.SNIPPET, inject("<p>fragment</p>"));
    }
}
