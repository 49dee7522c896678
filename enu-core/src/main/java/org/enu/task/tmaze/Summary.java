package org.enu.task.tmaze;

import java.util.List;

/**
 * Means over episodes. {@code reEatRate} = episodes that ate poison again after their first
 * poison / episodes that ate any poison (NaN when none did); {@code sdFitness} is the sample
 * standard deviation of the episode fitness (0 for one episode). The arm-choice rates are the
 * mean, over episodes that made such a choice, of the fraction of choices into the food arm; the
 * poison-taken rates the same for the visits to the poison that ended by eating it;
 * {@code poisonRefusedBeforeFood} the same for the visits after the first poison and before any
 * food that did not eat it.
 */
public record Summary(int episodes, double meanFitness, double sdFitness, double meanFoods, double meanPoisons,
                      int poisonedEpisodes, double reEatRate, double meanStepsAlive,
                      Rate foodArmBefore, Rate foodArmAfter, Rate foodArmAfterSwap,
                      Rate poisonTakenBefore, Rate poisonTakenAfter, Rate poisonRefusedBeforeFood) {
    /** A mean over episodes and its standard error (NaN, NaN when no episode counts). */
    public record Rate(double mean, double stderr, int episodes) {
        /** The mean of per-episode fractions num/den over the episodes with den > 0. */
        static Rate of(List<EpisodeStats> stats, java.util.function.ToIntFunction<EpisodeStats> num,
                       java.util.function.ToIntFunction<EpisodeStats> den) {
            double sum = 0, sq = 0;
            int n = 0;
            for (EpisodeStats s : stats) {
                int d = den.applyAsInt(s);
                if (d > 0) {
                    double x = num.applyAsInt(s) / (double) d;
                    sum += x;
                    sq += x * x;
                    n++;
                }
            }
            if (n == 0) {
                return new Rate(Double.NaN, Double.NaN, 0);
            }
            double mean = sum / n;
            double var = n > 1 ? Math.max(0, (sq - n * mean * mean) / (n - 1)) : 0;
            return new Rate(mean, n > 1 ? Math.sqrt(var / n) : Double.NaN, n);
        }
    }

    public static Summary of(List<EpisodeStats> stats) {
        int n = stats.size();
        if (n == 0) {
            throw new IllegalArgumentException("no episodes");
        }
        double f = 0, foods = 0, poisons = 0, alive = 0;
        int poisoned = 0, reEaten = 0;
        for (EpisodeStats s : stats) {
            f += s.fitness();
            foods += s.foods();
            poisons += s.poisons();
            alive += s.stepsAlive();
            if (s.poisons() > 0) {
                poisoned++;
                if (s.poisonsAfterFirst() > 0) {
                    reEaten++;
                }
            }
        }
        double mean = f / n;
        double ss = 0;
        for (EpisodeStats s : stats) {
            ss += (s.fitness() - mean) * (s.fitness() - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new Summary(n, mean, sd, foods / n, poisons / n, poisoned,
                poisoned == 0 ? Double.NaN : reEaten / (double) poisoned, alive / n,
                Rate.of(stats, EpisodeStats::foodChoicesBefore, EpisodeStats::choicesBefore),
                Rate.of(stats, EpisodeStats::foodChoicesAfter, EpisodeStats::choicesAfter),
                Rate.of(stats, EpisodeStats::foodChoicesSwap, EpisodeStats::choicesSwap),
                Rate.of(stats, EpisodeStats::poisonEatenBefore, EpisodeStats::poisonVisitsBefore),
                Rate.of(stats, EpisodeStats::poisonEatenAfter, EpisodeStats::poisonVisitsAfter),
                Rate.of(stats, EpisodeStats::poisonRefusedBeforeFood, EpisodeStats::poisonVisitsBeforeFood));
    }

    /** Standard error of the mean fitness. */
    public double stderrFitness() {
        return sdFitness / Math.sqrt(episodes);
    }
}
