package org.enu.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every regular file under a directory and its bytes, to show that a refused command changed
 * nothing. Do not take one of a directory whose lock this JVM holds: reading the lock file
 * would release it (POSIX locks end when the process closes any handle of the file).
 */
final class DirSnapshot {
    private DirSnapshot() {
    }

    static Map<String, String> of(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(dir)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } else if (Files.isDirectory(p) && !p.equals(dir)) {
                    m.put(dir.relativize(p) + "/", "dir");
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
