package org.enu.cli.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.enu.es.EsState;
import org.enu.run.GenerationStats;
import org.enu.run.RunDirectory;
import org.enu.run.RunListener;

/**
 * {@code enu train --report-every N}: rewrites DIR/report.html every N generations while the run
 * trains (on a thread of its own, so training does not wait; a report still being written when
 * the next is due is not started twice), and once more when the run has stopped ({@link #last}). The page written
 * during training reloads itself in the browser; the last one does not. A report that cannot be
 * written is a warning: training goes on.
 */
public final class LiveReport implements RunListener {
    /** Held-out environments of the reports written during training (the last one uses enu eval's 256). */
    static final int LIVE_ENVIRONMENTS = 64;

    private final Path dir;
    private final int every;
    private final PrintWriter err;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "enu-report");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;

    public LiveReport(Path dir, int every, PrintWriter err) {
        this.dir = dir;
        this.every = every;
        this.err = err;
    }

    @Override
    public void generation(GenerationStats stats, EsState next) {
        if ((stats.generation() + 1) % every != 0 || (running != null && !running.isDone())) {
            return;
        }
        running = worker.submit(() -> write(true, LIVE_ENVIRONMENTS));
    }

    @Override
    public void finished(EsState state) {
        try {
            if (running != null) {
                running.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            // reported by write
        } finally {
            worker.shutdown();
        }
    }

    /** The report of the run as it stopped: called once its last checkpoint (and genome) are written. */
    public void last() {
        finished(null);
        write(false, 256);
    }

    private void write(boolean live, int envs) {
        RunDirectory rd = new RunDirectory(dir);
        if (!Files.exists(rd.file(RunDirectory.CHECKPOINT)) && !Files.exists(rd.file(RunDirectory.GENOME))) {
            return; // nothing to show before the first checkpoint
        }
        try {
            RunData run = RunData.open(dir);
            Path page = dir.resolve("report.html");
            Path files = ReportCommand.filesDir(page);
            Report.Built built = Report.single(run, new Report.Options(ReportCommand.DEFAULT_SEED, envs, 0),
                    files.getFileName().toString(), live);
            ReportCommand.write(page, files, built, null);
        } catch (Exception | OutOfMemoryError e) {
            synchronized (err) {
                err.println("enu: warning: report: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                err.flush();
            }
        }
    }
}
