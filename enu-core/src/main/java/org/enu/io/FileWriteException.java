package org.enu.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file enu could not write (disk full, permissions, a directory in its place); names the file. */
public final class FileWriteException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public FileWriteException(Path file, String reason) {
        super(file + ": cannot write: " + reason);
        this.reason = reason;
    }

    /** Why the write failed, without the file name. */
    public String reason() {
        return reason;
    }
}
