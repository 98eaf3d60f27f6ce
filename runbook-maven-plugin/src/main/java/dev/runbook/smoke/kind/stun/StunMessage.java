package dev.runbook.smoke.kind.stun;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One STUN message (RFC 5389 §6): a 20-byte header (type, length, magic cookie, transaction id) and
 * type-length-value attributes padded to four bytes. Only what a binding request and a TURN allocation
 * need (RFC 5766); there is no small maintained Java library for this framing.
 */
final class StunMessage {

    static final int MAGIC_COOKIE = 0x2112A442;
    static final int HEADER = 20;

    static final int BINDING = 0x0001;
    static final int ALLOCATE = 0x0003;
    static final int REFRESH = 0x0004;
    static final int SUCCESS = 0x0100;
    static final int ERROR = 0x0110;

    static final int MAPPED_ADDRESS = 0x0001;
    static final int USERNAME = 0x0006;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int ERROR_CODE = 0x0009;
    static final int LIFETIME = 0x000D;
    static final int XOR_RELAYED_ADDRESS = 0x0016;
    static final int REALM = 0x0014;
    static final int NONCE = 0x0015;
    static final int REQUESTED_TRANSPORT = 0x0019;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int FINGERPRINT = 0x8028;

    private static final SecureRandom RANDOM = new SecureRandom();

    final int type;
    final byte[] transactionId;
    /** Attributes in order; a repeated attribute keeps its first value, as RFC 5389 §15 says receivers may. */
    final Map<Integer, byte[]> attributes;

    private StunMessage(int type, byte[] transactionId, Map<Integer, byte[]> attributes) {
        this.type = type;
        this.transactionId = transactionId;
        this.attributes = attributes;
    }

