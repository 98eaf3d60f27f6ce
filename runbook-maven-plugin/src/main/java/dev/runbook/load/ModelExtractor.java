package dev.runbook.load;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.LinkReferences;
import dev.runbook.model.SourcePosition;
import dev.runbook.model.SourceText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks one flexmark document and collects what the other stages need: headings with their ids, every
 * anchor, links and images, and code blocks, each with its position in the file. Iterative, so a
 * pathologically deep document cannot overflow the stack here.
 */
final class ModelExtractor {

    /** Matched only from the last "{#": a search from every position of a long heading would be quadratic. */
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\{#([A-Za-z0-9_][A-Za-z0-9_:.-]*)\\}\\s*");

    private final SourceText source;
    private final Map<Heading, String> explicitIds = new IdentityHashMap<>();
    private final Document document;
    private final Slugger slugger = new Slugger();

    final List<dev.runbook.model.Heading> headings = new ArrayList<>();
    final Set<String> anchors = new LinkedHashSet<>();
    final List<dev.runbook.model.Link> links = new ArrayList<>();
    final List<CodeBlock> codeBlocks = new ArrayList<>();
    /** Definitions in document order; the ones some link or image resolves to; explicit references with no definition. */
    private final List<Reference> definitions = new ArrayList<>();
    private final Set<Reference> usedDefinitions = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<LinkReferences.Undefined> undefined = new ArrayList<>();

    ModelExtractor(SourceText source, Document document) {
        this.source = source;
        this.document = document;
    }

    ModelExtractor extract() {
        List<Node> nodes = preOrder();
        // Explicit ids first, so a generated slug never takes an id that a {#id} or <a id> claims.
        for (Node node : nodes) {
            if (node instanceof Heading heading) {
                String explicit = takeExplicitId(heading);
                if (explicit != null) {
                    explicitIds.put(heading, explicit);
                    slugger.reserve(explicit);
                }
            } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
                for (Element element : htmlElements(node.getChars().toString())) {
                    if (!element.id().isEmpty()) {
                        slugger.reserve(element.id());
                    }
                }
            }
        }
        for (Node node : nodes) {
            visit(node);
        }
        return this;
    }

    private List<Node> preOrder() {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(document);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            out.add(node);
            List<Node> children = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return out;
    }

