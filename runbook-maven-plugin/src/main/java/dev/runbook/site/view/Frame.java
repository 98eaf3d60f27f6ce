package dev.runbook.site.view;

/**
 * What every page's frame shows.
 *
 * @param root      relative prefix to the site root: "" or "../" …; every link in the theme starts with it
 * @param canonical absolute URL of the page when a baseUrl is configured, else null
 * @param section   which navigation item is current: "index", "status", "tags", "report" or "" (for aria-current)
 * @param buildDate "now" for statuses and review deadlines (the real date unless runbook.asOf pins it)
 * @param builtOn   the day the site was built when it differs from buildDate, else null
 * @param report    the site carries the release report ({@code report.html}), so the navigation links it
 * @param generator the plugin and its version, named in the footer ({@code runbook-maven-plugin 1.2.3})
 * @param alerts    the site has {@code alerts.html} (alertRules is configured), so the navigation links it
 */
public record Frame(String root, String siteTitle, String pageTitle, String canonical, String buildDate, String section,
                    boolean report, String builtOn, String generator, boolean alerts) {

    public Frame(String root, String siteTitle, String pageTitle, String canonical, String buildDate, String section,
                 boolean report, String builtOn, String generator) {
        this(root, siteTitle, pageTitle, canonical, buildDate, section, report, builtOn, generator, false);
    }

    public Frame(String root, String siteTitle, String pageTitle, String canonical, String buildDate, String section) {
        this(root, siteTitle, pageTitle, canonical, buildDate, section, false, null, null);
    }
}
