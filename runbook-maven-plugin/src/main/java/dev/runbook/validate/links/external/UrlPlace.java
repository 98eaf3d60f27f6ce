package dev.runbook.validate.links.external;

import dev.runbook.model.SourcePosition;

/** One place a URL is written: the runbook and the position of the link. */
public record UrlPlace(String file, SourcePosition position) {
}
