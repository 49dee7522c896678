package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.es.StrategyRegistry;
import org.enu.io.Checkpoint;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy of the registry on a real task (a tiny IAF run): one thread straight through
 * and two threads stopped after 3 generations then resumed with three end in the same bits,
 * centre and state vectors alike.
 */
class StrategyRunTest {
    @TempDir
    Path tmp;

    static List<String> names() {
        return StrategyRegistry.NAMES;
    }

    private static RunConfig config(String strategy, int threads) {
        return RunConfig.resolve("iaf", "quick", null, List.of("generations=6", "checkpoint_every=2",
                "threads=" + threads, "es.offspring=16", "iaf.environments=4", "iaf.steps=30", "enu.memory=8",
                "enu.outputs=4", "es.sigma=0.05", "es.strategy=" + strategy));
    }

    @ParameterizedTest
    @MethodSource("names")
    void threadCountsAndStopResumeEndInTheSameBits(String name) throws IOException {
        TrainingRun.Result straight = TrainingRun.start(config(name, 1), tmp.resolve("straight"), List.of(),
                () -> false);
        assertTrue(straight.completed());
        RunDirectoryReliabilityTest.AtomicStop stop = new RunDirectoryReliabilityTest.AtomicStop(3);
        Path stopped = tmp.resolve("stopped");
        TrainingRun.Result first = TrainingRun.start(config(name, 2), stopped, List.of(stop), stop);
        assertFalse(first.completed());
        assertEquals(3, first.state().generation());
        Checkpoint.Content ckpt = Checkpoint.read(stopped.resolve(RunDirectory.CHECKPOINT));
        assertEquals(name, ckpt.strategy());
        TrainingRun.Result resumed = TrainingRun.resume(stopped, null, 3, List.of(), () -> false);
        assertTrue(resumed.completed());
        EsState a = straight.state();
        EsState b = resumed.state();
        assertEquals(6, b.generation());
        assertArrayEquals(a.theta(), b.theta(), 0f, name + ": centre");
        assertEquals(a.buffers().length, b.buffers().length);
        for (int i = 0; i < a.buffers().length; i++) {
            assertArrayEquals(a.buffer(i), b.buffer(i), 0f, name + ": state vector " + i);
        }
        assertEquals(a.bestFitness(), b.bestFitness(), 0.0);
    }
}
