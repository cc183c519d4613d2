package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A throwaway root with the host's layout: {@code data/} and {@code reports/maintenance/}. Use it
 * with try-with-resources; {@link #fingerprint()} lets a test assert that nothing changed.
 */
public final class TempWorkspace implements AutoCloseable {

    private final Path root;

    private TempWorkspace(Path root) {
        this.root = root;
    }

    public static TempWorkspace create() {
        try {
            Path root = Files.createTempDirectory("tws-maintenance-");
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("reports").resolve("maintenance"));
            return new TempWorkspace(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path reportsDir() {
        return root.resolve("reports").resolve("maintenance");
    }

    /** A file in the data dir. */
    public Path dataFile(String name) {
        return dataDir().resolve(name);
    }

    /** Writes {@code content} to {@code data/<name>}. */
    public TempWorkspace writeData(String name, byte[] content) {
        try {
            Files.write(dataFile(name), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the testkit's {@code current} (or {@code previous}) constituent files into {@code data/}. */
    public TempWorkspace withConstituents(boolean current) {
        for (String name : Fixtures.constituentFiles()) {
            writeData(name, current ? Fixtures.currentConstituents(name) : Fixtures.previousConstituents(name));
        }
        return this;
    }

    public byte[] readData(String name) {
        try {
            return Files.readAllBytes(dataFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under the root with its SHA-256, by path relative to the root. */
    public Map<String, String> fingerprint() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), Sha256.hex(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Like {@link #fingerprint()} but only the data files under {@code data/}: the run lock file
     * ({@code data/.maintenance.lock}), which every apply takes, is left out.
     */
    public Map<String, String> dataFingerprint() {
        Map<String, String> all = fingerprint();
        all.keySet().removeIf(k -> !k.startsWith("data") || k.endsWith(".maintenance.lock"));
        return all;
    }


    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
