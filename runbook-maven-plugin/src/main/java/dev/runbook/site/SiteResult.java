package dev.runbook.site;

import java.nio.file.Path;

/**
 * What a site build did.
 *
 * @param rendered       runbook pages rendered this time
 * @param unchanged      runbook pages carried over from the previous build untouched
 * @param indexPages     index, tag, status, 404 and redirect pages written this time (0 when nothing changed)
 * @param fullRebuild    true when the theme, configuration or plugin changed (or there was no previous build)
 * @param millis         wall time of the build, for the log line only (never written into the site)
 */
public record SiteResult(int rendered, int unchanged, int indexPages, boolean fullRebuild, long millis,
                         Path outputDirectory) {

    /** The one summary line the goal prints. */
    public String summary() {
        StringBuilder line = new StringBuilder("runbook: site: ")
                .append(rendered).append(rendered == 1 ? " page" : " pages").append(" rendered, ")
                .append(unchanged).append(" unchanged");
        if (indexPages > 0) {
            line.append(" (+").append(indexPages).append(" index/tag/status pages and the search index)");
        }
        if (fullRebuild) {
            line.append(", full rebuild");
        }
        return line.append(", in ").append(millis).append(" ms -> ").append(outputDirectory).toString();
    }
}
