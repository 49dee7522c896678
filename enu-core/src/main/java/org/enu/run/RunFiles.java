package org.enu.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enu.config.ConfigException;

/** The directory chores of starting and resuming a run: emptiness, what a failed start made, leftovers. */
final class RunFiles {
    private RunFiles() {
    }

    /** Refuses a path that is a file, or a directory with anything in it but a free lock file. */
    static void requireEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("out: " + dir + " exists and is not a directory");
        }
        try (var s = Files.list(dir)) {
            if (s.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
                throw new ConfigException("out: " + dir + " is not empty (use `enu resume " + dir
                        + "` to continue the run there, or choose another directory)");
            }
        }
    }

    /** The top-most directory of {@code dir}'s path that does not exist yet (null if it exists). */
    static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes the directories a failed start made, if they are still empty. */
    static void removeCreated(Path created, Path dir) {
        if (created == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath(); p != null && p.startsWith(created); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty: someone else uses it
            }
        }
    }

    /** Removes temporary files a killed writer left behind (only their unique names match). */
    static void removeTemporaries(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
