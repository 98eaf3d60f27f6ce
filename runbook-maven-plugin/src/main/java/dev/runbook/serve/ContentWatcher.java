package dev.runbook.serve;

import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders and everything below them (folders created later included) and reports changes in
 * batches: a burst of events (an editor's save, a {@code git checkout}) becomes one call once the
 * folders have been quiet for the debounce period. Calls come one at a time from the watcher's own
 * thread, so a slow rebuild simply collects the next batch meanwhile.
 */
public final class ContentWatcher implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final List<Path> excluded;
    private final Duration quiet;
    private final Consumer<Set<Path>> onChange;
    private final RunLog log;
    private final Thread thread;

    /**
     * @param roots    folders to watch, recursively
     * @param excluded folders never to watch even when under a root (the preview's own output and build
     *                 folder), with their siblings named like them plus a suffix (the site's staging folders);
     *                 ignored when it contains a root, which would leave nothing to watch
     * @param quiet    how long the folders must stay quiet before a batch is reported
     * @param onChange receives the changed paths of one batch (files or folders, absolute)
     */
    public ContentWatcher(List<Path> roots, List<Path> excluded, Duration quiet, Consumer<Set<Path>> onChange,
                          RunLog log) throws SetupException {
        List<Path> absoluteRoots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(ex -> absoluteRoots.stream().noneMatch(root -> root.startsWith(ex)))
                .toList();
        this.quiet = quiet;
        this.onChange = onChange;
        this.log = log;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            for (Path root : absoluteRoots) {
                registerTree(root);
            }
        } catch (IOException e) {
            throw new SetupException("cannot watch " + roots + " for changes: " + e.getMessage(), e);
        }
        this.thread = new Thread(this::loop, "runbook-serve-watcher");
        this.thread.setDaemon(true);
    }

    public ContentWatcher start() {
        thread.start();
        return this;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            log.debug("runbook: serve: closing the watcher: " + e.getMessage());
        }
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Set<Path> pending = new TreeSet<>();
        long deadline = 0;
        try {
            while (true) {
                WatchKey key;
                if (pending.isEmpty()) {
                    key = service.take();
                } else {
                    long wait = deadline - System.nanoTime();
                    key = wait <= 0 ? null : service.poll(wait, TimeUnit.NANOSECONDS);
                }
                if (key == null) {
                    Set<Path> batch = Set.copyOf(pending);
                    pending.clear();
                    report(batch);
                    continue;
                }
                collect(key, pending);
                if (!pending.isEmpty()) {
                    deadline = System.nanoTime() + quiet.toNanos();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the preview is stopping
        }
    }

    private void report(Set<Path> batch) {
        try {
            onChange.accept(batch);
        } catch (RuntimeException e) {
            log.warn("runbook: serve: handling a change failed: " + e);
        }
    }

    private void collect(WatchKey key, Set<Path> pending) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                pending.add(folder == null ? Path.of("") : folder);
                continue;
            }
            Path changed = folder.resolve((Path) event.context());
            if (isIgnored(changed)) {
                continue;
            }
            pending.add(changed);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    // Files written into the new folder before it was registered are found by the rebuild.
                    registerTree(changed);
                } catch (IOException e) {
                    log.warn("runbook: serve: cannot watch new folder " + changed + ": " + e.getMessage());
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private boolean isExcluded(Path path) {
        for (Path ex : excluded) {
            Path parent = ex.getParent();
            if (path.startsWith(ex)) {
                return true;
            }
            if (parent != null && path.startsWith(parent) && !path.equals(parent)) {
                String top = parent.relativize(path).getName(0).toString();
                if (top.startsWith(ex.getFileName() + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isIgnored(Path path) {
        if (isExcluded(path)) {
            return true;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        // Editors' swap and backup files change on every keystroke; the save itself changes the real file.
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#")
                || name.equals("4913");
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (isExcluded(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                folders.put(key, dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
