package dev.runbook.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * What a goal's last successful run saw, for an up-to-date check: a digest of its inputs, a digest of
 * the outputs it left, and whatever the goal needs to repeat its answer without doing the work. A small
 * properties file, written atomically after the outputs are complete and deleted before a run starts,
 * so a failed or killed run never leaves a claim behind.
 */
public final class UpToDateRecord {

    private static final String FORMAT = "1";

    private final Path file;

    public UpToDateRecord(Path file) {
        this.file = file;
    }

    /**
     * The recorded properties when the inputs are the recorded ones and the outputs are still what that run
     * left; empty when the work must be done. A damaged record, or outputs that cannot be read, mean work.
     *
     * @param outputs the outputs' digest now, computed by the caller (possibly while it digested the inputs)
     */
    public Optional<Properties> matching(String inputs, CompletableFuture<String> outputs) {
        Properties recorded = read();
        if (recorded == null || !inputs.equals(recorded.getProperty("inputs"))) {
            return Optional.empty();
        }
        try {
            return outputs.join().equals(recorded.getProperty("outputs")) ? Optional.of(recorded) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a run is recorded at all: without one, no digest of the outputs is worth taking. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Forgets the last run, before a new one starts. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Records a successful run, after its outputs are complete. */
    public void remember(String inputs, String outputs, Map<String, String> extra) throws IOException {
        Properties record = new Properties();
        record.putAll(extra);
        record.setProperty("format", FORMAT);
        record.setProperty("inputs", inputs);
        record.setProperty("outputs", outputs);
        AtomicFiles.write(file, out -> record.store(out, null));
    }

    private Properties read() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            record.load(in);
        } catch (IOException | RuntimeException e) { // whatever is wrong with it, the cure is to do the work
            return null;
        }
        return FORMAT.equals(record.getProperty("format")) ? record : null;
    }

    /** A digest computed on another thread, so that two walks of big folders take the time of one. */
    public static CompletableFuture<String> async(IOSupplier digest) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return digest.get();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A digest that reads files. */
    @FunctionalInterface
    public interface IOSupplier {
        String get() throws IOException;
    }
}
