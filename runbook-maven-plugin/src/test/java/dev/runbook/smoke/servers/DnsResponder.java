package dev.runbook.smoke.servers;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real authoritative DNS listener on a loopback UDP port, answering from records given as zone-file
 * lines ({@code "api.example.test. 60 IN A 10.0.0.1"}). Unknown names get NXDOMAIN; names below
 * {@code servfail.} get SERVFAIL; names below {@code silent.} get no answer at all. Counts every packet.
 */
public final class DnsResponder implements AutoCloseable {

    public final AtomicInteger packets = new AtomicInteger();
    private final DatagramSocket socket;
    private final List<Record> records;

    public DnsResponder(String... zoneLines) throws IOException {
        this.records = new java.util.ArrayList<>();
        for (String line : zoneLines) {
            String[] f = line.trim().split("\\s+", 5);
            records.add(Record.fromString(Name.fromString(f[0]), org.xbill.DNS.Type.value(f[3]), org.xbill.DNS.DClass.IN,
                    Long.parseLong(f[1]), f[4], Name.root));
        }
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "dns-responder");
        t.setDaemon(true);
        t.start();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                packets.incrementAndGet();
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                String qname = question.getName().toString();
                if (qname.endsWith("silent.")) {
                    continue;
                }
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setFlag(Flags.AA);
                response.addRecord(question, Section.QUESTION);
                boolean known = false;
                for (Record r : records) {
                    if (r.getName().equals(question.getName())) {
                        known = true;
                        if (r.getType() == question.getType()) {
                            response.addRecord(r, Section.ANSWER);
                        }
                    }
                }
                response.getHeader().setRcode(qname.endsWith("servfail.") ? Rcode.SERVFAIL : known ? Rcode.NOERROR : Rcode.NXDOMAIN);
                byte[] wire = response.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a malformed query: no answer, as a real server would
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
