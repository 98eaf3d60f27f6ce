package dev.runbook.alerts;

import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the alert cross-check over real rule files and a real runbook folder and prints every alert's status,
 * every orphan and the counts. For reviewing the alert.* rules on real corpora by hand (not a unit test):
 * {@code java -cp <test classpath> dev.runbook.alerts.AlertsCorpusRun <project base> <content folder>
 * <glob,glob> <prefix=folder,prefix=folder>}
 */
public final class AlertsCorpusRun {

    private AlertsCorpusRun() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        LoadedContent content = new ContentLoader().load(Path.of(args[1]));
        Map<String, String> bases = new LinkedHashMap<>();
        for (String entry : args[3].split(",")) {
            int eq = entry.indexOf('=');
            bases.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        AlertLinks links = AlertLinks.of(new AlertSettings(List.of(args[2].split(",")), bases, base), content);
        for (AlertLink link : links.links()) {
            AlertRule a = link.alert();
            System.out.println(link.status() + "\t" + a.name() + "\t" + a.file() + ":" + a.urlAt().line() + ":" + a.urlAt().column()
                    + "\t" + a.runbookUrl() + "\t" + (link.runbook() == null ? "" : link.runbook())
                    + "\t" + (link.detail() == null ? "" : link.detail()) + "\t" + (link.suggestion() == null ? "" : "→ " + link.suggestion()));
        }
        for (OrphanRunbook orphan : links.orphans()) {
            System.out.println("ORPHAN\t" + orphan.runbook() + "\t" + orphan.alertName() + "\t" + (orphan.closest() == null ? "" : "~ " + orphan.closest()));
        }
        for (RuleFileProblem problem : links.rules().problems()) {
            System.out.println("PROBLEM\t" + problem.file() + ":" + problem.at().line() + ":" + problem.at().column() + "\t" + problem.message());
        }
        System.out.println("files " + links.rules().files().size() + ", alerts " + links.links().size());
        for (AlertLink.Status s : AlertLink.Status.values()) {
            System.out.println(s + " " + links.count(s));
        }
        System.out.println("ORPHANS " + links.orphans().size());
    }
}
