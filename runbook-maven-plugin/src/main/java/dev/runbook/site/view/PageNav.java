package dev.runbook.site.view;

import java.util.List;

/**
 * What a runbook page shows around its text: where its source lives and how to edit it, when it last
 * changed, and the runbooks before and after it in its service.
 *
 * @param sourceSegments the source path split at {@code /}, so the page can let it wrap only there
 * @param editUrl        the "Edit this page" link, or null when no {@code editUrl} is configured
 * @param lastChanged    the day the file last changed (git commit, else modification time), or null
 * @param previous       the runbook before this one in its service's list, or null
 * @param next           the runbook after this one in its service's list, or null
 */
public record PageNav(List<String> sourceSegments, String editUrl, String lastChanged, TagLink previous, TagLink next) {

    public PageNav {
        sourceSegments = List.copyOf(sourceSegments);
    }

    /**
     * Every field, for the page's hash. Not {@code toString}: a record's goes through a method handle per
     * component, for every page of every build.
     */
    public String hashKey() {
        dev.runbook.core.KeyBuilder key = new dev.runbook.core.KeyBuilder(256).add(sourceSegments).add(editUrl)
                .add(lastChanged);
        for (TagLink link : new TagLink[] {previous, next}) {
            if (link == null) {
                key.add((String) null);
            } else {
                key.add("link").add(link.name()).add(link.url());
            }
        }
        return key.toString();
    }
}
