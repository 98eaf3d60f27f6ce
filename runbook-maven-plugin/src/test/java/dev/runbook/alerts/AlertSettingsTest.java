package dev.runbook.alerts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertSettingsTest {

    private static final Path PROJECT = Path.of("/work/project");

    @Test
    void servePreviewWatchesTheFixedFolderOfEachRuleGlob() {
        AlertSettings settings = new AlertSettings(List.of(
                "kube-prometheus/manifests/*-prometheusRule.yaml",
                "alerts/**/*.yaml",
                "alerts/extra/rules.yaml",
                "../shared/rules/{a,b}/*.yml",
                "*.rules.yaml",
                "ops\\alerts\\*.yaml"), Map.of("https://x.example/", "."), PROJECT);
        assertEquals(List.of(
                PROJECT.resolve("kube-prometheus/manifests"),
                PROJECT.resolve("alerts"),
                PROJECT.resolve("alerts/extra"),
                Path.of("/work/shared/rules"),
                PROJECT,
                PROJECT.resolve("ops/alerts")), settings.watchRoots());
    }

    @Test
    void noRuleGlobsMeansNothingToWatch() {
        assertEquals(List.of(), AlertSettings.OFF.watchRoots());
    }
}
