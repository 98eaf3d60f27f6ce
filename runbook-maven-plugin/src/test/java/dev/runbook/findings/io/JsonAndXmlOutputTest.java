package dev.runbook.findings.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reports were written through Jackson's pretty printer and the JDK's StAX writer; they are now written
 * by {@link PrettyJson} and {@link Utf8Output}, which must give the same bytes for any text, so that a report
 * diffs clean against one an older version wrote. Both sides get the same calls here and the bytes are compared.
 */
class JsonAndXmlOutputTest {

    /** Every kind of character the escapings treat differently. */
    private static final List<String> TRICKY = List.of("", "plain ascii", "quote \" backslash \\ slash /",
            "controls \u0000\u0001\b\t\n\f\r\u001f\u007f", "latin é ß ÿ", "bmp … € \u2028 \u2029 中文 \uFFFD \uFFFE \uFFFF",
            "pair 😀 end", "😀", "lone high \ud800 x", "lone low \udc00 x", "high at end \ud83d", "\udc00\ud83d",
            "low high pair \ude00\ud83d\ude00", "markup <a href=\"x\">&amp;</a> ]]> 'apos'", "\ud800\ud800\udc00");

    private static final char[] POOL = ("aZ09 -_./:<>&\"'\\\t\n\r\u0000\u0007\u001f\u007f\u0080é\u07ff\u0800…\u2028"
            + "\ud7ff\ue000\ufffd\ufffe\uffff\ud83d\ude00\ud800\udfff").toCharArray();

    private static String random(Random random, int maxLength) {
        char[] chars = new char[random.nextInt(maxLength + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = POOL[random.nextInt(POOL.length)];
        }
        return new String(chars);
    }

    private static List<String> strings() {
        List<String> strings = new ArrayList<>(TRICKY);
        Random random = new Random(19);
        for (int i = 0; i < 2_000; i++) {
            strings.add(random(random, 40));
        }
        strings.add(random(random, 200_000)); // longer than the output buffer, escaped and not
        strings.add("x".repeat(150_000));
        return strings;
    }

    /** The same document through both writers; the shape covers nesting, empty containers and every value kind. */
    @Test
    void prettyJsonWritesJacksonsDefaultPrettyPrinterBytes() throws IOException {
        List<String> strings = strings();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator jackson = new JsonFactory().createGenerator(expected, JsonEncoding.UTF8)) {
            jackson.setPrettyPrinter(new DefaultPrettyPrinter());
            jackson.writeStartObject();
            jackson.writeNumberField("version", 1);
            jackson.writeStringField("none", null);
            jackson.writeArrayFieldStart("empty");
            jackson.writeEndArray();
            jackson.writeObjectFieldStart("nothing");
            jackson.writeEndObject();
            jackson.writeArrayFieldStart("strings");
            for (String s : strings) {
                jackson.writeString(s);
            }
            jackson.writeEndArray();
            jackson.writeArrayFieldStart("objects");
            for (int i = 0; i < strings.size(); i++) {
                jackson.writeStartObject();
                jackson.writeStringField(strings.get(i), strings.get(strings.size() - 1 - i));
                jackson.writeNumberField("n", i % 3 == 0 ? -i : (long) i * Integer.MAX_VALUE);
                jackson.writeObjectFieldStart("deeper");
                jackson.writeArrayFieldStart("list");
                jackson.writeStartObject();
                jackson.writeEndObject();
                jackson.writeNumber(i);
                jackson.writeEndArray();
                jackson.writeEndObject();
                jackson.writeEndObject();
            }
            jackson.writeEndArray();
            jackson.writeEndObject();
            jackson.writeRaw('\n');
        }

        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (PrettyJson json = new PrettyJson(actual)) {
            json.startObject();
            json.numberField("version", 1);
            json.stringField("none", null);
            json.field("empty").startArray();
            json.endArray();
            json.field("nothing").startObject();
            json.endObject();
            json.field("strings").startArray();
            for (String s : strings) {
                json.string(s);
            }
            json.endArray();
            json.field("objects").startArray();
            for (int i = 0; i < strings.size(); i++) {
                json.startObject();
                json.stringField(strings.get(i), strings.get(strings.size() - 1 - i));
                json.numberField("n", i % 3 == 0 ? -i : (long) i * Integer.MAX_VALUE);
                json.field("deeper").startObject();
                json.field("list").startArray();
                json.startObject();
                json.endObject();
                json.number(i);
                json.endArray();
                json.endObject();
                json.endObject();
            }
            json.endArray();
            json.endObject();
            json.raw('\n');
        }
        assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
    }

    /** Text and attribute values, raw and cleaned, as StAX over a UTF-8 OutputStreamWriter wrote them. */
    @Test
    void xmlEscapesAsTheJdksStaxWriterOverUtf8() throws Exception {
        for (boolean clean : new boolean[] {false, true}) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            Writer writer = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
            XMLStreamWriter stax = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            Utf8Output out = new Utf8Output(actual);
            stax.writeStartElement("all");
            out.ascii("<all>");
            for (String s : strings()) {
                String value = clean ? cleanAsBefore(s) : s;
                stax.writeStartElement("e");
                stax.writeAttribute("a", value);
                stax.writeCharacters(value);
                stax.writeEndElement();
                out.ascii("<e a=\"").xml(s, true, clean).ascii("\">").xml(s, false, clean).ascii("</e>");
            }
            stax.writeEndElement();
            stax.close();
            writer.flush();
            out.ascii("</all>").flush();
            assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8), "clean " + clean);
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "clean " + clean);
        }
    }

    /** What JUnitXmlReport did to text from content before StAX escaped it (the reference for clean=true). */
    private static String cleanAsBefore(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out.toString();
    }
}
