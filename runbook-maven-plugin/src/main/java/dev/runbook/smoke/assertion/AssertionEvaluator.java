package dev.runbook.smoke.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.runbook.core.time.Durations;
import dev.runbook.secrets.Redactor;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Subject;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an observation against a block's assertions. A failure names the resolved value beside the
 * expectation, as hurl and gatus do: {@code json $.status ("degraded") == "ok"}.
 */
public final class AssertionEvaluator {

    static final int BODY_EXCERPT = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .options(EnumSet.noneOf(Option.class))
            .build();
    private static final Object NOT_JSON = new Object();

    private AssertionEvaluator() {
    }

    /**
     * @param implicitMaxStatus curl {@code -f}: statuses at or above it fail unless the block asserts on
     *                          status itself; null when not set
     */
    public static Verdict evaluate(List<Assertion> assertions, Observation seen, Integer implicitMaxStatus) {
        return evaluate(assertions, seen, implicitMaxStatus, Redactor.NONE);
    }

    /**
     * As above, with every observed value passed through the run's redactor <em>before</em> it is quoted,
     * JSON-escaped, collapsed onto one line or shortened: each of those turns a secret into a different
     * string that a later redaction would no longer recognise.
     */
    public static Verdict evaluate(List<Assertion> assertions, Observation seen, Integer implicitMaxStatus, Redactor redactor) {
        List<String> failures = new ArrayList<>();
        boolean assertsStatus = assertions.stream().anyMatch(a -> a.subject() == Subject.STATUS);
        if (implicitMaxStatus != null && !assertsStatus && seen.status() != null && seen.status() >= implicitMaxStatus) {
            failures.add("status (" + seen.status() + ") < " + implicitMaxStatus + " (curl -f)");
        }
        Object parsedBody = null;
        for (Assertion a : assertions) {
            Object actual;
            if (a.subject().takesJsonPath()) {
                if (parsedBody == null) {
                    parsedBody = parseJson(a.subject() == Subject.VALUE ? (String) seen.values().get(Subject.VALUE) : seen.body());
                }
                actual = parsedBody == NOT_JSON ? null : jsonValue(parsedBody, a.argument());
                if (parsedBody == NOT_JSON && seen.failure() == null) {
                    failures.add(a.subjectText() + " (body is not JSON) " + rest(a));
                    continue;
                }
            } else {
                actual = actual(a, seen);
            }
            if (actual == null && seen.failure() != null && a.subject() != Subject.CONNECTED) {
                failures.add(a.subjectText() + " (no response) " + rest(a));
                continue;
            }
            try {
                if (holds(actual, a.operator(), a.expected()) == a.negated()) {
                    failures.add(a.subjectText() + " (" + render(actual, redactor) + ") " + rest(a));
                }
            } catch (BoundedText.BudgetExceeded e) {
                failures.add(a.subjectText() + " " + rest(a) + ": the regular expression gave up after "
                        + BoundedText.DEFAULT_BUDGET / 1_000_000 + " million steps on " + text(actual).length()
                        + " characters (catastrophic backtracking, e.g. a repeated group of .* like (.*a){10});"
                        + " simplify it or match a shorter, anchored part");
            }
        }
        if (seen.failure() != null && failuresOnlyAboutConnection(assertions)) {
            // e.g. `expect connected == false` for a port that must be closed: the failure is the expected outcome.
            if (failures.isEmpty()) {
                return new Verdict(true, "");
            }
        }
        if (seen.failure() != null) {
            failures.add(0, redactor.redact(seen.failure()));
        }
        if (failures.isEmpty()) {
            return new Verdict(true, "");
        }
        String message = String.join("; ", failures);
        if (seen.body() != null && !seen.body().isBlank() && seen.status() != null) {
            message += " — body: " + excerpt(redactor.redact(seen.body()));
        }
        return new Verdict(false, message);
    }

    /**
     * The value of a subject in an observation as text, for {@code capture}: strings as they are, numbers and
     * booleans as written, JSON values as JSON; null when absent.
     */
    public static String valueText(Subject subject, String argument, Observation seen) {
        Object value;
        if (subject.takesJsonPath()) {
            Object document = parseJson(subject == Subject.VALUE ? (String) seen.values().get(Subject.VALUE) : seen.body());
            value = document == NOT_JSON ? null : jsonValue(document, argument);
        } else {
            value = actual(new Assertion(subject, argument, Operator.EXISTS, new ExpectedValue.None(), 0), seen);
        }
        return value == null ? null : text(value);
    }

