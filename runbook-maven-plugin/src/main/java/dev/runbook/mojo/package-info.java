/**
 * The Maven goals: each binds its parameters, makes one call into its stage and maps the outcome
 * ({@link dev.runbook.mojo.AbstractRunbookMojo}). The only package that imports Maven's API.
 */
package dev.runbook.mojo;
