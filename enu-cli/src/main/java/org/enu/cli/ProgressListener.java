package org.enu.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.enu.es.EsState;
import org.enu.run.GenerationStats;
import org.enu.run.RunListener;

/**
 * Shows a run's progress: a progress bar on a terminal (generation, best / mean / centre fitness,
 * generations per second, ETA), or a log line every few seconds when the output is not a
 * terminal (CI logs, files).
 */
final class ProgressListener implements RunListener {
    private final String label;
    private final boolean interactive;
    private final PrintWriter log;
    private ProgressBar bar;
    private long startNanos;
    private int startGeneration;
    private int until;
    private long lastLogNanos;
    private long nonfiniteTotal;
    private int nonfiniteGenerations;
    private String stage = "";

    ProgressListener(String label, boolean interactive, PrintWriter log) {
        this.label = label;
        this.interactive = interactive;
        this.log = log;
    }

    @Override
    public void started(EsState state, int untilGeneration) {
        startNanos = System.nanoTime();
        lastLogNanos = startNanos;
        startGeneration = state.generation();
        until = untilGeneration;
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(untilGeneration)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
                    .setMaxRenderedLength(140).showSpeed().setUnit(" gen", 1)
                    .startsFrom(state.generation(), java.time.Duration.ZERO).build();
        } else {
            log.printf(Locale.ROOT, "%s: generation %d of %d%n", label, state.generation(), untilGeneration);
            log.flush();
        }
    }

    @Override
    public void stageStatus(String status) {
        stage = status + " | ";
    }

    @Override
    public void generation(GenerationStats s, EsState next) {
        String msg = stage + String.format(Locale.ROOT, "best %.4g mean %.4g centre %.4g", s.max(), s.mean(), s.centre());
        if (s.nonfinite() > 0) {
            nonfiniteTotal += s.nonfinite();
            nonfiniteGenerations++;
        }
        if (nonfiniteTotal > 0) {
            msg += String.format(Locale.ROOT, " nonfinite %d/%d (%d in %d gen)", s.nonfinite(), s.offspring(),
                    nonfiniteTotal, nonfiniteGenerations);
        }
        if (bar != null) {
            bar.stepTo(next.generation());
            bar.setExtraMessage(" | " + msg);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLogNanos > 10_000_000_000L || next.generation() >= until) {
            lastLogNanos = now;
            double secs = (now - startNanos) * 1e-9;
            int done = next.generation() - startGeneration;
            double rate = done / Math.max(secs, 1e-9);
            double eta = (until - next.generation()) / Math.max(rate, 1e-9);
            log.printf(Locale.ROOT, "%s: gen %d/%d  %s  %.2f gen/s  ETA %s%n", label, next.generation(), until, msg, rate,
                    duration(eta));
            log.flush();
        }
    }

    @Override
    public void finished(EsState state) {
        if (bar != null) {
            bar.close();
        }
        if (nonfiniteTotal > 0) {
            log.printf(Locale.ROOT, "enu: warning: %d offspring in %d generations had a NaN or infinite fitness (ranked "
                    + "worst; \"nonfinite\" in metrics.jsonl counts them per generation)%n", nonfiniteTotal,
                    nonfiniteGenerations);
            log.flush();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s / 60) % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