    /** Whether every {@code message} assertion holds for this text: a stream reader stops reading when it does. */
    public static boolean holdsForMessage(List<Assertion> assertions, String text) {
        List<Assertion> onMessage = assertions.stream().filter(a -> a.subject() == Subject.MESSAGE).toList();
        Observation partial = new Observation(null, null, null, Duration.ZERO, true, null, text, null);
        return evaluate(onMessage, partial, null).passed();
    }

    private static boolean failuresOnlyAboutConnection(List<Assertion> assertions) {
        return !assertions.isEmpty() && assertions.stream().allMatch(a -> a.subject() == Subject.CONNECTED);
    }

    private static String rest(Assertion a) {
        return a.predicateText();
    }

    private static Object actual(Assertion a, Observation seen) {
        return switch (a.subject()) {
            case STATUS -> seen.status() == null ? null : Long.valueOf(seen.status());
            case HEADER -> seen.header(a.argument());
            case BODY -> seen.body();
            case TIME -> seen.time();
            case CONNECTED -> seen.connected();
            case CERT_DAYS_LEFT -> seen.certDaysLeft();
            case MESSAGE -> seen.message();
            case JSON, VALUE -> throw new IllegalStateException("handled by the caller");
            default -> seen.values().get(a.subject());
        };
    }

    private static Object parseJson(String body) {
        if (body == null || body.isBlank()) {
            return NOT_JSON;
        }
        try {
            return JSON_PATH.jsonProvider().parse(body);
        } catch (RuntimeException e) {
            return NOT_JSON;
        }
    }

    private static Object jsonValue(Object document, String path) {
        try {
            return JsonPath.using(JSON_PATH).parse(document).read(path);
        } catch (PathNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean holds(Object actual, Operator op, ExpectedValue expected) {
        if (op == Operator.EXISTS) {
            return actual != null;
        }
        if (actual == null) {
            return op == Operator.NE;
        }
        return switch (op) {
            case CONTAINS -> text(actual).contains(expectedText(expected));
            case STARTS_WITH -> text(actual).startsWith(expectedText(expected));
            case ENDS_WITH -> text(actual).endsWith(expectedText(expected));
            case MATCHES -> Pattern.compile(expectedText(expected))
                    .matcher(new BoundedText(text(actual), BoundedText.DEFAULT_BUDGET)).find();
            case EQ -> same(actual, expected);
            case NE -> !same(actual, expected);
            default -> {
                Integer c = compare(actual, expected);
                yield c != null && switch (op) {
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
            }
        };
    }

    private static boolean same(Object actual, ExpectedValue expected) {
        if (expected instanceof ExpectedValue.Text t) {
            return actual instanceof String s && s.equals(t.value());
        }
        if (expected instanceof ExpectedValue.Number n) {
            return actual instanceof Number && number(actual).compareTo(n.value()) == 0;
        }
        if (expected instanceof ExpectedValue.Bool b) {
            return actual instanceof Boolean x && x == b.value();
        }
        if (expected instanceof ExpectedValue.Time t) {
            return actual instanceof Duration d && d.equals(t.value());
        }
        return false;
    }

    private static Integer compare(Object actual, ExpectedValue expected) {
        if (expected instanceof ExpectedValue.Number n && actual instanceof Number) {
            return number(actual).compareTo(n.value());
        }
        if (expected instanceof ExpectedValue.Time t && actual instanceof Duration d) {
            return d.compareTo(t.value());
        }
        return null;
    }

    private static BigDecimal number(Object n) {
        return new BigDecimal(n.toString());
    }

    private static String expectedText(ExpectedValue expected) {
        return expected instanceof ExpectedValue.Text t ? t.value() : expected.written();
    }

    private static String text(Object actual) {
        if (actual instanceof String s) {
            return s;
        }
        if (actual instanceof Duration d) {
            return Durations.format(d);
        }
        if (actual instanceof Number || actual instanceof Boolean) {
            return actual.toString();
        }
        try {
            return JSON.writeValueAsString(actual);
        } catch (JsonProcessingException e) {
            return String.valueOf(actual);
        }
    }

    /** The observed value as the failure message shows it: strings quoted, durations short, absent as "missing". */
    static String render(Object actual, Redactor redactor) {
        if (actual == null) {
            return "missing";
        }
        if (actual instanceof String raw) {
            String s = redactor.redact(raw);
            try {
                return JSON.writeValueAsString(s.length() > BODY_EXCERPT ? s.substring(0, BODY_EXCERPT) + "…" : s);
            } catch (JsonProcessingException e) {
                return '"' + s + '"';
            }
        }
        return redactor.redact(text(actual));
    }

    /** The first characters of a body on one line, for failure messages; redact the body before calling this. */
    public static String excerpt(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= BODY_EXCERPT ? oneLine : oneLine.substring(0, BODY_EXCERPT) + "…";
    }
}
