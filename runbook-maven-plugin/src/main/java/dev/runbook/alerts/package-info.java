/**
 * Prometheus alert rules and their runbooks: reads alert rule files (Prometheus rule-group files and
 * Kubernetes {@code PrometheusRule} manifests, multi-document YAML included) with the line and column of
 * each alert, maps each {@code runbook_url} onto a content path through the configured
 * {@link dev.runbook.alerts.RunbookBases}, and links alerts to runbooks ({@link dev.runbook.alerts.AlertLinks}),
 * the one answer that the {@code alert.*} rules and the site's alert panel and {@code alerts.html} both read.
 * May import {@code core}, {@code model} and {@code load}; never {@code findings}, {@code validate},
 * {@code site} or {@code report} (they import this package).
 */
package dev.runbook.alerts;
