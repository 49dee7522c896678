package org.enu.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.BiConsumer;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written
 * one: the bytes go to a temporary sibling with a name no other writer uses, are forced to disk,
 * and the sibling is renamed over the target. A failed write removes its temporary file and
 * names the target and the reason ({@link FileWriteException}).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Crash tests only: called with the target and the temporary file after half of the content
     * is written (before it is forced and renamed), so a test can kill the process mid-write.
     */
    public static volatile BiConsumer<Path, Path> midWriteHook;

    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Writes to a uniquely named temporary sibling, forces it to disk, and renames it over the target. */
    @SuppressWarnings("try") // the channel is closed before the move, and again (a no-op) by the try
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileWriteException(target, Files.isDirectory(target) ? "is a directory, not a file"
                    : "exists and is not a regular file");
        }
        Path tmp = null;
        FileChannel opened = null;
        for (int attempt = 0; opened == null; attempt++) {
            // unique per process, call and chance; CREATE_NEW never shares a file with another writer,
            // and unlike createTempFile it leaves the permissions to the umask, as for any other file
            tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + COUNTER.incrementAndGet() + "-" + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                opened = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw new FileWriteException(target, "cannot make a temporary file");
                }
            } catch (IOException e) {
                throw new FileWriteException(target, reason(e));
            }
        }
        boolean done = false;
        try (FileChannel ch = opened) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            BiConsumer<Path, Path> hook = midWriteHook;
            if (hook != null) {
                buf.limit(content.length / 2);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                hook.accept(target, tmp);
                buf.limit(content.length);
            }
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
            ch.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new FileWriteException(target, reason(e));
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; its reason is what the user needs
                }
            }
        }
    }

    /**
     * Creates the directory {@code dir} (and its parents) if needed, then writes every file, each
     * atomically, in the map's order.
     *
     * @throws FileWriteException if the directory cannot be made
     */
    public static void writeAll(Path dir, java.util.Map<Path, byte[]> files) throws IOException {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileWriteException(dir, reason(e));
        }
        for (java.util.Map.Entry<Path, byte[]> e : files.entrySet()) {
            write(e.getKey(), e.getValue());
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The reason of an I/O failure without the file name Java puts in front of it. */
    public static String reason(IOException e) {
        if (e instanceof FileWriteException w) {
            return w.reason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "is a directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
