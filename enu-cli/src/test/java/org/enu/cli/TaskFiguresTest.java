package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.enu.config.RunConfig;
import org.enu.task.EpisodeTrace;
import org.junit.jupiter.api.Test;

/** The episode plot's panels, chosen by task name. */
class TaskFiguresTest {
    private static EpisodeTrace trace(String task, String... sets) {
        RunConfig cfg = RunConfig.resolve(task, "quick", null, List.of(sets));
        return cfg.newReport().trace(cfg.newTask().initialParameters(1), 7);
    }

    @Test
    void theTMazePanelsAreTheOutputNeuronsActionSensorsRewardsCountsAndEnergy() {
        // 4 input neurons, 3 hidden, 3 output neurons: the outputs are neurons 7, 8 and 9
        EpisodeTrace t = trace("tmaze", "tmaze.episode_steps=40");
        assertEquals(List.of(List.of("n7_out0", "n8_out0", "n9_out0"), List.of("action"),
                List.of("in0_out0", "in1_out0", "in2_out0"), List.of("in3_out1", "in3_out2"),
                List.of("foods", "poisons", "swaps"), List.of("energy")), TaskFigures.of("tmaze").panels(t));
        EpisodeTrace bigger = trace("tmaze", "tmaze.episode_steps=40", "tmaze.hidden_neurons=5");
        assertEquals(List.of("n9_out0", "n10_out0", "n11_out0"), TaskFigures.of("tmaze").panels(bigger).get(0));
    }

    @Test
    void aTaskWithoutItsOwnFiguresShowsItsFirstThreeColumns() {
        EpisodeTrace t = trace("iaf");
        assertEquals(List.of(List.of("input"), List.of("target_membrane"), List.of("target_potential")),
                TaskFigures.of("unknown").panels(t));
        assertEquals(List.of(List.of("input"), List.of("target_membrane"), List.of("target_spike", "out0")),
                TaskFigures.of("iaf").panels(t));
    }

    /** A run trained with teacher forcing is drawn as it plays free, as enu eval judges it. */
    @Test
    void iafFiguresOfATeacherForcedRunPlayFree() throws Exception {
        java.util.Map<java.nio.file.Path, byte[]> forced = new java.util.HashMap<>();
        java.util.Map<java.nio.file.Path, byte[]> free = new java.util.HashMap<>();
        for (String tf : new String[] {"1.0", "0.0"}) {
            // the committed IAF genome (memory 8, 4 outputs): forcing changes its dynamics
            RunConfig cfg = RunConfig.resolve("iaf", "quick", null,
                    List.of("enu.memory=8", "enu.outputs=4", "iaf.teacher_forcing=" + tf));
            org.enu.io.Genome g = org.enu.io.Genome.read(java.nio.file.Path.of("..", "results", "iaf", "genome.json"));
            HeldOutEpisode ep = new HeldOutEpisode();
            ep.seed = 1000003L;
            TaskFigures.of("iaf").draw(cfg, g, ep, java.nio.file.Path.of("p"), tf.equals("1.0") ? forced : free);
        }
        assertEquals(free.keySet(), forced.keySet());
        for (java.nio.file.Path k : free.keySet()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(free.get(k), forced.get(k), k.toString());
        }
    }
}
