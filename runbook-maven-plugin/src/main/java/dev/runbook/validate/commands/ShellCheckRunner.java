package dev.runbook.validate.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs the ShellCheck binary over many small scripts with few processes: the scripts are written to a
 * fresh temp folder, one file each, and checked {@code batchSize} files per {@code shellcheck} invocation,
 * {@code parallel} invocations at a time. No shell is involved (an argument list), stdin is closed at once,
 * output goes to files (no pipe can fill up and block), and a batch that outlives the timeout is killed.
 * The temp folder is deleted afterwards, whatever happened.
 */
final class ShellCheckRunner {

    /** One ShellCheck comment: the script's name, 1-based line and column (tabs count as one), level, code. */
    record Comment(String file, int line, int column, String level, int code, String message) {
    }

    /**
     * The comments of all batches, a line per batch that failed (timeout, crash, unreadable output), and the
     * scripts whose batch succeeded (a script missing here was not checked, whatever its comments say).
     */
    record Result(List<Comment> comments, List<String> failures, List<String> checked) {
        static Result failed(String failure) {
            return new Result(List.of(), List.of(failure), List.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final Collection<String> exclude;
    private final int batchSize;
    private final int parallel;
    private final Duration timeout;
    private final AtomicInteger processesStarted;

    ShellCheckRunner(Path binary, Collection<String> exclude, int batchSize, int parallel, Duration timeout,
            AtomicInteger processesStarted) {
        this.binary = binary;
        this.exclude = List.copyOf(exclude);
        this.batchSize = Math.max(1, batchSize);
        this.parallel = Math.max(1, parallel);
        this.timeout = timeout;
        this.processesStarted = processesStarted;
    }

    /** Checks the scripts, keyed by file name (a plain name such as {@code b00001.sh}, no folders). */
    Result run(Map<String, String> scripts) throws IOException {
        if (scripts.isEmpty()) {
            return new Result(List.of(), List.of(), List.of());
        }
        Path folder = Files.createTempDirectory("runbook-shellcheck");
        try {
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                Files.writeString(folder.resolve(script.getKey()), script.getValue(), StandardCharsets.UTF_8);
            }
            List<String> names = scripts.keySet().stream().sorted().toList();
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < names.size(); i += batchSize) {
                batches.add(names.subList(i, Math.min(names.size(), i + batchSize)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, batches.size()));
            try {
                List<Future<Result>> running = new ArrayList<>();
                for (int i = 0; i < batches.size(); i++) {
                    int index = i;
                    running.add(pool.submit(() -> runBatch(folder, index, batches.get(index))));
                }
                List<Comment> comments = new ArrayList<>();
                List<String> failures = new ArrayList<>();
                List<String> checked = new ArrayList<>();
                for (Future<Result> batch : running) {
                    Result result = batch.get();
                    comments.addAll(result.comments());
                    failures.addAll(result.failures());
                    checked.addAll(result.checked());
                }
                return new Result(comments, failures, checked);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.failed("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        } finally {
            deleteTree(folder);
        }
    }

    private Result runBatch(Path folder, int index, List<String> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--format=json1", "--shell=bash", "--norc",
                "--severity=info"));
        if (!exclude.isEmpty()) {
            command.add("--exclude=" + String.join(",", exclude));
        }
        // "--" so that no generated file name can ever be read as an option.
        command.add("--");
        command.addAll(files);
        Path out = folder.resolve("batch-" + index + ".json");
        Path err = folder.resolve("batch-" + index + ".err");
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        processesStarted.incrementAndGet();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return Result.failed("ShellCheck did not finish " + files.size() + " blocks within "
                    + timeout.toSeconds() + "s and was stopped");
        }
        int exit = process.exitValue();
        // 0: no comments, 1: comments; anything else is ShellCheck failing (bad option, crash).
        if (exit != 0 && exit != 1) {
            String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
            return Result.failed("ShellCheck exited with " + exit
                    + (stderr.isEmpty() ? "" : ": " + stderr.lines().findFirst().orElse("")));
        }
        String json = Files.readString(out, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            // ShellCheck always prints a JSON object; nothing at all means the binary is not ShellCheck.
            return Result.failed(binary + " exited with " + exit + " and printed nothing; is it ShellCheck?");
        }
        try {
            return new Result(parse(json), List.of(), List.copyOf(files));
        } catch (IOException | RuntimeException e) {
            return Result.failed("ShellCheck's JSON output could not be read: " + e.getMessage());
        }
    }

    static List<Comment> parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Comment> comments = new ArrayList<>();
        for (JsonNode c : root.path("comments")) {
            comments.add(new Comment(c.path("file").asText(), c.path("line").asInt(1), c.path("column").asInt(1),
                    c.path("level").asText("warning"), c.path("code").asInt(), c.path("message").asText()));
        }
        return comments;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