    static StunMessage request(int method) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return new StunMessage(method, id, new LinkedHashMap<>());
    }

    StunMessage with(int attribute, byte[] value) {
        attributes.put(attribute, value);
        return this;
    }

    StunMessage with(int attribute, String value) {
        return with(attribute, value.getBytes(StandardCharsets.UTF_8));
    }

    StunMessage withInt(int attribute, int value) {
        return with(attribute, ByteBuffer.allocate(4).putInt(value).array());
    }

    int method() {
        return type & ~0x0110;
    }

    boolean isSuccess() {
        return (type & 0x0110) == SUCCESS;
    }

    boolean isError() {
        return (type & 0x0110) == ERROR;
    }

    /** The bytes to send; with a key, MESSAGE-INTEGRITY (HMAC-SHA1) is appended, then FINGERPRINT. */
    byte[] encode(byte[] integrityKey) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> a : attributes.entrySet()) {
            writeAttribute(body, a.getKey(), a.getValue());
        }
        byte[] attrs = body.toByteArray();
        if (integrityKey != null) {
            byte[] partial = frame(attrs, attrs.length + 24);
            byte[] mac = hmacSha1(integrityKey, partial);
            ByteArrayOutputStream withMac = new ByteArrayOutputStream();
            withMac.writeBytes(attrs);
            writeAttribute(withMac, MESSAGE_INTEGRITY, mac);
            attrs = withMac.toByteArray();
        }
        byte[] partial = frame(attrs, attrs.length + 8);
        CRC32 crc = new CRC32();
        crc.update(partial);
        ByteArrayOutputStream withFingerprint = new ByteArrayOutputStream();
        withFingerprint.writeBytes(attrs);
        writeAttribute(withFingerprint, FINGERPRINT, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554e).array());
        attrs = withFingerprint.toByteArray();
        return frame(attrs, attrs.length);
    }

    private byte[] frame(byte[] attrs, int declaredLength) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + attrs.length);
        b.putShort((short) type).putShort((short) declaredLength).putInt(MAGIC_COOKIE).put(transactionId).put(attrs);
        return b.array();
    }

    private static void writeAttribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type >> 8);
        out.write(type);
        out.write(value.length >> 8);
        out.write(value.length);
        out.writeBytes(value);
        for (int i = value.length; i % 4 != 0; i++) {
            out.write(0);
        }
    }

    /** Parses a whole message, or returns null for bytes that are not a STUN message. */
    static StunMessage decode(byte[] data, int length) {
        if (length < HEADER) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        int type = b.getShort() & 0xFFFF;
        int bodyLength = b.getShort() & 0xFFFF;
        if ((type & 0xC000) != 0 || b.getInt() != MAGIC_COOKIE || HEADER + bodyLength > length || bodyLength % 4 != 0) {
            return null;
        }
        byte[] id = new byte[12];
        b.get(id);
        Map<Integer, byte[]> attributes = new LinkedHashMap<>();
        int end = HEADER + bodyLength;
        while (b.position() + 4 <= end) {
            int attrType = b.getShort() & 0xFFFF;
            int attrLength = b.getShort() & 0xFFFF;
            if (b.position() + attrLength > end) {
                return null;
            }
            byte[] value = new byte[attrLength];
            b.get(value);
            attributes.putIfAbsent(attrType, value);
            b.position(Math.min(end, b.position() + (4 - attrLength % 4) % 4));
        }
        return new StunMessage(type, id, attributes);
    }

    /** Body length from a header, for reading a message off a TCP stream. */
    static int bodyLength(byte[] header) {
        return ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
    }

    boolean answers(StunMessage request) {
        return Arrays.equals(transactionId, request.transactionId) && method() == request.method();
    }

    /** XOR-MAPPED-ADDRESS (or XOR-RELAYED-ADDRESS), falling back to the plain MAPPED-ADDRESS of old servers. */
    InetSocketAddress address(int attribute) {
        byte[] v = attributes.get(attribute);
        if (v != null) {
            return xorAddress(v);
        }
        if (attribute == XOR_MAPPED_ADDRESS && (v = attributes.get(MAPPED_ADDRESS)) != null) {
            return plainAddress(v);
        }
        return null;
    }

    private InetSocketAddress xorAddress(byte[] v) {
        if (v.length < 8) {
            return null;
        }
        int port = (((v[2] & 0xFF) << 8) | (v[3] & 0xFF)) ^ (MAGIC_COOKIE >>> 16);
        byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transactionId).array();
        byte[] address = Arrays.copyOfRange(v, 4, v.length);
        if (address.length != 4 && address.length != 16) {
            return null;
        }
        for (int i = 0; i < address.length; i++) {
            address[i] ^= mask[i];
        }
        return socketAddress(address, port);
    }

    private static InetSocketAddress plainAddress(byte[] v) {
        if (v.length < 8) {
            return null;
        }
        int port = ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
        return socketAddress(Arrays.copyOfRange(v, 4, v.length), port);
    }

    private static InetSocketAddress socketAddress(byte[] address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** ERROR-CODE as {@code 401 Unauthorized}, or null. */
    StunError error() {
        byte[] v = attributes.get(ERROR_CODE);
        if (v == null || v.length < 4) {
            return null;
        }
        int code = (v[2] & 0x07) * 100 + (v[3] & 0xFF);
        return new StunError(code, new String(v, 4, v.length - 4, StandardCharsets.UTF_8).strip());
    }

    String text(int attribute) {
        byte[] v = attributes.get(attribute);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    Integer integer(int attribute) {
        byte[] v = attributes.get(attribute);
        return v == null || v.length != 4 ? null : ByteBuffer.wrap(v).getInt();
    }

    /** The long-term credential key: MD5(username ":" realm ":" password) (RFC 5389 §15.4). */
    static byte[] longTermKey(String user, String realm, String password) {
        try {
            return MessageDigest.getInstance("MD5").digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    record StunError(int code, String reason) {
        @Override
        public String toString() {
            return code + (reason.isEmpty() ? "" : " " + reason);
        }
    }
}
