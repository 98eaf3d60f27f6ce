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
        List<CardStep> steps = steps(body);
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
        if (steps.isEmpty()) {
            steps.add(new CardStep(null));
        }
        if (steps.size() == 1) {
            steps.get(0).appendTo(card);
        } else {
            Element list = card.appendElement("ol").addClass("smoke-steps");
            for (int i = 0; i < steps.size(); i++) {
                Element item = list.appendElement("li").addClass("smoke-step");
                item.appendElement("span").addClass("smoke-step-title").text("Step " + (i + 1) + " of " + steps.size());
                steps.get(i).appendTo(item);
            }
        }
        if (known) {
            result(card, check);
        }
        return card;
    }

    /**
     * The block's steps as a reader sees them. Every probe line starts a step (as in the smoke runner): a
     * line that opens with a probe keyword, or any line after the step's expect and capture lines.
     */
    private static List<CardStep> steps(String body) {
        List<CardStep> steps = new ArrayList<>();
        CardStep current = null;
        for (String raw : body.split("\r\n|\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("expect ") && current != null) {
                current.expectations.add(line.substring("expect ".length()).strip());
            } else if (line.startsWith("capture ") && current != null) {
                current.captures.add(line.substring("capture ".length()).strip());
            } else if (current == null || current.concluded() || kindOf(line) != null) {
                current = new CardStep(line);
                steps.add(current);
            } else {
                current.request.add(line);
            }
        }
        return steps;
    }

    /** The probe kind a line starts, in words for the card, or null when the line starts none. */
    static String kindOf(String line) {
        String first = line.split("\\s+", 2)[0];
        if (HTTP_METHODS.contains(first) || first.equals("curl")) {
            return "HTTP";
        }
        if (first.startsWith("ws://") || first.startsWith("wss://") || first.startsWith("{{")) {
            return "WebSocket";
        }
        return KINDS.get(first);
    }

    private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Map<String, String> KINDS = Map.of("tcp", "TCP", "tls", "TLS", "dns", "DNS", "stun", "STUN", "turn", "TURN",
            "sql", "SQL", "redis", "Redis");

    /** One probe and what follows it, in display form. */
    private static final class CardStep {
        final String probe;
        final List<String> request = new ArrayList<>();
        final List<String> expectations = new ArrayList<>();
        final List<String> captures = new ArrayList<>();

        CardStep(String probe) {
            this.probe = probe;
        }

        boolean concluded() {
            return !expectations.isEmpty() || !captures.isEmpty();
        }

        void appendTo(Element parent) {
            String kind = probe == null ? null : kindOf(probe);
            Element probeRow = parent.appendElement("div").addClass("smoke-probe");
            probeRow.appendElement("span").addClass("smoke-label").text(kind == null ? "Probe" : kind);
            probeRow.appendElement("code").text(probe == null ? "(empty)" : probe);
            if (!request.isEmpty()) {
                Element sent = parent.appendElement("div").addClass("smoke-request");
                sent.appendElement("span").addClass("smoke-label").text(requestLabel());
                sent.appendElement("code").text(String.join("\n", request));
            }
            Element checks = parent.appendElement("div").addClass("smoke-checks");
            checks.appendElement("span").addClass("smoke-label").text("Expects");
            Element list = checks.appendElement("ul").addClass("smoke-expect");
            if (expectations.isEmpty()) {
                list.appendElement("li").addClass("smoke-none").text(captures.isEmpty()
                        ? "no assertions: passes when the probe answers"
                        : "an answer to capture from");
            }
            for (String expectation : expectations) {
                Element item = list.appendElement("li");
                // A neutral marker: a tick would read as "passed", and this card shows the check, not its result.
                item.appendElement("span").addClass("smoke-bullet").attr("aria-hidden", "true").text("\u2192");
                item.appendElement("code").text(expectation);
            }
            if (!captures.isEmpty()) {
                Element captured = parent.appendElement("div").addClass("smoke-checks");
                captured.appendElement("span").addClass("smoke-label").text("Captures");
                Element names = captured.appendElement("ul").addClass("smoke-expect");
                for (String capture : captures) {
                    names.appendElement("li").appendElement("code").text(capture);
                }
            }
        }

        /** What the request lines are, in the kind's own words. */
        private String requestLabel() {
            String first = request.get(0);
            if (first.startsWith("query ")) {
                return "Query";
            }
            if (first.startsWith("command ")) {
                return "Command";
            }
            return "Sends";
        }
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