    private void visit(Node node) {
        if (node instanceof Heading heading) {
            String text = headingText(heading);
            String explicit = explicitIds.get(heading);
            String id = explicit != null ? explicit : slugger.next(text);
            headings.add(new dev.runbook.model.Heading(heading.getLevel(), text, id, explicit != null, at(heading.getStartOffset())));
            anchors.add(id);
        } else if (node instanceof Image image) {
            addLink(image.getUrl(), image.getText().toString(), true, image);
        } else if (node instanceof Link link) {
            addLink(link.getUrl(), plainText(link), false, link);
        } else if (node instanceof ImageRef ref) {
            addReference(ref, ref.getText().toString(), true);
        } else if (node instanceof LinkRef ref) {
            addReference(ref, plainText(ref), false);
        } else if (node instanceof Reference reference) {
            definitions.add(reference);
        } else if (node instanceof AutoLink autoLink) {
            addLink(autoLink.getUrl(), autoLink.getText().toString(), false, autoLink);
        } else if (node instanceof MailLink) {
            // mailto: links need no checking.
        } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
            htmlAnchorsAndLinks(node);
        } else if (node instanceof FencedCodeBlock fenced) {
            BasedSequence content = fenced.getContentChars();
            int fenceLine = at(fenced.getStartOffset()).line();
            int bodyStart = content.isEmpty() ? fenceLine + 1 : at(content.getStartOffset()).line();
            CodeInfo info = CodeInfo.parse(fenced.getInfo().toString());
            codeBlocks.add(new CodeBlock(info.language(), fenced.getInfo().toString(), info.attributes(),
                    content.toString(), bodyStart, at(fenced.getStartOffset()), true));
        } else if (node instanceof IndentedCodeBlock indented) {
            BasedSequence content = indented.getContentChars();
            codeBlocks.add(new CodeBlock("", "", Map.of(), content.toString(), at(indented.getStartOffset()).line(),
                    at(indented.getStartOffset()), false));
        }
    }

    /**
     * A reference link or image. Its target is checked once per definition, at the definition's line (the
     * one place to fix it), however many links use it. An explicit {@code [text][label]} with no definition
     * is kept for {@code link.reference-undefined}; shortcut {@code [label]} with no definition is plain text
     * in CommonMark ({@code [TBD]}, {@code [x]}, {@code arr[0]}) and is not a link at all.
     */
    private void addReference(RefNode node, String text, boolean image) {
        RefNode ref = node;
        Reference reference = ref.isDefined() ? ref.getReferenceNode(document) : null;
        if (reference != null) {
            if (usedDefinitions.add(reference) && !isFootnote(reference.getReference())) {
                addLink(reference.getUrl(), text, image, reference);
            }
        } else if (!ref.isReferenceTextCombined() && !ref.isDummyReference() && !indexesSomething(node)) {
            undefined.add(new LinkReferences.Undefined(node.getChars().toString(), ref.getReference().toString(), image,
                    at(node.getStartOffset())));
        }
    }

    /** {@code [^1]: …} is a footnote (GitHub renders them), not a link definition. */
    private static boolean isFootnote(BasedSequence label) {
        return label.startsWith("^");
    }

    /**
     * {@code matrix[i][j]}, {@code f(x)[0][1]}: brackets right after a word or a closing bracket index
     * something; they are not meant as a link.
     */
    private boolean indexesSomething(Node node) {
        int start = node.getStartOffset();
        String text = source.text();
        if (start <= 0 || start > text.length()) {
            return false;
        }
        char before = text.charAt(start - 1);
        return Character.isLetterOrDigit(before) || before == ']' || before == ')' || before == '_';
    }

    /** Definitions with their use and duplicates (labels compared as CommonMark does: case-folded, spaces collapsed). */
    LinkReferences references() {
        ReferenceRepository repository = Parser.REFERENCES.get(document);
        Map<String, Integer> firstLine = new HashMap<>();
        List<LinkReferences.Definition> out = new ArrayList<>();
        for (Reference reference : definitions) {
            if (isFootnote(reference.getReference())) {
                continue;
            }
            String key = repository.normalizeKey(reference.getReference());
            SourcePosition where = at(reference.getStartOffset());
            Integer earlier = firstLine.putIfAbsent(key, where.line());
            out.add(new LinkReferences.Definition(reference.getReference().toString(), reference.getUrl().toString(),
                    where, usedDefinitions.contains(reference), earlier == null ? 0 : earlier));
        }
        return new LinkReferences(out, undefined);
    }

    private void addLink(BasedSequence url, String text, boolean image, Node node) {
        String destination = url.toString().strip();
        if (destination.isEmpty() && !(node instanceof Link)) {
            return;
        }
        int offset = url.isEmpty() || url.getStartOffset() < node.getStartOffset() ? node.getStartOffset() : url.getStartOffset();
        links.add(new dev.runbook.model.Link(destination, text, image, at(offset)));
    }

    private void htmlAnchorsAndLinks(Node node) {
        String html = node.getChars().toString();
        SourcePosition where = at(node.getStartOffset());
        for (Element element : htmlElements(html)) {
            if (!element.id().isEmpty()) {
                anchors.add(element.id());
            }
            if (element.normalName().equals("a") && element.hasAttr("name")) {
                anchors.add(element.attr("name"));
            }
            if (element.normalName().equals("a") && element.hasAttr("href")) {
                links.add(new dev.runbook.model.Link(element.attr("href").strip(), element.text(), false, where));
            }
            if (element.normalName().equals("img") && element.hasAttr("src")) {
                links.add(new dev.runbook.model.Link(element.attr("src").strip(), element.attr("alt"), true, where));
            }
        }
    }

    private static List<Element> htmlElements(String html) {
        if (html.indexOf('<') < 0) {
            return List.of();
        }
        return Jsoup.parseBodyFragment(html).body().getAllElements().stream().skip(1).toList();
    }

    /**
     * Reads a trailing {@code {#id}} from a heading and removes it from the AST, so the page shows the
     * heading without it.
     */
    private static String takeExplicitId(Heading heading) {
        if (!(heading.getLastChild() instanceof Text last)) {
            return null;
        }
        String text = last.getChars().toString();
        int open = text.lastIndexOf("{#");
        if (open < 0) {
            return null;
        }
        Matcher m = EXPLICIT_ID.matcher(text).region(open, text.length());
        if (!m.matches()) {
            return null;
        }
        int start = open;
        while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        BasedSequence kept = last.getChars().subSequence(0, start);
        if (kept.isEmpty()) {
            last.unlink();
        } else {
            last.setChars(kept);
        }
        return m.group(1);
    }

    /** The heading's visible text: inline markup removed, code spans kept. */
    static String headingText(Heading heading) {
        StringBuilder text = new StringBuilder();
        TextCollectingVisitor collector = new TextCollectingVisitor();
        for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
            text.append(collector.collectAndGetText(child));
        }
        return text.toString().strip();
    }

    private static String plainText(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node).strip();
    }

    private SourcePosition at(int offset) {
        return source.positionOf(offset);
    }
}
