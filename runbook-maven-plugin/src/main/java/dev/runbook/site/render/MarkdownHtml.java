package dev.runbook.site.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.runbook.load.MarkdownSupport;
import dev.runbook.model.Runbook;
import dev.runbook.site.layout.SiteLayout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Markdown to (unsanitized) HTML with the one flexmark configuration the loader parsed with. Heading ids
 * are exactly the ids in {@link Runbook#headings()} (the loader's slugger already assigned them, so a link
 * that validates is a link that works), and relative links to {@code .md} files point at their pages.
 */
public final class MarkdownHtml {

    private static final HtmlRenderer.Builder BASE = HtmlRenderer.builder(new MutableDataSet(MarkdownSupport.OPTIONS)
            .set(HtmlRenderer.RENDER_HEADER_ID, false)
            .set(HtmlRenderer.GENERATE_HEADER_ID, false)
            .set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-")
            .toImmutable());

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final SiteLayout layout;

    public MarkdownHtml(SiteLayout layout) {
        this.layout = layout;
    }

    /** The body HTML of a runbook's page, before sanitizing. */
    public String render(Runbook runbook, String pagePath) {
        // One AST for both steps: a cached page's AST may be parsed on demand, and the ids are keyed by node.
        com.vladsch.flexmark.util.ast.Document document = runbook.document();
        Map<Node, String> headingIds = headingIds(runbook, document);
        HtmlRenderer renderer = HtmlRenderer.builder(BASE)
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return (node, part, attributes) -> {
                            String id = headingIds.get(node);
                            if (id != null) {
                                attributes.replaceValue("id", id);
                            }
                        };
                    }
                })
                .linkResolverFactory(new IndependentLinkResolverFactory() {
                    @Override
                    public LinkResolver apply(LinkResolverBasicContext context) {
                        return (node, ctx, link) -> link.withUrl(rewrite(link.getUrl(), runbook.relativePath(), pagePath))
                                .withStatus(LinkStatus.VALID);
                    }
                })
                .build();
        return renderer.render(document);
    }

    /** Pairs heading nodes with the model's headings: both are in document (pre-)order. */
    private static Map<Node, String> headingIds(Runbook runbook, Node document) {
        Map<Node, String> ids = new IdentityHashMap<>();
        List<Heading> nodes = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(document);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Heading heading) {
                nodes.add(heading);
            }
            List<Node> children = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        for (int i = 0; i < nodes.size() && i < runbook.headings().size(); i++) {
            ids.put(nodes.get(i), runbook.headings().get(i).id());
        }
        return ids;
    }

    /**
     * A relative link to a Markdown file becomes a link to its page (fragment and query kept). Links with
     * a scheme, absolute paths and same-page fragments are left alone.
     */
    String rewrite(String url, String fromMarkdown, String fromPage) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || SCHEME.matcher(url).matches()) {
            return url;
        }
        int cut = indexOfAny(url, '#', '?');
        String path = cut < 0 ? url : url.substring(0, cut);
        String rest = cut < 0 ? "" : url.substring(cut);
        if (!path.toLowerCase(Locale.ROOT).endsWith(".md")) {
            return url;
        }
        String target = SiteLayout.resolve(fromMarkdown, decode(path));
        String page = target == null ? null : layout.pageOf(target);
        if (page == null) {
            return path.substring(0, path.length() - 3) + ".html" + rest;
        }
        return SiteLayout.rootPrefix(fromPage) + SiteLayout.href(page) + rest;
    }

    private static String decode(String path) {
        try {
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
