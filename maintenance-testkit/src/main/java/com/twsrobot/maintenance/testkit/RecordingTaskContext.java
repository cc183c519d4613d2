package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ContentCheck;
import com.twsrobot.maintenance.api.FileWrite;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.ServiceProviders;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TaskContext} for testing a task directly, without a runner: the workspace's directories, a
 * clock, a request, and a record of what the task reported — its progress lines and the file replaces
 * it announced. {@code RecordingTaskContext.dryRun(ws, clock)} is the usual start. Its indices are the
 * index plug-ins on the class path (as a runner with discovery has), unless {@link #withIndexes} says
 * otherwise. {@link #replaceFile} checks, records and replaces atomically like a runner's context, but
 * keeps no backups and tells no cache invalidator (those are the runner's; test them with a runner).
 */
public final class RecordingTaskContext implements TaskContext {

    /** One replace a task announced before writing a file. */
    public record Replace(Path file, String oldSha256, String newSha256) {
    }

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final TempWorkspace workspace;
    private final Clock clock;
    private final RunRequest request;
    private final Map<String, String> providerOptions = new LinkedHashMap<>();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final List<Replace> replaces = Collections.synchronizedList(new ArrayList<>());
    private List<IndexSpec> indexes;

    private RecordingTaskContext(TempWorkspace workspace, Clock clock, RunRequest request) {
        this.workspace = workspace;
        this.clock = clock;
        this.request = request;
    }

    /** A dry run of the default tasks over the workspace. */
    public static RecordingTaskContext dryRun(TempWorkspace workspace, Clock clock) {
        return of(workspace, clock, RunRequest.builder().build());
    }

    /** An apply of the default tasks over the workspace. */
    public static RecordingTaskContext apply(TempWorkspace workspace, Clock clock) {
        return of(workspace, clock, RunRequest.builder().apply().build());
    }

    /** Any request over the workspace. */
    public static RecordingTaskContext of(TempWorkspace workspace, Clock clock, RunRequest request) {
        return new RecordingTaskContext(workspace, clock, request);
    }

    /** Adds a provider option the task sees (as a runner's {@code providerOption} would). */
    public RecordingTaskContext withProviderOption(String key, String value) {
        providerOptions.put(key, value);
        return this;
    }

    @Override
    public boolean dryRun() {
        return request.dryRun();
    }

    @Override
    public RunRequest request() {
        return request;
    }

    /** A report id from the clock, as a runner would reserve: {@code maintenance_20260624_001500}. */
    @Override
    public String reportId() {
        return "maintenance_" + ID.format(clock.instant());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Path dataDir() {
        return workspace.dataDir();
    }

    @Override
    public Path reportsDir() {
        return workspace.reportsDir();
    }

    /** The indices the task sees instead of the class path's index plug-ins. */
    public RecordingTaskContext withIndexes(List<IndexSpec> specs) {
        this.indexes = List.copyOf(specs);
        return this;
    }

    @Override
    public synchronized List<IndexSpec> indexes() {
        if (indexes == null) {
            indexes = ServiceProviders.load(ConstituentIndex.class, getClass().getClassLoader(), problem -> { })
                    .stream().map(ConstituentIndex::spec).toList();
        }
        return indexes;
    }

    @Override
    public FileWrite replaceFile(String changeKey, String fileName, byte[] content, ContentCheck check)
            throws IOException {
        Path file = dataDir().resolve(fileName).normalize();
        if (!dataDir().equals(file.getParent())) {
            throw new IOException(fileName + " must be a plain file name inside the data dir; nothing written");
        }
        List<String> problems = check.problems(content.clone());
        if (!problems.isEmpty()) {
            throw new IOException(fileName + " was left unchanged: " + String.join("; ", problems));
        }
        String previous = Files.exists(file) ? Sha256.hex(Files.readAllBytes(file)) : "";
        String next = Sha256.hex(content);
        if (dryRun() || previous.equals(next)) {
            return new FileWrite(file, previous, next, false, null, null, List.of(), List.of(), List.of());
        }
        recordReplace(file, previous, next);
        Path staged = Files.createTempFile(dataDir(), "." + fileName, ".tmp");
        try {
            Files.write(staged, content);
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
        return new FileWrite(file, previous, next, true, null, null, List.of(), List.of(), List.of());
    }

    @Override
    public Map<String, String> providerOptions() {
        return Map.copyOf(providerOptions);
    }

    @Override
    public void recordReplace(Path file, String oldSha256, String newSha256) {
        replaces.add(new Replace(file, oldSha256, newSha256));
    }

    @Override
    public void progress(String message) {
        progress.add(message);
    }

    /** The progress lines the task reported, in order. */
    public List<String> progressLines() {
        return List.copyOf(progress);
    }

    /** The file replaces the task announced, in order. */
    public List<Replace> replaces() {
        return List.copyOf(replaces);
    }
}
