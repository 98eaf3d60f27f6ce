package dev.runbook.site.search;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Node;
import dev.runbook.model.Runbook;
import dev.runbook.status.RunbookStatus;
import org.jsoup.Jsoup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads what search needs from a parsed runbook: its front-matter facts and the plain text of each
 * section. Works on the flexmark AST the loader already built, so the page and the index see the same
 * document (a heading's anchor here is the id the page gives it).
 */
public final class SearchDocuments {

    private SearchDocuments() {
    }

    public static SearchDocument from(Runbook runbook, String pageUrl) {
        return from(runbook, pageUrl, null);
    }

    /**
     * @param pageUrl the page's path relative to the site root, as a path (not percent-encoded):
     *                search.js encodes it once when it makes the link
     * @param status  the runbook's status for the result badge and the status filter, or null
     */
    public static SearchDocument from(Runbook runbook, String pageUrl, RunbookStatus status) {
        return from(runbook, pageUrl, status, sections(runbook));
    }

    /**
     * The plain text of each section of a runbook, read from its AST: what {@link SearchSectionsCache} keeps
     * per page, since it depends on the page's text alone.
     */
    public static List<SearchDocument.Section> sections(Runbook runbook) {
        SectionCollector sections = new SectionCollector(runbook);
        sections.walk();
        return sections.sections;
    }

    /** The same, with the sections already read (from {@link #sections} now or in an earlier build). */
    public static SearchDocument from(Runbook runbook, String pageUrl, RunbookStatus status,
                                      List<SearchDocument.Section> sections) {
        var fm = runbook.frontMatter();
        return new SearchDocument(
                pageUrl,
                clean(runbook.title()),
                clean(fm.description()),
                fm.services().stream().map(SearchDocuments::clean).toList(),
                fm.tags().stream().map(SearchDocuments::clean).toList(),
                fm.severity() == null ? null : fm.severity().name(),
                sections,
                alertName(runbook.relativePath()),
                status == null ? null : status.verification().name().toLowerCase(java.util.Locale.ROOT),
                status != null && status.reviewOverdue());
    }

    private static final java.util.regex.Pattern ALERT_NAME =
            java.util.regex.Pattern.compile("[A-Z][A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*");

    /**
     * The alert a runbook file is named after: {@code alerts/KubeletDown.md} is the runbook of the alert
     * {@code KubeletDown}, as in the OpenShift and kube-prometheus runbook repositories. A camel-case
     * file name of letters and digits; {@code ""} for anything else.
     */
    static String alertName(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        return ALERT_NAME.matcher(base).matches() ? base : "";
    }

    /** NFKC and whitespace runs folded to one space: the text as a reader sees it in one line. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return collapseWhitespace(SearchTokenizer.normalize(text)).strip();
    }

    /** Each run of {@code [ \t\n\x0B\f\r]} (the regex {@code \s}) as one space, without a regex. */
    static String collapseWhitespace(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                int end = i + 1;
                while (end < n && isSpace(text.charAt(end))) {
                    end++;
                }
                if (out == null) {
                    if (c == ' ' && end == i + 1) {
                        continue; // a lone space stays as it is
                    }
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(' ');
                i = end - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Walks the AST in document order, cutting a new section at each heading of level 2 or deeper. */
    private static final class SectionCollector {
        private final Runbook runbook;
        private final List<SearchDocument.Section> sections = new ArrayList<>();
        private String anchor = "";
        private String heading = "";
        private StringBuilder body = new StringBuilder();
        private boolean sawTitleHeading;
        private int headingIndex;

        SectionCollector(Runbook runbook) {
            this.runbook = runbook;
        }

        void walk() {
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(runbook.document());
            while (!stack.isEmpty()) {
                Node node = stack.pop();
                if (!take(node)) {
                    List<Node> children = new ArrayList<>();
                    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                        children.add(child);
                    }
                    for (int i = children.size() - 1; i >= 0; i--) {
                        stack.push(children.get(i));
                    }
                }
            }
            flush();
        }

        /** Handles a node whose text is read whole; false means "descend into its children". */
        private boolean take(Node node) {
            if (node instanceof Heading h) {
                onHeading(h);
            } else if (node instanceof Paragraph || node instanceof TableCell) {
                append(new TextCollectingVisitor().collectAndGetText(node));
            } else if (node instanceof FencedCodeBlock fenced) {
                append(fenced.getContentChars().toString());
            } else if (node instanceof IndentedCodeBlock indented) {
                append(indented.getContentChars().toString());
            } else if (node instanceof HtmlBlock html) {
                append(Jsoup.parseBodyFragment(html.getChars().toString()).text());
            } else if (node instanceof HtmlCommentBlock || node instanceof Reference) {
                // Comments and link definitions are not visible text.
            } else {
                return false;
            }
            return true;
        }

        private void onHeading(Heading node) {
            // The model's headings are in the same pre-order as this walk, so the n-th heading node
            // is the n-th model heading, whose id is the one the page uses.
            var model = headingIndex < runbook.headings().size() ? runbook.headings().get(headingIndex) : null;
            headingIndex++;
            String text = model != null ? model.text() : new TextCollectingVisitor().collectAndGetText(node);
            if (node.getLevel() == 1) {
                boolean isTitle = !sawTitleHeading && sections.isEmpty() && body.toString().isBlank();
                sawTitleHeading = true;
                if (!isTitle) {
                    append(text);
                }
                return;
            }
            flush();
            anchor = model != null ? model.id() : "";
            heading = clean(text);
        }

        private void append(String text) {
            body.append(text).append('\n');
        }

        private void flush() {
            String text = clean(body.toString());
            // An empty intro is noise; an empty titled section still lets its heading be found.
            if (!(anchor.isEmpty() && text.isEmpty())) {
                sections.add(new SearchDocument.Section(anchor, heading, text));
            }
            body = new StringBuilder();
        }
    }
}
