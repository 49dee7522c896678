package org.enu.analysis;

/**
 * Spike-train comparisons that do not depend on the training loss: spike-time F1 with a
 * tolerance, and the error of the mean inter-spike interval.
 */
public final class SpikeMetrics {
    private SpikeMetrics() {
    }

    /** Counts for an F1 score: spikes of the model, spikes of the target, and matched pairs. */
    public record Counts(long predicted, long target, long matched) {
        public Counts plus(Counts o) {
            return new Counts(predicted + o.predicted, target + o.target, matched + o.matched);
        }

        /** 2·matched / (predicted + target): 1 when every spike is matched, 0 when none is. */
        public double f1() {
            long d = predicted + target;
            return d == 0 ? 1.0 : 2.0 * matched / d;
        }

        public double precision() {
            return predicted == 0 ? 0.0 : (double) matched / predicted;
        }

        public double recall() {
            return target == 0 ? 0.0 : (double) matched / target;
        }
    }

    /**
     * Matches each target spike, in time order, to the earliest unmatched predicted spike within
     * ±tolerance steps (a one-to-one matching).
     */
    public static Counts match(boolean[] predicted, boolean[] target, int tolerance) {
        int n = Math.min(predicted.length, target.length);
        boolean[] used = new boolean[n];
        long p = 0;
        long t = 0;
        long m = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i]) {
                p++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!target[i]) {
                continue;
            }
            t++;
            for (int j = Math.max(0, i - tolerance); j <= Math.min(n - 1, i + tolerance); j++) {
                if (predicted[j] && !used[j]) {
                    used[j] = true;
                    m++;
                    break;
                }
            }
        }
        return new Counts(p, t, m);
    }

    /**
     * Mean inter-spike interval of a train: the mean gap between consecutive spikes; a train with
     * fewer than two spikes has no interval inside the episode and counts as the episode length.
     */
    public static double meanInterval(boolean[] spikes) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < spikes.length; i++) {
            if (spikes[i]) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                count++;
            }
        }
        return count < 2 ? spikes.length : (double) (last - first) / (count - 1);
    }

    /** Spikes in a train. */
    public static int count(boolean[] spikes) {
        int k = 0;
        for (boolean b : spikes) {
            if (b) {
                k++;
            }
        }
        return k;
    }

    /** A train of n steps with min(k, n) spikes at distinct steps drawn uniformly (partial Fisher-Yates). */
    public static boolean[] randomTrain(int n, int k, org.enu.rng.KeyedRandom rnd) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        boolean[] train = new boolean[n];
        for (int i = 0; i < Math.min(k, n); i++) {
            int j = i + rnd.nextInt(n - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
            train[idx[i]] = true;
        }
        return train;
    }

    /** Chance-corrected score (score − chance) / (1 − chance); 0 when chance is already 1. */
    public static double corrected(double score, double chance) {
        return chance >= 1 ? 0 : (score - chance) / (1 - chance);
    }
}
