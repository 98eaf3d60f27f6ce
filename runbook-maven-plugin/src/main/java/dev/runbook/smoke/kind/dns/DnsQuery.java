package dev.runbook.smoke.kind.dns;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One DNS question with dnsjava, to the system's name servers or to one given server, answered like
 * {@code dig +short}: one record a line, names without the trailing dot ({@code 10 mail.example.com} for
 * MX, {@code 0 5 5060 sip.example.com} for SRV, the joined strings for TXT), plus the response code.
 */
public final class DnsQuery {

    public static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV");

    /** @param rcode {@code NOERROR}, {@code NXDOMAIN}, {@code SERVFAIL}… */
    public record Result(String rcode, List<String> records, Duration time) {
    }

    private DnsQuery() {
    }

    /** @param server a name server the caller checked against the allowlist, or null for the system's */
    public static Result run(String name, String type, InetSocketAddress server, Duration timeout) throws IOException {
        int recordType = Type.value(type.toUpperCase(Locale.ROOT));
        if (!TYPES.contains(type.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("dns record type " + type + " is not one of " + String.join(" ", TYPES));
        }
        Name question;
        try {
            question = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a DNS name: " + e.getMessage());
        }
        Resolver resolver = server == null ? new ExtendedResolver() : new SimpleResolver(server);
        resolver.setTimeout(timeout);
        long start = System.nanoTime();
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(question, recordType, DClass.IN)));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // dnsjava reports a timeout as a plain IOException ("Timed out while trying to resolve …")
            if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("timed out")) {
                throw new SocketTimeoutException(e.getMessage());
            }
            throw e;
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        List<String> records = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == recordType) {
                records.add(render(r));
            }
        }
        return new Result(Rcode.string(response.getRcode()), records, time);
    }

    private static String render(Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (r instanceof AAAARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (r instanceof CNAMERecord c) {
            return name(c.getTarget());
        }
        if (r instanceof NSRecord n) {
            return name(n.getTarget());
        }
        if (r instanceof MXRecord m) {
            return m.getPriority() + " " + name(m.getTarget());
        }
        if (r instanceof SRVRecord s) {
            return s.getPriority() + " " + s.getWeight() + " " + s.getPort() + " " + name(s.getTarget());
        }
        if (r instanceof TXTRecord t) {
            return String.join("", t.getStrings());
        }
        return r.rdataToString();
    }

    private static String name(Name n) {
        String text = n.toString();
        return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
    }
}
