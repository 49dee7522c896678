package org.enu.task.tmaze;

import java.util.ArrayList;
import java.util.List;
import org.enu.network.EnuNetwork;
import org.enu.network.Wiring;
import org.enu.task.EpisodeTrace;

/** The step-by-step trace of one T-maze episode ({@code enu trace}, {@code enu plot}). */
final class TMazeTrace {
    private TMazeTrace() {
    }

    /** One environment's episode, one row per network step: the maze, then every channel of every unit. */
    static EpisodeTrace of(TMazeTask task, float[] params, long envKey) {
        Wiring wiring = task.wiring();
        int stepsPerAction = task.config().maze().stepsPerAction();
        int C = task.channels();
        int NI = wiring.inputNeurons();
        int NE = wiring.enuNeurons();
        int S = wiring.synapses();
        List<String> cols = new ArrayList<>(List.of("step", "action_index", "row", "col", "heading", "energy",
                "alive", "reward", "foods", "poisons", "swaps", "sensor_wall", "sensor_green", "sensor_red"));
        for (int i = 0; i < NI; i++) {
            for (int c = 0; c < C; c++) {
                cols.add("in" + i + "_out" + c);
            }
        }
        for (int s = 0; s < S; s++) {
            for (int k = 0; k < 2 * C; k++) {
                cols.add("syn" + s + "_in" + k);
            }
            for (int c = 0; c < C; c++) {
                cols.add("syn" + s + "_out" + c);
            }
        }
        for (int j = 0; j < NE; j++) {
            for (int k = 0; k < C; k++) {
                cols.add("n" + (NI + j) + "_in" + k);
            }
            for (int c = 0; c < C; c++) {
                cols.add("n" + (NI + j) + "_out" + c);
            }
        }
        cols.add("action");
        EpisodeTrace trace = new EpisodeTrace(cols);
        // a one-environment batch, so the trace replays exactly that environment
        TMazeEpisodes ep = task.newEpisodes(1);
        List<double[]> pending = new ArrayList<>();
        ep.play(params, new long[] {envKey}, new TMazeEpisodes.Observer() {
            @Override
            public void afterStep(int step, EnuNetwork net, TMaze[] mazes) {
                TMaze z = mazes[0];
                double[] row = new double[cols.size()];
                int i = 0;
                row[i++] = step;
                row[i++] = step / stepsPerAction;
                row[i++] = z.row();
                row[i++] = z.col();
                row[i++] = z.heading();
                row[i++] = z.energy();
                row[i++] = z.alive() ? 1 : 0;
                row[i++] = z.lastReward();
                row[i++] = z.score().foods();
                row[i++] = z.score().poisons();
                row[i++] = z.score().swaps();
                for (int s = 0; s < TMaze.SENSORS; s++) {
                    row[i++] = z.sensor(s) ? 1 : 0;
                }
                for (int n = 0; n < NI; n++) {
                    for (int c = 0; c < C; c++) {
                        row[i++] = net.output(0, n, c);
                    }
                }
                for (int s = 0; s < S; s++) {
                    for (int k = 0; k < 2 * C; k++) {
                        row[i++] = net.synapseInput(0, s, k);
                    }
                    for (int c = 0; c < C; c++) {
                        row[i++] = net.synapseOutput(0, s, c);
                    }
                }
                for (int j = 0; j < NE; j++) {
                    for (int k = 0; k < C; k++) {
                        row[i++] = net.neuronInput(0, j, k);
                    }
                    for (int c = 0; c < C; c++) {
                        row[i++] = net.output(0, NI + j, c);
                    }
                }
                row[i] = -1; // filled in when the action is known
                pending.add(row);
            }

            @Override
            public void afterAction(int index, int[] chosen, TMaze[] mazes) {
                for (double[] row : pending) {
                    row[row.length - 1] = chosen[0];
                    trace.add(row);
                }
                pending.clear();
            }
        });
        return trace;
    }
}
