package org.enu.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way enu opens a file to read it: a size bound checked before the first byte is read
 * (so a huge or endless file is refused at once instead of exhausting memory), only regular files
 * (not a FIFO, device or directory), and, for the files of a run directory, no symbolic links: a
 * link in a run directory could make enu read, and later rewrite, a file outside it. The link
 * check is made on the path's last element and again by the operating system when the file is
 * opened ({@code O_NOFOLLOW}), so a link put in place between the two is refused too.
 */
public final class SafeRead {
    private SafeRead() {
    }

    /** Whether links are followed: yes for a file the user names (--config), no inside a run directory. */
    public enum Links { FOLLOW, REFUSE }

    /**
     * The whole file, at most {@code max} bytes.
     *
     * @param what names the kind of file in errors ("checkpoint", "genome", ...)
     * @throws CorruptFileException naming the file and the reason: missing, a link, not a regular
     *                              file, larger than {@code max}, unreadable
     */
    public static byte[] bytes(Path file, String what, long max, Links links) throws CorruptFileException {
        BasicFileAttributes a = attributes(file, what, links);
        if (a.size() > max) {
            throw tooLarge(file, what, max);
        }
        OpenOption[] options = links == Links.REFUSE
                ? new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS}
                : new OpenOption[] {StandardOpenOption.READ};
        try (FileChannel ch = FileChannel.open(file, options)) {
            // the file may have grown since the look: read at most one byte more than allowed
            byte[] b = java.nio.channels.Channels.newInputStream(ch).readNBytes((int) Math.min(max + 1,
                    Integer.MAX_VALUE - 8));
            if (b.length > max) {
                throw tooLarge(file, what, max);
            }
            return b;
        } catch (CorruptFileException e) {
            throw e;
        } catch (FileSystemException e) {
            if (links == Links.REFUSE && isLoop(e)) {
                throw link(file);
            }
            throw new CorruptFileException(file + ": cannot read: " + AtomicFiles.reason(e));
        } catch (IOException e) {
            throw new CorruptFileException(file + ": cannot read: " + AtomicFiles.reason(e));
        }
    }

    /** The file as UTF-8 text (see {@link #bytes}); refused if it is not UTF-8 or holds NUL bytes. */
    public static String text(Path file, String what, long max, Links links) throws CorruptFileException {
        return utf8(bytes(file, what, max, links), file, CorruptFileException::new);
    }

    /**
     * A file's bytes as UTF-8 text; refused, with the exception {@code refuse} makes of the
     * one-line reason, if they are not UTF-8 or hold NUL bytes (a binary file).
     */
    public static <E extends Exception> String utf8(byte[] b, Path file,
                                                    java.util.function.Function<String, E> refuse) throws E {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw refuse.apply(file + ": not UTF-8 text (a binary file?)");
        }
        if (text.indexOf('\0') >= 0) {
            throw refuse.apply(file + ": contains NUL bytes (a binary file?)");
        }
        return text;
    }

    /** Whether the path exists as anything, a dangling link included. */
    public static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Refuses a run file that is there but is a symbolic link, a directory or not a regular file;
     * a missing file passes. Run before anything is written, so such a file is named at once.
     *
     * @param what names the kind of file in errors
     */
    public static void requireRegularIfPresent(Path file, String what) throws CorruptFileException {
        if (exists(file)) {
            attributes(file, what, Links.REFUSE);
        }
    }

    private static BasicFileAttributes attributes(Path file, String what, Links links) throws CorruptFileException {
        BasicFileAttributes a;
        try {
            a = links == Links.REFUSE ? Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new CorruptFileException(file + ": no " + what + " found");
        } catch (IOException e) {
            throw new CorruptFileException(file + ": cannot read: " + AtomicFiles.reason(e));
        }
        if (a.isSymbolicLink()) {
            throw link(file);
        }
        if (a.isDirectory()) {
            throw new CorruptFileException(file + ": is a directory, not a " + what + " file");
        }
        if (!a.isRegularFile()) {
            throw new CorruptFileException(file + ": not a regular file (a FIFO or device?)");
        }
        return a;
    }

    private static boolean isLoop(FileSystemException e) {
        String r = e.getReason();
        return r != null && (r.contains("symbolic links") || r.contains("ELOOP"));
    }

    private static CorruptFileException link(Path file) {
        return new CorruptFileException(file + ": is a symbolic link; enu does not follow links inside a run "
                + "directory (replace it with the file itself)");
    }

    private static CorruptFileException tooLarge(Path file, String what, long max) {
        String size = max >= 10L << 20 ? (max >> 20) + " MB" : max >= 10 << 10 ? (max >> 10) + " kB" : max + " bytes";
        return new CorruptFileException(file + ": larger than any " + what + " enu writes (" + size + ")");
    }
}
