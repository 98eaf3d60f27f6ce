package dev.runbook.site.view;

import java.util.List;

/**
 * The model of {@code alerts.html}: every alert of the configured rule files with its runbook status, the
 * ones that need work first.
 *
 * @param linked   alerts whose runbook_url leads to a runbook
 * @param missing  alerts without a runbook_url
 * @param broken   alerts whose runbook_url leads nowhere (or to a missing anchor)
 * @param external alerts whose runbook_url is on another site
 * @param files    the rule files read
 */
public record AlertsPage(List<AlertView> alerts, int linked, int missing, int broken, int external, List<String> files) {

    public AlertsPage {
        alerts = List.copyOf(alerts);
        files = List.copyOf(files);
    }
}
