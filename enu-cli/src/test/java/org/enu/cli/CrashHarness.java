package org.enu.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.enu.config.RunConfig;
import org.enu.io.AtomicFiles;
import org.enu.run.TrainingRun;

/**
 * The process the crash tests kill: trains an IAF run in DIR with the given --set values and
 * prints a marker line after each generation ("GEN n", once its files are written). With
 * {@code midwrite K} it stops dead halfway through writing the K-th checkpoint (the first is
 * the one a start writes), prints "MIDWRITE <temporary file>" and waits to be killed.
 *
 * With {@code resume} it continues the run in DIR instead of starting one.
 *
 * <pre>CrashHarness DIR (run | resume | midwrite K) key=value...</pre>
 */
public final class CrashHarness {
    private CrashHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int stopAt = args[1].equals("midwrite") ? Integer.parseInt(args[2]) : -1;
        List<String> sets = Arrays.asList(args).subList(stopAt < 0 ? 2 : 3, args.length);
        if (stopAt > 0) {
            AtomicInteger writes = new AtomicInteger();
            AtomicFiles.midWriteHook = (target, tmp) -> {
                if (target.getFileName().toString().equals("checkpoint.bin") && writes.incrementAndGet() == stopAt) {
                    System.out.println("MIDWRITE " + tmp);
                    System.out.flush();
                    try {
                        new CountDownLatch(1).await(); // until SIGKILL
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
        org.enu.run.RunListener marker = (stats, next) -> {
            System.out.println("GEN " + next.generation());
            System.out.flush();
        };
        if (args[1].equals("resume")) {
            TrainingRun.resume(dir, null, null, List.of(marker), () -> false);
        } else {
            TrainingRun.start(RunConfig.resolve("iaf", "quick", null, sets), dir, List.of(marker), () -> false);
        }
        System.out.println("DONE");
    }
}
