package org.enu.cell;

/**
 * A setting of the kernel that cannot be used (today: a bad {@code -Denu.kernel} JVM property).
 * The message names the setting and the reason on one line; the command line reports it as bad
 * input (exit code 2), as it does a configuration error.
 */
public final class KernelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KernelException(String message) {
        super(message);
    }
}
