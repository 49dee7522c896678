package org.enu.task.tmaze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.enu.cell.EnuSpec;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.task.EpisodeTrace;
import org.enu.task.TaskDefaults;
import org.enu.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;

class TMazeTaskTest {

    static TMazeTask task(boolean shuffle, float noise) {
        TMazeConfig cfg = TaskDefaults.tmaze("environments", 2, "shuffle_sensors", shuffle ? "all" : "none", "shuffle_actions", shuffle, "balanced", false, "output_noise_key", "environment");
        return new TMazeTask(cfg, new EnuSpec(1, 4, 4, true, 3f, 1f, 3f, false, noise));
    }

    @Test
    void mappingsArePermutationsThatVaryByEnvironment() {
        TMazeTask t = task(true, 0f);
        Set<String> sensorPerms = new HashSet<>();
        Set<String> actionPerms = new HashSet<>();
        for (long k : EnvironmentKeys.heldOut(4, 100)) {
            TMazeTask.Mapping m = t.mapping(k);
            int[] s = m.sensorNeuron().clone();
            Arrays.sort(s);
            assertArrayEquals(new int[] {0, 1, 2}, s);
            int[] a = m.actionOf().clone();
            Arrays.sort(a);
            assertArrayEquals(new int[] {TMaze.FORWARD, TMaze.LEFT, TMaze.RIGHT}, a);
            sensorPerms.add(Arrays.toString(m.sensorNeuron()));
            actionPerms.add(Arrays.toString(m.actionOf()));
            assertArrayEquals(m.sensorNeuron(), t.mapping(k).sensorNeuron(), "same key, same mapping");
        }
        assertEquals(6, sensorPerms.size(), "all 3! sensor orders occur");
        assertEquals(6, actionPerms.size(), "all 3! action orders occur");
        TMazeTask.Mapping fixed = task(false, 0f).mapping(123);
        assertArrayEquals(new int[] {0, 1, 2}, fixed.sensorNeuron());
        assertArrayEquals(new int[] {TMaze.FORWARD, TMaze.LEFT, TMaze.RIGHT}, fixed.actionOf());
    }

    /** Only the output bias of channel 0 is set: every output neuron is 1 on channel 0, so ties pick output 0. */
    private static float[] constantOutputGenome(TMazeTask t) {
        float[] p = new float[t.layout().parameterCount()];
        var neuron = t.layout().part("neuron");
        EnuSpec s = neuron.spec();
        p[neuron.offset() + s.offsetO() + s.outputGateInputs() - 1] = 5f; // W_o row 0, bias column
        return p;
    }

    @Test
    void theFirstOutputNeuronsActionIsPlayedOnTheMaze() {
        TMazeTask t = task(true, 0f);
        float[] p = constantOutputGenome(t);
        for (long k : EnvironmentKeys.heldOut(9, 6)) {
            int action = t.mapping(k).actionOf()[0];
            TMaze byNetwork = t.newEpisodes(1).play(p, new long[] {k}, null)[0];
            TMaze direct = t.newMaze(k);
            while (!direct.done()) {
                direct.act(action);
            }
            assertEquals(direct.row(), byNetwork.row());
            assertEquals(direct.col(), byNetwork.col());
            assertEquals(direct.heading(), byNetwork.heading());
            assertEquals(direct.fitness(), byNetwork.fitness(), 0.0);
        }
    }

    @Test
    void skippingDeadAgentsChangesNoNumber() {
        RunConfig cfg = RunConfig.resolve("tmaze", "original", null, List.of("enu.memory=8", "enu.outputs=4",
                "tmaze.environments=6", "tmaze.episode_steps=120", "tmaze.energy_max=6"));
        TMazeTask t = TaskRegistry.TMAZE.create(cfg.settings(), cfg.cell());
        long[] keys = EnvironmentKeys.training(3, 7, 6);
        for (int seed = 0; seed < 4; seed++) {
            float[] theta = t.layout().initialParameters(seed);
            for (int i = 0; i < theta.length; i++) {
                theta[i] *= 1 + 0.5f * (float) Math.sin(i + seed);
            }
            TMazeEpisodes skip = t.newEpisodes(6);
            TMazeEpisodes all = t.newEpisodes(6);
            all.skipDead = false;
            TMaze[] a = skip.play(theta, keys, null);
            TMaze[] b = all.play(theta, keys, null);
            int died = 0;
            for (int e = 0; e < 6; e++) {
                assertEquals(b[e].fitness(), a[e].fitness(), 0.0, "seed " + seed + " env " + e);
                assertEquals(b[e].score().foods(), a[e].score().foods());
                assertEquals(b[e].score().stepsAlive(), a[e].score().stepsAlive());
                died += a[e].alive() ? 0 : 1;
            }
            assertTrue(died > 0, "some agents die, so skipping is exercised");
        }
    }

    @Test
    void silentOutputsMeanNoAction() {
        TMazeTask t = task(true, 0f);
        float[] zero = new float[t.layout().parameterCount()];
        TMaze z = t.newEpisodes(1).play(zero, new long[] {5}, null)[0];
        assertEquals(TMaze.START_ROW, z.row());
        assertEquals(TMaze.START_COL, z.col());
        assertEquals(TMaze.NORTH, z.heading());
    }

    @Test
    void sensorsAndRewardReachTheirInputNeurons() {
        TMazeTask t = task(true, 0.01f);
        float[] theta = t.layout().initialParameters(3);
        for (long k : EnvironmentKeys.heldOut(2, 3)) {
            TMazeTask.Mapping m = t.mapping(k);
            EpisodeTrace tr = new TMazeReport(t).trace(theta, k);
            assertEquals(400, tr.rows().size());
            String[] sensor = {"sensor_wall", "sensor_green", "sensor_red"};
            for (int s = 0; s < 3; s++) {
                double[] want = tr.column(sensor[s]);
                double[] alive = tr.column("alive");
                double[] got = tr.column("in" + m.sensorNeuron()[s] + "_out0");
                for (int i = 0; i < want.length; i++) {
                    // inputs are set from the maze before the period; the trace row shows the maze after the step
                    if (i % 4 == 0 && alive[i] > 0) {
                        assertEquals(want[i], got[i], 0.0, "step " + i + " sensor " + sensor[s]);
                    }
                }
            }
            double[] r1 = tr.column("in3_out1");
            double[] r2 = tr.column("in3_out2");
            for (int i = 0; i < r1.length; i++) {
                assertTrue(r1[i] == 0 || r2[i] == 0, "positive and negative reward never together");
            }
        }
    }

    @Test
    void fitnessIsAPureFunctionOfGenomeAndKeys() {
        RunConfig cfg = RunConfig.resolve("tmaze", "quick", null, List.of("enu.memory=4", "enu.outputs=4",
                "tmaze.environments=3", "tmaze.episode_steps=40"));
        TMazeTask t = TaskRegistry.TMAZE.create(cfg.settings(), cfg.cell());
        float[] theta = t.layout().initialParameters(1);
        long[] keys = EnvironmentKeys.training(1, 0, 3);
        double a = t.newRollout().fitness(theta, keys);
        double b = t.newRollout().fitness(theta, keys);
        assertEquals(a, b, 0.0);
        long[] other = EnvironmentKeys.training(1, 1, 3);
        var r = t.newRollout();
        r.fitness(theta, other);
        assertEquals(a, r.fitness(theta, keys), 0.0, "a reused rollout forgets the previous batch");
        assertNotEquals(0.0, a);
    }
}
