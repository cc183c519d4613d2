package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * A task's rule for the content of a file it replaces through
 * {@link TaskContext#replaceFile(String, String, byte[], ContentCheck)}: the runner calls it with the
 * bytes as staged on disk and read back (in a dry run, with the bytes given), and replaces nothing
 * unless it answers with no problem.
 */
@FunctionalInterface
public interface ContentCheck {

    /** Accepts any content (for a file whose writer has already checked it). */
    ContentCheck NONE = content -> List.of();

    /**
     * What is wrong with the content, in words an operator can act on.
     *
     * @param content the bytes about to replace the file
     * @return the problems; empty when the content may be written
     */
    List<String> problems(byte[] content);
}
