/**
 * {@code runbook:serve}: the live preview server that rebuilds the site on a change and reloads the browser.
 * May import the stages it drives ({@code site}, {@code load}) and everything below them.
 */
package dev.runbook.serve;
