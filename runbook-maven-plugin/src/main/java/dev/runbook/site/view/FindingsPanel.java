package dev.runbook.site.view;

import java.util.List;

/** The findings of one page, worst first, with a summary line such as "2 validation findings (1 error)". */
public record FindingsPanel(String summary, String worst, List<FindingView> findings) {
}
