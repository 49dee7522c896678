package org.enu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpikeMetricsTest {
    static boolean[] train(int n, int... times) {
        boolean[] s = new boolean[n];
        for (int t : times) {
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
}
