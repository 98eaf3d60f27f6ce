package dev.runbook.smoke.kind.http;

import dev.runbook.smoke.probe.SyntaxException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a tokenised {@code curl} command into an {@link HttpProbeSpec}. Only a whitelist of flags is
 * understood; anything else is an error rather than silently ignored, so a check never means less than
 * the command a reader sees.
 */
final class CurlCommand {

    private static final Set<String> WITH_VALUE = Set.of("-X", "--request", "-H", "--header", "-d", "--data",
            "--data-raw", "--json", "-u", "--user", "-m", "--max-time", "--connect-timeout");
    private static final Set<String> SWITCHES = Set.of("-k", "--insecure", "-L", "--location", "-f", "--fail",
            "-s", "--silent", "-S", "--show-error", "-I", "--head", "-G", "--get");
    private static final String FLAG_LIST = "-X -H -d --data-raw --json -u -k -L -m --connect-timeout -f -s -S -I -G";

    private CurlCommand() {
    }

    static HttpProbeSpec parse(List<ShellWords.Word> words, int probeLine) throws SyntaxException {
        String method = null;
        String url = null;
        List<HttpProbeSpec.Header> headers = new ArrayList<>();
        List<String> data = new ArrayList<>();
        boolean json = false;
        boolean follow = false;
        boolean insecure = false;
        boolean fail = false;
        boolean head = false;
        boolean get = false;
        Duration maxTime = null;
        Duration connectTimeout = null;
        String user = null;

        for (int i = 1; i < words.size(); i++) {
            ShellWords.Word word = words.get(i);
            String w = word.text();
            if (!w.startsWith("-") || w.equals("-")) {
                if (url != null) {
                    throw new SyntaxException(word.line(), word.column(), "second URL '" + w + "' in curl command",
                            "a smoke block checks one URL; split it into two blocks");
                }
                url = w;
                continue;
            }
            List<String> flags = expand(word);
            for (int f = 0; f < flags.size(); f++) {
                String flag = flags.get(f);
                if (SWITCHES.contains(flag)) {
                    switch (flag) {
                        case "-k", "--insecure" -> insecure = true;
                        case "-L", "--location" -> follow = true;
                        case "-f", "--fail" -> fail = true;
                        case "-I", "--head" -> head = true;
                        case "-G", "--get" -> get = true;
                        default -> {
                            // -s / -S only change curl's own output, which a smoke check does not print.
                        }
                    }
                    continue;
                }
                if (!WITH_VALUE.contains(flag)) {
                    throw new SyntaxException(word.line(), word.column(), "curl flag " + flag + " is not supported in smoke checks",
                            "supported flags: " + FLAG_LIST + "; assert on the response with `expect` lines");
                }
                if (f != flags.size() - 1 || i + 1 >= words.size()) {
                    throw new SyntaxException(word.line(), word.column(), "curl flag " + flag + " needs a value",
                            "write the value after the flag, e.g. " + flag + " '...'");
                }
                ShellWords.Word valueWord = words.get(++i);
                String value = valueWord.text();
                if ((flag.startsWith("-d") || flag.equals("--data") || flag.equals("--json")) && value.startsWith("@")) {
                    throw new SyntaxException(valueWord.line(), valueWord.column(), "curl " + flag + " " + value
                            + " would read a file; smoke checks send only what the runbook shows",
                            "write the body inline, or use --data-raw to send a literal '@'");
                }
                switch (flag) {
                    case "-X", "--request" -> method = value.toUpperCase(Locale.ROOT);
                    case "-H", "--header" -> headers.add(header(value, valueWord));
                    case "-d", "--data", "--data-raw" -> data.add(value);
                    case "--json" -> {
                        data.add(value);
                        json = true;
                    }
                    case "-u", "--user" -> user = value;
                    case "-m", "--max-time" -> maxTime = seconds(value, valueWord);
                    default -> connectTimeout = seconds(value, valueWord);
                }
            }
        }
        if (url == null) {
            throw new SyntaxException(probeLine, 1, "curl command has no URL", "write the URL, e.g. curl -fsS {{api}}/health");
        }
        String body = data.isEmpty() ? null : String.join("&", data);
        if (get && body != null) {
            url = url + (url.contains("?") ? "&" : "?") + body;
            body = null;
        }
        if (json) {
            headers.add(0, new HttpProbeSpec.Header("Content-Type", "application/json"));
            headers.add(1, new HttpProbeSpec.Header("Accept", "application/json"));
        } else if (body != null && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            headers.add(new HttpProbeSpec.Header("Content-Type", "application/x-www-form-urlencoded"));
        }
        if (method == null) {
            method = head ? "HEAD" : body != null ? "POST" : "GET";
        }
        return new HttpProbeSpec(probeLine, method, url, headers, body, follow, insecure, fail, maxTime, connectTimeout, user);
    }

    /** {@code -fsS} is {@code -f -s -S}; a value-taking short flag may only come last. */
    private static List<String> expand(ShellWords.Word word) throws SyntaxException {
        String w = word.text();
        if (w.startsWith("--") || w.length() == 2) {
            return List.of(w);
        }
        List<String> flags = new ArrayList<>();
        for (int c = 1; c < w.length(); c++) {
            String flag = "-" + w.charAt(c);
            if (WITH_VALUE.contains(flag) && c != w.length() - 1) {
                throw new SyntaxException(word.line(), word.column(), "curl flag " + flag + " inside '" + w
                        + "' takes a value; smoke checks need it as a separate word",
                        "write " + flag + " 'value' separately");
            }
            flags.add(flag);
        }
        return flags;
    }

    private static HttpProbeSpec.Header header(String value, ShellWords.Word word) throws SyntaxException {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new SyntaxException(word.line(), word.column(), "header '" + value + "' has no 'Name: value' form",
                    "write -H 'Name: value'");
        }
        return new HttpProbeSpec.Header(value.substring(0, colon).strip(), value.substring(colon + 1).strip());
    }

    private static Duration seconds(String value, ShellWords.Word word) throws SyntaxException {
        try {
            double s = Double.parseDouble(value);
            if (s > 0) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SyntaxException(word.line(), word.column(), "'" + value + "' is not a number of seconds",
                "curl takes seconds, e.g. -m 5 or --connect-timeout 2.5");
    }
}
