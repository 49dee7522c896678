package org.enu.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.enu.config.ConfigException;
import org.enu.io.AtomicFiles;
import org.enu.io.FileWriteException;
import org.enu.io.SafeRead;

/**
 * The one writer of a run directory: an exclusive OS lock on {@code DIR/.lock}, held while a
 * run trains. A second {@code train} or {@code resume} on the directory is refused while the
 * first holds it. The operating system drops the lock when its process ends, however it ends,
 * so the lock left by a killed process never blocks a later resume; the file itself stays (it
 * holds the last writer's process id, for the error message).
 *
 * <p>POSIX drops every lock a process holds on a file as soon as the process closes any handle
 * of that file, so within one JVM a directory is first claimed in a process-wide set and the
 * lock file is never opened a second time while it is held.
 */
public final class RunLock implements AutoCloseable {
    /** Name of the lock file in a run directory. */
    public static final String FILE = ".lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;

    private RunLock(Path key, Path file, FileChannel channel, FileLock lock, boolean created) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /**
     * Takes the lock of an existing directory.
     *
     * @throws ConfigException if another process or thread holds it
     */
    public static RunLock acquire(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            // not there yet: the normalised path names it
        }
        if (!HELD.add(key)) {
            throw inUse(dir, "another run in this process");
        }
        try {
            return lock(dir, key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static RunLock lock(Path dir, Path key) throws IOException {
        Path file = dir.resolve(FILE);
        boolean created = false;
        // a link here would make the pid line below overwrite whatever file it points to, and a
        // FIFO would block the open below until some other process opened it
        SafeRead.requireRegularIfPresent(file, "lock");
        try {
            Files.createFile(file);
            created = true;
        } catch (FileAlreadyExistsException e) {
            // left by an earlier writer: its lock, if any, is what counts
        } catch (IOException e) {
            throw new FileWriteException(file, AtomicFiles.reason(e));
        }
        Object before = fileKey(file);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            SafeRead.requireRegularIfPresent(file, "lock"); // made a link between the look above and the open
            throw new FileWriteException(file, AtomicFiles.reason(e));
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            ch.close();
            throw new FileWriteException(file, "cannot lock: " + AtomicFiles.reason(e));
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw inUse(dir, holder);
        }
        // the file may have been removed and made anew between createFile and open (a failed
        // start cleaning up): then this lock guards nothing
        if (before == null || !Objects.equals(before, fileKey(file))) {
            lock.release();
            ch.close();
            throw inUse(dir, "another enu process (its lock file was replaced)");
        }
        String text = "pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n";
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // the process id only improves another writer's error message; a full disk shows
            // itself, with the file's name, at the first real write
        }
        return new RunLock(key, file, ch, lock, created);
    }

    private static Object fileKey(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** What the lock file says about its holder ("pid 123 since ..."), read through our own handle. */
    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(200);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
            return s.startsWith("pid ") ? "another enu process, " + s : "another enu process";
        } catch (IOException e) {
            return "another enu process";
        }
    }

    private static ConfigException inUse(Path dir, String who) {
        return new ConfigException(dir + ": in use by " + who + " (one writer per run directory; wait for it to end "
                + "or stop it)");
    }

    /** Whether this lock made the lock file (a failed start then removes it again). */
    boolean createdFile() {
        return created;
    }

    /** The lock file. */
    Path file() {
        return file;
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } finally {
            HELD.remove(key);
        }
    }

    /** Removes the lock file, then releases the lock (a failed start leaves nothing behind). */
    void closeAndDelete() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            close();
        }
    }
}
