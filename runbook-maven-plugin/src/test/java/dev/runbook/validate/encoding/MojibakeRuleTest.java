package dev.runbook.validate.encoding;

import dev.runbook.findings.Finding;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MojibakeRuleTest {

    private final MojibakeRule rule = new MojibakeRule();

    /** What a wrong decoder really produces, made with the JDK's own charsets rather than typed by hand. */
    private static String mangle(String text, String charset) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName(charset));
    }

    @Test
    void windows1252MojibakeIsRepairedInTheMessage() {
        String md = "# Failover\n\nWait 5 minutes " + mangle("—", "windows-1252") + " then check the primary"
                + mangle("’", "windows-1252") + "s lag.\n";
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("3:16", "3:42"), positions(findings));
        assertEquals("\"â€”\" looks like \"—\" decoded with the wrong charset (Windows-1252)", findings.get(0).message());
        assertTrue(findings.get(1).message().startsWith("\"â€™\" looks like \"’\""));
        assertTrue(findings.get(0).hint().startsWith("replace \"â€”\" with \"—\""));
    }

    @Test
    void accentsEmojiAndMacRoman() {
        String md = "Caf" + mangle("é", "windows-1252") + " is down " + mangle("🔥", "windows-1252") + "\n"
                + "Mac: " + mangle("—", "x-MacRoman") + " and caf" + mangle("é", "x-MacRoman") + "\n";
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("1:4", "1:15", "2:6", "2:17"), positions(findings));
        assertTrue(findings.get(0).message().contains("looks like \"é\""), findings.get(0).message());
        assertTrue(findings.get(1).message().contains("looks like \"🔥\""), findings.get(1).message());
        assertTrue(findings.get(2).message().contains("\"‚Äî\" looks like \"—\"") && findings.get(2).message().contains("Mac OS Roman"),
                findings.get(2).message());
        assertTrue(findings.get(3).message().contains("\"√©\" looks like \"é\""), findings.get(3).message());
    }

    @Test
    void aWholeMangledWordIsOneFinding() {
        String md = mangle("Ça a été réparé", "windows-1252") + "\n";
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("1:1", "1:7", "1:14"), positions(findings));
        assertTrue(findings.get(0).message().contains("looks like \"Ç\""));
        assertTrue(findings.get(1).message().startsWith("\"Ã©tÃ©\" looks like \"été\""), findings.get(1).message());
        assertTrue(findings.get(2).message().startsWith("\"Ã©parÃ©\" looks like \"éparé\""), findings.get(2).message());
    }

    @Test
    void legitimateTextInManyLanguagesIsLeftAlone() {
        String md = """
                # Procédure de bascule

                Si la base « paiements » ne répond plus, vérifiez l’état du réplica — puis basculez. À noter : déjà testé.
                Die Datenbank „Zahlungen“ antwortet nicht; prüfen Sie die Größe der Straße‑Tabelle und das Übertragungsprotokoll.
                A réplica não está em sincronização; ação necessária: reinicie o serviço de autenticação.
                ¿La réplica está caída? Señal de alarma: añadir más nodos. Ñandú, pingüino, cigüeña.
                Ελληνικά και русский текст, 日本語のテキスト, emoji 🔥✅ and math √2 ≈ 1.41, ±5 °C, 10 µs, © 2026 ™.
                Déjà vu «é» “Ë” ß“ —é —à ÃÂ.
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    /**
     * Real words in every language the JDK knows (CLDR locale names, month and weekday names), written the
     * way a runbook would: none of it is mojibake.
     */
    @Test
    void noFalseAlarmOnTheJdksOwnMultilingualText() {
        StringBuilder text = new StringBuilder("# Locales\n\n");
        int words = 0;
        for (java.util.Locale locale : java.util.Locale.getAvailableLocales()) {
            text.append(locale.getDisplayName(locale)).append(' ');
            var symbols = java.text.DateFormatSymbols.getInstance(locale);
            for (String month : symbols.getMonths()) {
                text.append(month).append(' ');
            }
            for (String day : symbols.getWeekdays()) {
                text.append(day).append(' ');
            }
            text.append('\n');
            words++;
        }
        assertTrue(words > 100, "the JDK ships many locales: " + words);
        List<Finding> findings = run(rule, text.toString());
        assertEquals(List.of(), findings.stream().map(Finding::message).toList());
        // The same text after a wrong decode is caught, so the clean result above means something.
        assertTrue(run(rule, mangle(text.toString(), "windows-1252")).size() > words,
                "mangled multilingual text is reported");
    }
}
