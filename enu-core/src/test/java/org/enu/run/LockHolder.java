package org.enu.run;

import java.nio.file.Path;

/** A child process that takes a run directory's lock, says "LOCKED", and holds it until killed or stdin ends. */
public final class LockHolder {
    private LockHolder() {
    }

    @SuppressWarnings("try") // the lock is held for the block
    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]))) {
            System.out.println("LOCKED pid " + ProcessHandle.current().pid());
            System.out.flush();
            System.in.read();
        }
    }
}
