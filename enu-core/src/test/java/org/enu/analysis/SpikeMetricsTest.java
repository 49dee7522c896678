package org.enu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.enu.rng.KeyedRandom;
import org.junit.jupiter.api.Test;

class SpikeMetricsTest {

    private static boolean[] train(int n, int... at) {
        boolean[] s = new boolean[n];
        for (int t : at) {
            s[t] = true;
        }
        return s;
    }

    @Test
    void matchesWithinToleranceOneToOne() {
        boolean[] target = train(20, 3, 10, 15);
        boolean[] pred = train(20, 4, 9, 11, 18);
        SpikeMetrics.Counts c = SpikeMetrics.match(pred, target, 1);
        // 3<->4, 10<->9 (earliest unmatched within +-1), 15 unmatched; 11 and 18 unmatched
        assertEquals(4, c.predicted());
        assertEquals(3, c.target());
        assertEquals(2, c.matched());
        assertEquals(2.0 * 2 / 7, c.f1(), 1e-12);
        assertEquals(0.5, c.precision(), 1e-12);
        assertEquals(2.0 / 3, c.recall(), 1e-12);
    }

    @Test
    void exactTrainsScoreOneAndDisjointScoreZero() {
        boolean[] t = train(30, 2, 9, 20);
        assertEquals(1.0, SpikeMetrics.match(t, t, 1).f1(), 0.0);
        assertEquals(0.0, SpikeMetrics.match(train(30, 5, 14, 25), t, 1).f1(), 0.0);
        assertEquals(0.0, SpikeMetrics.match(train(30), t, 1).f1(), 0.0);
    }

    @Test
    void meanIntervalCountsTheEpisodeWhenFewerThanTwoSpikes() {
        assertEquals(5.0, SpikeMetrics.meanInterval(train(40, 2, 7, 12, 17)), 0.0);
        assertEquals(40.0, SpikeMetrics.meanInterval(train(40, 3)), 0.0);
        assertEquals(40.0, SpikeMetrics.meanInterval(train(40)), 0.0);
    }

    @Test
    void toleranceZeroCountsOnlyExactSpikes() {
        boolean[] target = train(20, 3, 9, 15);
        boolean[] enu = train(20, 3, 10, 17);
        assertEquals(new SpikeMetrics.Counts(3, 3, 1), SpikeMetrics.match(enu, target, 0));
        assertEquals(new SpikeMetrics.Counts(3, 3, 2), SpikeMetrics.match(enu, target, 1));
        assertEquals(2.0 / 3, SpikeMetrics.match(enu, target, 1).f1(), 1e-12);
    }

    @Test
    void randomTrainHasExactlyKDistinctSpikes() {
        KeyedRandom rnd = new KeyedRandom(7);
        for (int k = 0; k <= 100; k += 7) {
            assertEquals(k, SpikeMetrics.count(SpikeMetrics.randomTrain(100, k, rnd)));
        }
        assertEquals(10, SpikeMetrics.count(SpikeMetrics.randomTrain(10, 25, rnd)));
    }

    @Test
    void randomTrainsScoreTheHypergeometricChanceLevel() {
        // k random spikes among n steps against a fixed train of T spikes: E[matched at +-0] = k·T/n,
        // so the pooled F1 is 2kT/n / (k + T) = 0.1 for k = T = 10, n = 100 (4000 draws: s.e. ~0.0015)
        boolean[] target = train(100, 5, 14, 23, 31, 40, 52, 60, 71, 83, 95);
        KeyedRandom rnd = new KeyedRandom(11);
        SpikeMetrics.Counts c = new SpikeMetrics.Counts(0, 0, 0);
        for (int i = 0; i < 4000; i++) {
            c = c.plus(SpikeMetrics.match(SpikeMetrics.randomTrain(100, 10, rnd), target, 0));
        }
        assertEquals(0.1, c.f1(), 0.006);
    }

    @Test
    void chanceCorrectionMapsChanceToZeroAndPerfectToOne() {
        assertEquals(0.0, SpikeMetrics.corrected(0.37, 0.37), 1e-12);
        assertEquals(1.0, SpikeMetrics.corrected(1.0, 0.37), 1e-12);
        assertEquals(0.5, SpikeMetrics.corrected(0.6, 0.2), 1e-12);
        assertEquals(0.0, SpikeMetrics.corrected(1.0, 1.0), 0.0);
    }
}
