package org.enu.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyTest {
    /** Hands out the given values in order. */
    private static java.util.function.DoubleSupplier values(Double... v) {
        Iterator<Double> it = List.of(v).iterator();
        return it::next;
    }

    @Test
    void warmUpEndsOnceThreeMeasurementsAgreeAndTheNextOnesAreKept() {
        // a JIT-like start: slow, slower, then settled at ~1.0
        Steady.Spread s = Steady.measure(values(5.0, 3.0, 1.02, 1.0, 0.99, 1.1, 0.9, 1.05), 3, 0.05, 10);
        assertEquals(5, s.warmup(), "5.0, 3.0, then 1.02, 1.0, 0.99 agree within 5%");
        assertTrue(s.settled());
        assertArrayEquals(new double[] {0.9, 1.05, 1.1}, s.values());
        assertEquals(0.9, s.min());
        assertEquals(1.05, s.median());
        assertEquals(1.1, s.max());
        assertEquals(0.15 / 1.05, s.maxDeviation(), 1e-12);
    }

    @Test
    void aFigureThatNeverSettlesStopsAtTheCapAndSaysSo() {
        Steady.Spread s = Steady.measure(values(1.0, 2.0, 1.0, 2.0, 7.0, 8.0), 2, 0.05, 4);
        assertEquals(4, s.warmup());
        assertFalse(s.settled());
        assertArrayEquals(new double[] {7.0, 8.0}, s.values());
    }

    @Test
    void noWarmUpKeepsTheFirstMeasurements() {
        Steady.Spread s = Steady.measure(values(4.0, 2.0), 2, 0.05, 0);
        assertEquals(0, s.warmup());
        assertTrue(s.settled());
        assertEquals(4.0, s.median(), "upper middle of an even count");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Steady.measure(() -> 1, 0, 0.05, 3));
        assertThrows(IllegalArgumentException.class, () -> Steady.measure(() -> 1, 1, -0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> Steady.measure(() -> 1, 1, Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> Steady.measure(() -> 1, 1, 0.05, -1));
        assertThrows(IllegalArgumentException.class, () -> new Steady.Spread(new double[0], 0, true));
    }

    @Test
    void aThroughputMeasurementRunsTheBatchAtLeastOnceAndCountsItsFlops() {
        int[] runs = {0};
        double g = Steady.gflops(0.0, 1e9, () -> runs[0]++);
        assertEquals(1, runs[0], "a zero-length measurement still runs one batch");
        assertTrue(g > 0 && Double.isFinite(g));
        runs[0] = 0;
        double g2 = Steady.gflops(0.02, 1e6, () -> runs[0]++);
        assertTrue(runs[0] > 1, "batches repeat until the deadline: " + runs[0]);
        assertTrue(g2 > 0);
    }

    @Test
    void kernelAndPeakMeasurementsArePositiveAndOrdered() {
        Steady.Spread k = KernelBench.measure(new KernelBench.Shape("t", 8, 4, 8, 4), 0.01, 3);
        assertEquals(3, k.values().length);
        assertTrue(k.min() > 0 && k.min() <= k.median() && k.median() <= k.max());
        Steady.Spread p = PeakFlops.measure(0.01, 2);
        assertTrue(p.min() > 0 && p.min() <= p.max());
    }
}
