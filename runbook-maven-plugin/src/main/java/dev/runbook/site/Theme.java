package dev.runbook.site;

import dev.runbook.core.AtomicFiles;
import dev.runbook.core.SetupException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The FreeMarker theme: templates and assets from the user's override folder first, then the bundled
 * theme ({@code dev/runbook/theme/} in the plugin jar). Templates are {@code .ftlh}, so every value is
 * HTML-escaped unless a template says {@code ?no_esc} (only the sanitized Markdown body does).
 */
public final class Theme {

    static final String CLASSPATH_ROOT = "dev/runbook/theme/";

    /** Every file of the bundled theme; an override folder may replace any of them or add assets. */
    static final List<String> BUNDLED = List.of(
            "layout.ftlh", "index.ftlh", "runbook.ftlh", "tag.ftlh", "status.ftlh", "404.ftlh", "redirect.ftlh",
            "assets/site.css", "assets/site.js", "assets/theme.js", "assets/favicon.svg", "assets/search.css", "assets/search.js",
            "report.ftlh", "assets/report.css", "alerts.ftlh");

    private final Path override;
    private final Configuration configuration;

    /**
     * Every page's Content-Security-Policy: nothing but the site's own files (scripts, styles, fonts, frames,
     * fetches), no plugins, no {@code <base>} redirection, and images only from the site itself or
     * {@code data:} URLs unless remote images are allowed. A {@code <meta>} tag cannot carry
     * {@code frame-ancestors}; set that header on the web server if the site must not be framed.
     */
    public static String contentSecurityPolicy(boolean allowRemoteImages) {
        return "default-src 'self'; img-src 'self' data:" + (allowRemoteImages ? " https: http:" : "")
                + "; object-src 'none'; base-uri 'none'; form-action 'self'";
    }

    public Theme(Path override) throws SetupException {
        this(override, false);
    }

    /** @param allowRemoteImages {@code runbook.site.allowRemoteImages}: let pages load images from other hosts */
    public Theme(Path override, boolean allowRemoteImages) throws SetupException {
        if (override != null && !Files.isDirectory(override)) {
            throw new SetupException("templates folder " + override + " does not exist; create it or remove <templatesDirectory>");
        }
        this.override = override;
        this.configuration = configure(override);
        try {
            configuration.setSharedVariable("contentSecurityPolicy", contentSecurityPolicy(allowRemoteImages));
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Configuration configure(Path override) throws SetupException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        try {
            if (override != null) {
                loaders.add(new FileTemplateLoader(override.toFile()));
            }
        } catch (IOException e) {
            throw new SetupException("cannot read templates folder " + override + ": " + e.getMessage(), e);
        }
        loaders.add(new ClassTemplateLoader(Theme.class.getClassLoader(), CLASSPATH_ROOT));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return cfg;
    }

    /** Renders a template with a model of plain values (records, lists, maps of strings). */
    public String render(String templateName, Map<String, Object> model) throws SetupException {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new SetupException("template " + templateName + " failed: " + firstLine(e.getMessage())
                    + (e.getLineNumber() == null ? "" : " (line " + e.getLineNumber() + ")"), e);
        } catch (IOException e) {
            throw new SetupException("cannot load template " + templateName + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The bytes of a theme file: the override's if it has one, else the bundled one; null if neither. */
    byte[] read(String name) throws IOException {
        if (override != null) {
            Path file = override.resolve(name);
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
        }
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** A theme text file (e.g. {@code assets/site.css}), the override's if it has one; null if neither has it. */
    public String text(String name) throws IOException {
        byte[] bytes = read(name);
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every theme file name in effect: bundled names plus whatever the override folder adds. */
    TreeSet<String> fileNames() throws IOException {
        TreeSet<String> names = new TreeSet<>(BUNDLED);
        if (override != null) {
            try (Stream<Path> files = Files.walk(override)) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> names.add(override.relativize(f).toString().replace('\\', '/')));
            }
        }
        return names;
    }

    /** A hash of every theme file in effect: a template or asset change rebuilds the whole site. */
    public String hash() throws IOException {
        MessageDigest digest = Hashes.sha256();
        for (String name : fileNames()) {
            byte[] bytes = read(name);
            Hashes.update(digest, name);
            Hashes.update(digest, bytes == null ? "<absent>" : Hashes.hex(Hashes.sha256().digest(bytes)));
        }
        return Hashes.hex(digest.digest());
    }

    /** Copies the theme's assets ({@code assets/**}) into the site; returns the names it did not find. */
    public List<String> copyAssets(Path siteRoot) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : fileNames()) {
            if (!name.startsWith("assets/")) {
                continue;
            }
            byte[] bytes = read(name);
            if (bytes == null) {
                missing.add(name);
                continue;
            }
            AtomicFiles.write(siteRoot.resolve(name), out -> out.write(bytes));
        }
        return missing;
    }
}
