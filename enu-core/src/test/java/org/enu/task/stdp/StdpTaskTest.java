package org.enu.task.stdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.enu.cell.EnuSpec;
import org.enu.eval.EnvironmentKeys;
import org.enu.task.TaskDefaults;
import org.junit.jupiter.api.Test;

class StdpTaskTest {
    static final float[] G = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};

    private static double[] expected(double before, double after, int from) {
        double[] y = new double[G.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = 0.5 * (t >= from ? after : before);
        }
        return y;
    }

    @Test
    void preBeforePostPotentiatesAfterTheLaterSpike() {
        // t_pre = 1, t_post = 4: dt = 3, Δw = 0.5 exp(-0.3) = 0.370409..., from step 5
        double[] y = StdpRule.target(G, 1, 4, 1, true, 0.5, 10);
        assertArrayEquals(expected(1, 1 + 0.5 * Math.exp(-0.3), 5), y, 1e-12);
        assertEquals(0.3704091103, StdpRule.deltaW(3, 0.5, 10), 1e-9);
    }

    @Test
    void postBeforePreDepresses() {
        // t_pre = 4, t_post = 1: dt = -3, Δw = -0.5 exp(-0.3), from step 5
        double[] y = StdpRule.target(G, 4, 1, 1, true, 0.5, 10);
        assertArrayEquals(expected(1, 1 - 0.5 * Math.exp(-0.3), 5), y, 1e-12);
    }

    @Test
    void neighbouringTimesGiveTheLargestChange() {
        assertEquals(0.5 * Math.exp(-0.1), StdpRule.deltaW(1, 0.5, 10), 1e-12);
        assertEquals(-0.5 * Math.exp(-0.1), StdpRule.deltaW(-1, 0.5, 10), 1e-12);
        assertArrayEquals(expected(1, 1 + 0.5 * Math.exp(-0.1), 4), StdpRule.target(G, 2, 3, 1, true, 0.5, 10), 1e-12);
        assertArrayEquals(expected(1, 1 - 0.5 * Math.exp(-0.1), 4), StdpRule.target(G, 3, 2, 1, true, 0.5, 10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> StdpRule.deltaW(0, 0.5, 10));
    }

    @Test
    void neuromodulatorGatesTheChangeOnlyInTheModulatedVariant() {
        assertArrayEquals(expected(1, 1, 0), StdpRule.target(G, 1, 4, 0, true, 0.5, 10), 0.0);
        assertArrayEquals(expected(1, 1 + 0.5 * Math.exp(-0.3), 5), StdpRule.target(G, 1, 4, 0, false, 0.5, 10),
                1e-12);
    }

    @Test
    void spikesAtTheEpisodeEdges() {
        // later spike at the last step: the change would apply after the episode
        assertArrayEquals(expected(1, 1, 0), StdpRule.target(G, 0, 7, 1, true, 0.5, 10), 0.0);
        // both early: change from step 2 on (dt = -1 with pre at 1, post at 0)
        assertArrayEquals(expected(1, 1 - 0.5 * Math.exp(-0.1), 2), StdpRule.target(G, 1, 0, 1, true, 0.5, 10), 1e-12);
        // pre at 0, post at 6: change at the last step only
        assertArrayEquals(expected(1, 1 + 0.5 * Math.exp(-0.6), 7), StdpRule.target(G, 0, 6, 1, true, 0.5, 10), 1e-12);
    }

    @Test
    void environmentsFollowTheConfiguredDistributions() {
        StdpTask task = new StdpTask(TaskDefaults.stdp(), spec());
        int on = 0;
        double meanT = 0;
        int n = 2000;
        for (long k : EnvironmentKeys.heldOut(8, n)) {
            StdpTask.Episode e = task.episode(k);
            assertNotEquals(e.tPre(), e.tPost());
            assertTrue(e.tPre() >= 0 && e.tPre() < 100 && e.tPost() >= 0 && e.tPost() < 100);
            for (float g : e.graded()) {
                assertTrue(g >= 0.45f && g < 0.55f, "graded " + g);
            }
            on += e.modulator() > 0 ? 1 : 0;
            meanT += e.tPre() + e.tPost();
        }
        meanT /= 2.0 * n;
        assertEquals(0.5, on / (double) n, 0.04, "neuromodulator present half the time");
        assertEquals(50, meanT, 0.6, "spike times centred on 50");
        // with spike_std 0 the two spikes still differ
        StdpTask tight = new StdpTask(TaskDefaults.stdp("environments", 4, "spike_std", 0), spec());
        StdpTask.Episode e = tight.episode(3);
        assertEquals(1, Math.abs(e.dt()));
    }

    @Test
    void relativeChangeAndCurve() {
        assertEquals(0.5, StdpTask.relativeChange(new double[] {2, 2, 3, 3}, 2), 1e-12);
        assertTrue(Double.isNaN(StdpTask.relativeChange(new double[] {2, 2, 3, 3}, 4)));
        assertEquals(0.0, StdpTask.relativeChange(new double[] {0, 0, 3, 3}, 2), 0.0);
        StdpTask task = new StdpTask(TaskDefaults.stdp(), spec());
        List<StdpTask.CurvePoint> pts = task.curve(task.layout().initialParameters(1), EnvironmentKeys.heldOut(2, 64));
        assertTrue(pts.size() > 50);
        for (StdpTask.CurvePoint p : pts) {
            double expect = p.modulator() ? StdpRule.deltaW(p.dt(), 0.5, 10) : 0;
            // the rule's relative change is Δw up to the graded noise of the two means
            assertEquals(expect, p.rule(), 0.05 + 0.05 * Math.abs(expect), "dt " + p.dt());
        }
    }

    @Test
    void aPerfectOutputHasZeroLossAndFullCorrelation() {
        assertEquals(1.0, StdpReport.pearson(List.of(1.0, 2.0, 3.0), List.of(2.0, 4.0, 6.0)), 1e-12);
        assertEquals(-1.0, StdpReport.pearson(List.of(1.0, 2.0, 3.0), List.of(3.0, 2.0, 1.0)), 1e-12);
        assertEquals(0.0, StdpReport.pearson(List.of(1.0, 1.0, 1.0), List.of(3.0, 2.0, 1.0)), 0.0);
    }

    static EnuSpec spec() {
        return new EnuSpec(4, 32, 16, true, 3f, 1f, 3f, false, 0f);
    }
}
