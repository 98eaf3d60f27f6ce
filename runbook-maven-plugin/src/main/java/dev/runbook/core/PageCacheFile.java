package dev.runbook.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * One file of per-page cache entries: for each page (by its path in the content folder) the hash of the
 * input it was made from and the bytes a stage made of it. The file names what it was made with (a key:
 * plugin version, code, settings); a file made with another key is empty to the reader, so a new plugin
 * or a changed setting rebuilds everything.
 *
 * <p>A cache may make a build faster, never wrong: the file ends with a CRC-32 of everything before it,
 * and a missing, truncated, damaged or foreign file reads as empty (every page a miss). Written whole
 * through a temporary file and a rename ({@link AtomicFiles}), so a reader never sees half a file.
 *
 * <p>Layout: magic, format name, key, entry count, then per entry path, input hash, payload length and
 * payload; last, the CRC-32 as 8 bytes.
 */
public final class PageCacheFile {

    private static final byte[] MAGIC = "RUNBOOK-PAGE-CACHE-1\n".getBytes(StandardCharsets.US_ASCII);

    /** What one page's entry holds: the hash of its input and the stage's bytes. */
    public record Entry(String inputHash, byte[] payload) {
    }

    private PageCacheFile() {
    }

    /**
     * The entries of {@code file} when it was written by the same {@code format} with the same {@code key};
     * else (absent, unreadable, damaged, other key) an empty map, with the reason in the log at debug level.
     */
    public static Map<String, Entry> read(Path file, String format, String key, RunLog log) {
        if (file == null || !Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < MAGIC.length + 8) {
                throw new IOException("truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = 0;
            for (int i = bytes.length - 8; i < bytes.length; i++) {
                stored = (stored << 8) | (bytes[i] & 0xff);
            }
            if (stored != crc.getValue()) {
                throw new IOException("checksum mismatch (damaged or truncated)");
            }
            DataInputStream in = new DataInputStream(new Bytes(bytes, 0, bytes.length - 8));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a page cache");
            }
            if (!format.equals(readString(in))) {
                throw new IOException("another format");
            }
            if (!key.equals(readString(in))) {
                log.debug("runbook: page cache " + file.getFileName() + " was made by another plugin build or with"
                        + " other settings; every page is made again");
                return new TreeMap<>();
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("bad entry count");
            }
            Map<String, Entry> entries = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String path = readString(in);
                String hash = readString(in);
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("bad entry length");
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                entries.put(path, new Entry(hash, payload));
            }
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: page cache " + file + " ignored, every page is made again: " + e.getMessage());
            return new TreeMap<>();
        }
    }

    /**
     * Writes this build's entries when they are not exactly the ones read (a hit carries the very entry read,
     * so an unchanged build writes nothing); a failure is only logged, since a cache never fails a build.
     */
    public static void saveIfChanged(Path file, String format, String key, Map<String, Entry> before,
                                     Map<String, Entry> now, RunLog log, String what) {
        if (file == null || sameEntries(before, now)) {
            return;
        }
        try {
            write(file, format, key, now);
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: " + what + " " + file + " not written: " + e.getMessage());
        }
    }

    private static boolean sameEntries(Map<String, Entry> before, Map<String, Entry> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (Map.Entry<String, Entry> e : now.entrySet()) {
            if (before.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Writes the entries, replacing {@code file} whole. */
    public static void write(Path file, String format, String key, Map<String, Entry> entries) throws IOException {
        AtomicFiles.write(file, out -> writeTo(out, format, key, entries));
    }

    private static void writeTo(OutputStream target, String format, String key, Map<String, Entry> entries)
            throws IOException {
        CRC32 crc = new CRC32();
        OutputStream checked = new java.util.zip.CheckedOutputStream(new java.io.BufferedOutputStream(target, 1 << 16), crc);
        DataOutputStream out = new DataOutputStream(checked);
        out.write(MAGIC);
        writeString(out, format);
        writeString(out, key);
        out.writeInt(entries.size());
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue().inputHash());
            out.writeInt(e.getValue().payload().length);
            out.write(e.getValue().payload());
        }
        out.flush();
        long value = crc.getValue();
        DataOutputStream tail = new DataOutputStream(target);
        tail.writeLong(value);
        tail.flush();
    }

    /** SHA-256 of {@code bytes} as hex: the input hash of a page. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string of any length, null included: -1, or the UTF-8 length and bytes. */
    public static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new EOFException("bad string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A payload made by {@code encoder}. */
    public static byte[] encode(Encoder encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        DataOutputStream out = new DataOutputStream(bytes);
        encoder.encode(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** A payload reader over {@code payload}. */
    public static DataInputStream decoder(byte[] payload) {
        return new DataInputStream(new Bytes(payload, 0, payload.length));
    }

    /**
     * {@link ByteArrayInputStream} without its locks: its {@code read()} is synchronized, and a cache is read a
     * byte or an int (four {@code read()} calls) at a time, millions of uncontended locks for 10,000 pages. A
     * reader here is never shared between threads.
     */
    private static final class Bytes extends InputStream {
        private final byte[] bytes;
        private final int end;
        private int position;

        Bytes(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() {
            return position < end ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int n = Math.min(length, end - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += (int) skipped;
            return skipped;
        }

        @Override
        public int available() {
            return end - position;
        }
    }

    /** Writes one payload. */
    @FunctionalInterface
    public interface Encoder {
        void encode(DataOutputStream out) throws IOException;
    }
}
