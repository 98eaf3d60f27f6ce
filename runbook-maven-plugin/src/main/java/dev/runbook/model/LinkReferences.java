package dev.runbook.model;

import java.util.List;

/**
 * The reference-style links of a runbook: every definition ({@code [label]: target "title"}) and every
 * explicit reference ({@code [text][label]}, {@code ![alt][label]}) whose label has no definition. Labels
 * match case-insensitively, and the first definition of a label wins (CommonMark).
 */
public record LinkReferences(List<Definition> definitions, List<Undefined> undefined) {

    public static final LinkReferences NONE = new LinkReferences(List.of(), List.of());

    public LinkReferences {
        definitions = List.copyOf(definitions);
        undefined = List.copyOf(undefined);
    }

    /**
     * One definition as written. {@code used}: a link or image of the page resolves to it;
     * {@code duplicateOf}: the line of an earlier definition of the same label (this one is ignored), else 0.
     */
    public record Definition(String label, String destination, SourcePosition position, boolean used, int duplicateOf) {

        public boolean duplicate() {
            return duplicateOf > 0;
        }
    }

    /** {@code [text][label]} whose label no definition on the page names; readers see the brackets as text. */
    public record Undefined(String written, String label, boolean image, SourcePosition position) {
    }
}
