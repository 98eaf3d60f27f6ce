package dev.runbook.site.render;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A smoke block shown as a check a reader can follow: the probe, what is sent, what is expected, and the
 * block's name, timeout and retries. Display only; the smoke runner has its own strict parser.
 */
final class SmokeCard {

    private SmokeCard() {
    }

    static Element build(String body, Map<String, String> attributes) {
        String probe = null;
        List<String> request = new ArrayList<>();
        List<String> expectations = new ArrayList<>();
        for (String raw : body.split("\r\n|\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (probe == null) {
                probe = line;
            } else if (line.startsWith("expect ")) {
                expectations.add(line.substring("expect ".length()).strip());
            } else {
                request.add(line);
            }
        }
        Map<String, String> attrs = new TreeMap<>(attributes);
        String name = attrs.remove("name");

        Element card = new Element("section").addClass("smoke-card")
                .attr("aria-label", "Smoke check" + (name == null ? "" : ": " + name));
        Element head = card.appendElement("div").addClass("smoke-head");
        head.appendElement("span").addClass("smoke-kicker").text("Smoke check");
        head.appendElement("strong").addClass("smoke-name").text(name == null ? "Unnamed check" : name);
        if (!attrs.isEmpty()) {
            Element list = head.appendElement("span").addClass("smoke-attrs");
            attrs.forEach((key, value) -> list.appendElement("span").addClass("smoke-attr").text(key + " " + value));
        }
        Element probeRow = card.appendElement("div").addClass("smoke-probe");
        probeRow.appendElement("span").addClass("smoke-label").text("Probe");
        probeRow.appendElement("code").text(probe == null ? "(empty)" : probe);
        if (!request.isEmpty()) {
            Element sent = card.appendElement("div").addClass("smoke-request");
            sent.appendElement("span").addClass("smoke-label").text("Sends");
            Element lines = sent.appendElement("code");
            lines.text(String.join("\n", request));
        }
        Element checks = card.appendElement("div").addClass("smoke-checks");
        checks.appendElement("span").addClass("smoke-label").text("Expects");
        Element list = checks.appendElement("ul").addClass("smoke-expect");
        if (expectations.isEmpty()) {
            list.appendElement("li").addClass("smoke-none").text("no assertions: passes when the probe answers");
        }
        for (String expectation : expectations) {
            Element item = list.appendElement("li");
            // A neutral marker: a tick would read as "passed", and this card shows the check, not its result.
            item.appendElement("span").addClass("smoke-bullet").attr("aria-hidden", "true").text("\u2192");
            item.appendElement("code").text(expectation);
        }
        return card;
    }
}
