package dev.runbook.load;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's autolink extension, handing it only the text nodes that can hold a link. Its post-processor
 * unescapes every text node and runs the autolink library's scan and a {@code \b…://} regular expression
 * over it: a fifth of all parsing time at 10,000 pages, nearly all of it on text that holds no link.
 *
 * <p>What it can find, per its code (flexmark-ext-autolink 0.64.8, nibor autolink 0.6.0): the scanners start
 * at {@code ':'} (URLs), {@code '@'} (e-mail) and {@code 'w'} followed by {@code "ww."}; the regular
 * expression needs {@code "://"}. Unescaping can only make one of those from a backslash escape or an
 * entity, so a node is skipped when its own text holds none of {@code : @ \ &} and no {@code "www"}, and the
 * node after it is not one the processor would join to it (typographic text, an HTML entity). A skipped node
 * is one the processor would have left as it was, so the AST is the same ({@code AutolinkSkipTest} holds
 * the two parsers to one rendering over link-shaped and random text).
 */
final class LinkFreeTextSkippingAutolink implements Parser.ParserExtension {

    private LinkFreeTextSkippingAutolink() {
    }

    static LinkFreeTextSkippingAutolink create() {
        return new LinkFreeTextSkippingAutolink();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        AutolinkExtension.create().parserOptions(options);
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.postProcessorFactory(new Factory());
    }

    /** Whether flexmark's autolink post-processor could change {@code node}. */
    static boolean mayHoldLink(Node node) {
        Node next = node.getNext();
        if (next instanceof TypographicText || next instanceof HtmlEntity) {
            return true;
        }
        BasedSequence chars = node.getChars();
        int length = chars.length();
        for (int i = 0; i < length; i++) {
            char c = chars.charAt(i);
            if (c == ':' || c == '@' || c == '\\' || c == '&') {
                return true;
            }
            if (c == 'w' && i + 2 < length && chars.charAt(i + 1) == 'w' && chars.charAt(i + 2) == 'w') {
                return true;
            }
        }
        return false;
    }

    private static final class Skipping extends NodePostProcessor {

        private final AutolinkNodePostProcessor autolink;

        Skipping(AutolinkNodePostProcessor autolink) {
            this.autolink = autolink;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            if (mayHoldLink(node)) {
                autolink.process(state, node);
            }
        }
    }

    private static final class Factory extends NodePostProcessorFactory {

        Factory() {
            super(false);
            addNodes(Text.class); // what flexmark's own factory registers
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Skipping(new AutolinkNodePostProcessor(document));
        }
    }
}
