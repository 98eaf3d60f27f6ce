package dev.runbook.site.view;

import java.util.List;

/**
 * A runbook as the index, tag, status and its own page show it; all values are plain strings.
 *
 * @param url          page path relative to the site root
 * @param serviceLinks each service and its group on the index
 * @param dataTags     tags joined as {@code ,a,b,} for the index filters
 */
public record RunbookView(String title, String url, String sourcePath, String description, List<String> services, List<TagLink> serviceLinks,
                          String owner, String severity, List<TagLink> tags, String lastReviewed, String reviewDue,
                          StatusView status, String dataService, String dataTags, String dataSeverity) {

    public RunbookView {
        services = List.copyOf(services);
        serviceLinks = List.copyOf(serviceLinks);
        tags = List.copyOf(tags);
    }
}
