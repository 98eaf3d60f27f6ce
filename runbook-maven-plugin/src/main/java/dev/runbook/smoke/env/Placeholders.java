package dev.runbook.smoke.env;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code {{name}}} with the environment's variables and secrets. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    /** A placeholder that cannot be filled; the check fails with this message and sends nothing. */
    public static final class UnresolvedException extends Exception {
        public UnresolvedException(String message) {
            super(message, null, false, false);
        }
    }

    private final Environment environment;

    Placeholders(Environment environment) {
        this.environment = environment;
    }

    public String resolve(String template) throws UnresolvedException {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (environment.secretValues().containsKey(name)) {
                value = environment.secretValues().get(name);
            } else if (environment.missingSecrets().contains(name)) {
                throw new UnresolvedException("secret " + name + " is not set: export the environment variable " + name
                        + " before running smoke checks against " + environment.name() + " (nothing was sent)");
            } else if (environment.variables().containsKey(name)) {
                value = environment.variables().get(name);
            } else {
                throw new UnresolvedException("unknown placeholder {{" + name + "}}: environment " + environment.name()
                        + " defines no variable or secret named " + name + " (add it to runbook-environments.yaml)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
