package dev.runbook.site.render;

import dev.runbook.status.CheckStatus;
import org.jsoup.nodes.Element;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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

    /**
     * @param fenceLine the block's fence line (its card's anchor), or 0 when the block could not be matched
     * @param check the block's last result for its current text, or null
     * @param known whether the block was matched, so that "not run" can be said of it
     */
    static Element build(String body, Map<String, String> attributes, int fenceLine, CheckStatus check, boolean known) {
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
        if (fenceLine > 0) {
            card.id(CheckStatus.anchorOf(fenceLine));
        }
        if (check != null) {
            card.addClass("smoke-card-" + check.outcome());
        }
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
        if (known) {
            result(card, check);
        }
        return card;
    }

    /** The block's own verdict: outcome in words, the resolved values or the reason, where and when. */
    private static void result(Element card, CheckStatus check) {
        Element row = card.appendElement("div").addClass("smoke-result");
        row.appendElement("span").addClass("smoke-label").text("Result");
        if (check == null) {
            row.addClass("smoke-result-none");
            row.appendElement("span").addClass("smoke-outcome").text("Not run for this text yet");
            return;
        }
        row.addClass("smoke-result-" + check.outcome());
        row.appendElement("span").addClass("smoke-outcome").text(switch (check.outcome()) {
            case "pass" -> "Passed";
            case "fail" -> "Failed";
            case "error" -> "Could not run";
            default -> "Skipped (not proven)";
        });
        row.appendElement("span").addClass("smoke-when")
                .text("in " + check.environment() + ", " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                        .format(check.time().atOffset(ZoneOffset.UTC)));
        if (!check.message().isEmpty()) {
            row.appendElement("code").addClass("smoke-message").text(check.message());
        }
    }
}
