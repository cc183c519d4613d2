package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.core.validation.ValidatorChain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FileCheck}s kept while their file is unchanged (the same file, size and modification time),
 * so a status poll or a health probe reads and validates a constituent file once per version of it,
 * not once per request. Our writes replace a file by renaming a new one over it, so a new version is
 * always a new file.
 */
public final class FileCheckCache {

    private record Key(Object fileKey, long size, long modifiedNanos) {
    }

    private record Cached(Key key, FileCheck check) {
    }

    private final ValidatorChain validators;
    private final Map<Path, Cached> checks = new ConcurrentHashMap<>();

    public FileCheckCache(ValidatorChain validators) {
        this.validators = validators;
    }

    /** The check of {@code file} against {@code spec}: the cached one while the file is unchanged. */
    public FileCheck check(IndexSpec spec, Path file) {
        Key key;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            key = new Key(a.fileKey(), a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (NoSuchFileException e) {
            checks.remove(file);
            return FileCheck.of(spec, file, validators);
        } catch (IOException e) {
            return FileCheck.of(spec, file, validators);
        }
        Cached cached = checks.get(file);
        if (cached != null && Objects.equals(cached.key(), key) && key.fileKey() != null) {
            return cached.check();
        }
        FileCheck check = FileCheck.of(spec, file, validators);
        checks.put(file, new Cached(key, check));
        return check;
    }
}
