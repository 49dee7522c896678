package org.enu.io;

import java.io.IOException;

/** A run file (checkpoint, genome, metrics) that exists but cannot be used; the message says why. */
public class CorruptFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptFileException(String message) {
        super(message);
    }
}
