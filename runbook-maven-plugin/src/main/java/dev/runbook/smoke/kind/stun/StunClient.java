package dev.runbook.smoke.kind.stun;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * A STUN binding request (RFC 5389) and a TURN allocation with long-term credentials (RFC 5766) over UDP
 * or TCP, to one server whose address the caller has already checked against the allowlist. Over UDP a
 * request is retransmitted after 500ms, 1s, 2s… until the timeout (RFC 5389 §7.2.1); over TCP it is sent
 * once. The whole exchange, allocation and release included, stays within one timeout.
 */
public final class StunClient implements Closeable {

    public enum Transport {
        UDP, TCP;

        public static Transport parse(String word) {
            return switch (word.toLowerCase(Locale.ROOT)) {
                case "udp" -> UDP;
                case "tcp" -> TCP;
                default -> null;
            };
        }
    }

    public record Binding(InetSocketAddress mappedAddress, Duration time) {
    }

    public record Allocation(InetSocketAddress relayedAddress, InetSocketAddress mappedAddress, int lifetimeSeconds,
                             boolean released, Duration time) {
    }

    /** The server answered with an error response, e.g. {@code 401 Unauthorized} or {@code 441 Wrong Credentials}. */
    public static final class ErrorResponseException extends IOException {
        public final int code;

        ErrorResponseException(String what, StunMessage.StunError error) {
            super(what + " refused by the server: " + (error == null ? "error response without ERROR-CODE" : error));
            this.code = error == null ? 0 : error.code();
        }
    }

    private static final Duration FIRST_RETRANSMIT = Duration.ofMillis(500);
    private static final int MAX_MESSAGE = 2048;

    private final InetSocketAddress server;
    private final Transport transport;
    private final long deadline;
    private final Duration timeout;
    private DatagramSocket udp;
    private Socket tcp;

    public StunClient(InetSocketAddress server, Transport transport, Duration timeout) {
        this.server = server;
        this.transport = transport;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    public Binding binding() throws IOException {
        long start = System.nanoTime();
        StunMessage response = exchange(StunMessage.request(StunMessage.BINDING), null);
        if (!response.isSuccess()) {
            throw new ErrorResponseException("binding request", response.error());
        }
        return new Binding(response.address(StunMessage.XOR_MAPPED_ADDRESS), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Allocates a UDP relay with long-term credentials, then releases it at once (Refresh with lifetime 0)
     * so a check every few minutes leaves no allocations behind.
     */
    public Allocation allocate(String user, String password) throws IOException {
        long start = System.nanoTime();
        StunMessage first = exchange(allocateRequest(), null);
        if (first.isSuccess()) {
            throw new IOException("the server allocated a relay without asking for credentials; refusing to rely on an open relay");
        }
        StunMessage.StunError error = first.error();
        if (error == null || error.code() != 401 || first.text(StunMessage.REALM) == null || first.text(StunMessage.NONCE) == null) {
            throw new ErrorResponseException("allocate request", error);
        }
        String realm = first.text(StunMessage.REALM);
        String nonce = first.text(StunMessage.NONCE);
        byte[] key = StunMessage.longTermKey(user, realm, password);
        StunMessage answer = exchange(authenticated(allocateRequest(), user, realm, nonce), key);
        if (answer.isError() && answer.error() != null && answer.error().code() == 438 && answer.text(StunMessage.NONCE) != null) {
            nonce = answer.text(StunMessage.NONCE); // stale nonce: once more with the fresh one (RFC 5389 §10.2.3)
            answer = exchange(authenticated(allocateRequest(), user, realm, nonce), key);
        }
        if (!answer.isSuccess()) {
            throw new ErrorResponseException("allocate request", answer.error());
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        InetSocketAddress relayed = answer.address(StunMessage.XOR_RELAYED_ADDRESS);
        InetSocketAddress mapped = answer.address(StunMessage.XOR_MAPPED_ADDRESS);
        Integer lifetime = answer.integer(StunMessage.LIFETIME);
        StunMessage release = exchange(authenticated(StunMessage.request(StunMessage.REFRESH).withInt(StunMessage.LIFETIME, 0),
                user, realm, nonce), key);
        return new Allocation(relayed, mapped, lifetime == null ? 0 : lifetime, release.isSuccess(), time);
    }

    private static StunMessage allocateRequest() {
        // REQUESTED-TRANSPORT: protocol 17 (UDP) in the first byte, three reserved bytes.
        return StunMessage.request(StunMessage.ALLOCATE).with(StunMessage.REQUESTED_TRANSPORT, new byte[]{17, 0, 0, 0});
    }

    private static StunMessage authenticated(StunMessage m, String user, String realm, String nonce) {
        return m.with(StunMessage.USERNAME, user).with(StunMessage.REALM, realm).with(StunMessage.NONCE, nonce);
    }

    private StunMessage exchange(StunMessage request, byte[] key) throws IOException {
        byte[] bytes = request.encode(key);
        return transport == Transport.UDP ? overUdp(request, bytes) : overTcp(request, bytes);
    }

    private StunMessage overUdp(StunMessage request, byte[] bytes) throws IOException {
        if (udp == null) {
            udp = new DatagramSocket();
            udp.connect(server);
        }
        Duration wait = FIRST_RETRANSMIT;
        byte[] buffer = new byte[MAX_MESSAGE];
        while (true) {
            udp.send(new DatagramPacket(bytes, bytes.length));
            long retransmitAt = System.nanoTime() + wait.toNanos();
            while (true) {
                long until = Math.min(retransmitAt, deadline) - System.nanoTime();
                if (until <= 0) {
                    break;
                }
                udp.setSoTimeout((int) Math.max(1, until / 1_000_000));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    udp.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                } catch (java.net.PortUnreachableException e) {
                    throw new java.net.ConnectException("port unreachable (ICMP): nothing listens on UDP " + server.getPort());
                }
                StunMessage response = StunMessage.decode(packet.getData(), packet.getLength());
                if (response != null && response.answers(request)) {
                    return response;
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new SocketTimeoutException("no STUN response within " + timeout.toMillis() + "ms");
            }
            wait = wait.multipliedBy(2);
        }
    }

    private StunMessage overTcp(StunMessage request, byte[] bytes) throws IOException {
        if (tcp == null) {
            tcp = new Socket(Proxy.NO_PROXY);
            tcp.connect(server, (int) Math.max(1, remainingMillis()));
        }
        tcp.getOutputStream().write(bytes);
        DataInputStream in = new DataInputStream(tcp.getInputStream());
        while (true) {
            tcp.setSoTimeout((int) Math.max(1, remainingMillis()));
            byte[] header = new byte[StunMessage.HEADER];
            in.readFully(header);
            int length = StunMessage.bodyLength(header);
            byte[] whole = new byte[StunMessage.HEADER + length];
            System.arraycopy(header, 0, whole, 0, StunMessage.HEADER);
            in.readFully(whole, StunMessage.HEADER, length);
            StunMessage response = StunMessage.decode(whole, whole.length);
            if (response == null) {
                throw new IOException("the server sent something that is not a STUN message");
            }
            if (response.answers(request)) {
                return response;
            }
        }
    }

    private long remainingMillis() throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no STUN response within " + timeout.toMillis() + "ms");
        }
        return left;
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }
}
