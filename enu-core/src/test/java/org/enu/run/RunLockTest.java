package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enu.ChildJvm;
import org.enu.TestTasks;
import org.enu.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run directory: held locks refuse, stale ones (the holder is dead) do not. */
class RunLockTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("try") // each lock is held for its block
    void aSecondLockInTheSameProcessIsRefusedUntilTheFirstIsReleased() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        try (RunLock first = RunLock.acquire(dir)) {
            ConfigException e = assertThrows(ConfigException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().startsWith(dir + ": in use by another run in this process"), e.getMessage());
            // the same directory by another name (a relative or a dotted path) is the same directory
            assertThrows(ConfigException.class, () -> RunLock.acquire(dir.resolve(".").resolve("..").resolve("run")));
        }
        try (RunLock again = RunLock.acquire(dir)) {
            assertTrue(Files.readString(dir.resolve(RunLock.FILE)).startsWith("pid " + ProcessHandle.current().pid()));
        }
    }

    @Test
    @Timeout(120)
    @SuppressWarnings("try") // the lock is held for its block
    void anotherProcessHoldingTheLockIsRefusedAndItsStaleLockIsNot() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        try (ChildJvm child = ChildJvm.start(LockHolder.class, dir.toString())) {
            String line = child.await("LOCKED");
            assertEquals("LOCKED pid " + child.pid(), line);
            ConfigException e = assertThrows(ConfigException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("in use by another enu process, pid " + child.pid()), e.getMessage());
            // a run cannot start or resume there either
            e = assertThrows(ConfigException.class, () -> TrainingRun.start(TestTasks.tinyIaf(1, 1), dir, List.of(),
                    () -> false));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            child.kill(); // kill -9: the process cannot release anything itself
        }
        assertTrue(Files.exists(dir.resolve(RunLock.FILE)), "the dead holder's lock file is still there");
        try (RunLock lock = RunLock.acquire(dir)) {
            assertTrue(Files.readString(dir.resolve(RunLock.FILE)).startsWith("pid " + ProcessHandle.current().pid()));
        }
        // and a start in a directory that holds nothing but the stale lock file proceeds
        TrainingRun.Result r = TrainingRun.start(TestTasks.tinyIaf(1, 1), dir, List.of(), () -> false);
        assertTrue(r.completed());
    }
}
