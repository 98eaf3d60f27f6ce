/**
 * The parsed runbook: front-matter, headings, links, code blocks, source positions. Plain values made by
 * {@code load} and read by every later stage. Imports nothing from {@code dev.runbook}.
 */
package dev.runbook.model;
