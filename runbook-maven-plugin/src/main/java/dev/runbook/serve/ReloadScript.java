package dev.runbook.serve;

import java.nio.charset.StandardCharsets;

/**
 * The few lines of JavaScript that make an open page reload after a rebuild. Added to HTML responses as
 * they are sent, never to the built files, so the preview's output is the same site {@code runbook:site}
 * would publish.
 */
final class ReloadScript {

    static final String MARKER = "data-runbook-live-reload";

    /** Where the preview serves {@link #SOURCE}: same origin, so the site's Content-Security-Policy allows it. */
    static final String PATH = "/__runbook/reload.js";

    // An external file, not an inline script: the pages' Content-Security-Policy (script-src 'self') blocks
    // inline code, and the preview must show the page exactly as it will be published.
    static final String SNIPPET = "<script " + MARKER + " src=\"" + PATH + "\"></script>";

    static final String SOURCE = "(function(){"
            + "if(!window.EventSource)return;"
            + "var s=new EventSource('" + ReloadEvents.PATH + "');"
            + "s.addEventListener('reload',function(){s.close();location.reload();});"
            + "s.addEventListener('build-error',function(e){console.error('runbook: build failed, showing the last good site:\\n'+e.data);});"
            + "})();\n";

    private ReloadScript() {
    }

    /** The page with the snippet before its last {@code </body>}, or at the end when it has none. */
    static byte[] inject(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        int body = lastBodyClose(page);
        String out = body < 0 ? page + SNIPPET : page.substring(0, body) + SNIPPET + page.substring(body);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static int lastBodyClose(String page) {
        for (int i = page.length() - "</body".length(); i >= 0; i--) {
            if (page.regionMatches(true, i, "</body", 0, "</body".length())) {
                return i;
            }
        }
        return -1;
    }
}
