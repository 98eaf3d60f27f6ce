/** The one grammar for durations and calendar periods a user writes. Imports only {@code core}. */
package dev.runbook.core.time;
