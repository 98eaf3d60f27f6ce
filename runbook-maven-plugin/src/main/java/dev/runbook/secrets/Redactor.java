package dev.runbook.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one place secrets are hidden. Every log line, report and page that may carry a resolved value
 * passes through {@link #redact}, and it must be called on the raw text, before any escaping or
 * shortening (an escaper or an excerpt turns a secret into a different string).
 *
 * <p>A secret is hidden in every form a server or a writer can turn it into: raw, Base64 (standard and
 * URL-safe, at any of the three byte alignments, so a secret inside a longer encoded value such as
 * {@code Basic base64(user:secret)} is caught too), percent-encoded ({@code +} and {@code %20}, upper-
 * and lower-case hex, and the minimal form a URL builder uses), JSON-, XML- and HTML-escaped, and with
 * whitespace runs collapsed. A secret of more than {@value #WINDOW} characters is also hidden wherever
 * any {@value #WINDOW}-character piece of one of those forms appears, so a secret cut by an excerpt's
 * "…" still leaves nothing recognisable.
 *
 * <p>Values found while a run goes on (a captured token, the {@code user:password} pair of Basic auth)
 * are added with {@link #register}; the redactor is shared by every thread of a run.
 */
public final class Redactor {

    public static final String MASK = "•••";
    /** The shortest value that is masked: shorter ones would mask ordinary text everywhere. */
    public static final int MIN_LENGTH = 3;
    /** Length of the pieces of a long secret that are masked on their own (excerpt cuts, partial echoes). */
    public static final int WINDOW = 8;

    /** Masks nothing and accepts no registration: for writers whose input is already redacted. */
    public static final Redactor NONE = new Redactor(List.of(), false);

    private final boolean acceptsRegistration;
    private volatile Forms forms;

    public Redactor(Collection<String> secretValues) {
        this(secretValues, true);
    }

    private Redactor(Collection<String> secretValues, boolean acceptsRegistration) {
        this.acceptsRegistration = acceptsRegistration;
        this.forms = Forms.of(secretValues.stream().filter(Objects::nonNull).toList());
    }

    /**
     * Adds a secret value found at run time (a captured response value, a credential pair assembled from
     * other values); from now on every output hides it in all its forms. Thread-safe; values shorter than
     * {@value #MIN_LENGTH} characters are ignored.
     */
    public void register(String secretValue) {
        if (secretValue == null || secretValue.length() < MIN_LENGTH) {
            return;
        }
        if (!acceptsRegistration) {
            throw new IllegalStateException("Redactor.NONE cannot hold secrets; use the run's redactor");
        }
        synchronized (this) {
            if (forms.secrets.contains(secretValue)) {
                return;
            }
            List<String> all = new ArrayList<>(forms.secrets);
            all.add(secretValue);
            forms = Forms.of(all);
        }
    }

    /** True when the text carries a secret in any form. */
    public boolean reveals(String text) {
        return text != null && !redact(text).equals(text);
    }

    public String redact(String text) {
        Forms current = forms;
        if (text == null || text.isEmpty() || current.isEmpty()) {
            return text;
        }
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        for (String form : current.exact) {
            for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
                for (int j = i; j < i + form.length(); j++) {
                    masked[j] = true;
                }
                any = true;
            }
        }
        if (!current.windows.isEmpty()) {
            for (int i = 0; i + WINDOW <= text.length(); i++) {
                if (current.windows.contains(text.substring(i, i + WINDOW))) {
                    for (int j = i; j < i + WINDOW; j++) {
                        masked[j] = true;
                    }
                    any = true;
                }
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** Every string to hide, precomputed once per set of secrets. */
    private record Forms(Set<String> secrets, List<String> exact, Set<String> windows) {

        static Forms of(Collection<String> values) {
            Set<String> secrets = new LinkedHashSet<>();
            for (String v : values) {
                if (v.length() >= MIN_LENGTH) {
                    secrets.add(v);
                }
            }
            Set<String> exact = new LinkedHashSet<>();
            Set<String> windows = new HashSet<>();
            for (String secret : secrets) {
                Set<String> forms = formsOf(secret);
                for (String form : forms) {
                    if (form.length() >= MIN_LENGTH) {
                        exact.add(form);
                    }
                }
                if (secret.length() > WINDOW) {
                    for (String form : forms) {
                        for (int i = 0; i + WINDOW <= form.length(); i++) {
                            windows.add(form.substring(i, i + WINDOW));
                        }
                    }
                }
            }
            List<String> longestFirst = new ArrayList<>(exact);
            longestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
            return new Forms(Set.copyOf(secrets), List.copyOf(longestFirst), Set.copyOf(windows));
        }

        boolean isEmpty() {
            return secrets.isEmpty();
        }
    }

    /** The secret as a server, a URL builder or one of our writers may have transformed it. */
    static Set<String> formsOf(String secret) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(secret);
        bases.add(secret.strip().replaceAll("\\s+", " "));
        bases.addAll(base64Forms(secret));
        Set<String> forms = new LinkedHashSet<>();
        for (String base : bases) {
            forms.add(base);
            forms.add(json(base));
            forms.add(json(base).replace("/", "\\/"));
            forms.add(asciiJson(base));
            forms.add(markup(base, false, "&#39;"));
            forms.add(markup(base, true, "&#39;"));
            forms.add(markup(base, true, "&apos;"));
            forms.add(markup(base, true, "&#x27;"));
            forms.add(numericMarkup(base));
            String plus = URLEncoder.encode(base, StandardCharsets.UTF_8);
            forms.add(plus);
            forms.add(plus.replace("+", "%20"));
            forms.add(lowerHex(plus));
            forms.add(lowerHex(plus.replace("+", "%20")));
            forms.add(minimalPercent(base));
            forms.add(lowerHex(minimalPercent(base)));
        }
        forms.remove("");
        return forms;
    }

    /**
     * Base64 of the secret at each byte alignment inside a longer value: only the characters that depend
     * on the secret's bytes alone (so {@code base64("admin:" + secret)} contains one of them).
     */
    private static List<String> base64Forms(String secret) {
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        List<String> result = new ArrayList<>();
        result.add(Base64.getEncoder().encodeToString(raw));
        result.add(Base64.getUrlEncoder().encodeToString(raw));
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + raw.length];
            System.arraycopy(raw, 0, shifted, offset, raw.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int start = offset == 0 ? 0 : offset + 1;
            int end = (shifted.length * 8) / 6;
            if (end - start >= 4) {
                String stable = encoded.substring(start, end);
                result.add(stable);
                result.add(stable.replace('+', '-').replace('/', '_'));
            }
        }
        return result;
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String asciiJson(String s) {
        String escaped = json(s);
        StringBuilder b = new StringBuilder();
        for (char c : escaped.toCharArray()) {
            if (c > 0x7E) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** XML text ({@code & < >}) or attribute/HTML ({@code & < > " '}) escaping. */
    private static String markup(String s, boolean quotes, String apostrophe) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(quotes ? "&quot;" : "\"");
                case '\'' -> b.append(quotes ? apostrophe : "'");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String numericMarkup(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                b.append("&#").append((int) c).append(';');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** What URL builders (OkHttp, browsers) escape in a path or query: controls, space, quotes, brackets, non-ASCII. */
    private static String minimalPercent(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c <= 0x20 || c >= 0x7F || "\"<>{}|\\^`%#".indexOf(c) >= 0) {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static String lowerHex(String percentEncoded) {
        StringBuilder b = new StringBuilder(percentEncoded);
        for (int i = 0; i + 2 < b.length(); i++) {
            if (b.charAt(i) == '%') {
                b.setCharAt(i + 1, Character.toLowerCase(b.charAt(i + 1)));
                b.setCharAt(i + 2, Character.toLowerCase(b.charAt(i + 2)));
            }
        }
        return b.toString();
    }
}
