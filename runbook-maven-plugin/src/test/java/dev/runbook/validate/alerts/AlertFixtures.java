package dev.runbook.validate.alerts;

import dev.runbook.alerts.AlertSettings;
import dev.runbook.validate.Fixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A content folder with alert runbooks, rule files beside it, and the settings that connect them. */
final class AlertFixtures {

    static final String SITE = "https://runbooks.example.org/runbooks/";
    static final String GITHUB = "https://github.com/acme/runbooks/blob/main/";

    private AlertFixtures() {
    }

    /** Two runbook folders: {@code db/} published on a Hugo-style site, {@code net/} linked as GitHub files. */
    static Fixture content(Path temp) {
        return new Fixture(temp)
                .file("db/DiskFull.md", "# DiskFull\n\n## Check\n\n## Fix\n")
                .file("db/ReplicaLag.md", "# ReplicaLag\n")
                .file("db/OldAlert.md", "# OldAlert (renamed long ago)\n")
                .file("db/_index.md", "# Database alerts\n")
                .file("net/LinkDown.md", "# LinkDown\n")
                .file("notes/Declared.md", "---\nalert: GoneAlert\n---\n# A runbook for an alert that is gone\n");
    }

    static void rules(Path temp, String relative, String yaml) {
        try {
            Path file = temp.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AlertSettings settings(Path temp) {
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put(SITE, "db");
        bases.put(GITHUB, ".");
        return new AlertSettings(List.of("alerts/**/*.yaml"), bases, temp);
    }

    /** One rule file with every case: linked (site, lower-cased), linked (GitHub), broken, anchor, missing, NA, external. */
    static void everyCase(Path temp) {
        rules(temp, "alerts/db.yaml", """
                groups:
                - name: db
                  rules:
                  - alert: DiskFull
                    expr: disk_free < 0.1
                    annotations:
                      runbook_url: https://runbooks.example.org/runbooks/diskfull/#fix
                  - alert: ReplicaLag
                    expr: lag > 10
                    annotations:
                      runbook_url: https://runbooks.example.org/runbooks/replicalag
                  - alert: DiskFul
                    expr: disk_free < 0.05
                    annotations:
                      runbook_url: https://runbooks.example.org/runbooks/diskful
                  - alert: DiskFullSoon
                    expr: predict_linear(disk_free[1h], 3600) < 0
                    annotations:
                      runbook_url: https://runbooks.example.org/runbooks/diskfull#fixx
                  - alert: NoRunbook
                    expr: vector(1)
                  - alert: LinkDown
                    expr: link_up == 0
                    annotations:
                      runbook_url: NA
                  - alert: Etcd
                    expr: vector(1)
                    annotations:
                      runbook_url: https://etcd.io/docs/maintenance/#defrag
                """);
        rules(temp, "alerts/net.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                spec:
                  groups:
                  - name: net
                    rules:
                    - alert: LinkFlapping
                      expr: changes(link_up[5m]) > 3
                      annotations:
                        runbook_url: https://github.com/acme/runbooks/blob/main/net/linkdown.md
                """);
    }
}
