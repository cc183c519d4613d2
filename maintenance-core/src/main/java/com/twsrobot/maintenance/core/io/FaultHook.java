package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called before each step of a write ({@code write}, {@code fsync}, {@code permissions}, {@code rename},
 * {@code directory-fsync}); tests throw from it to prove a failure at any step leaves the target intact.
 */
@FunctionalInterface
public interface FaultHook {

    FaultHook NONE = (step, path) -> { };

    void before(String step, Path path) throws IOException;
}
