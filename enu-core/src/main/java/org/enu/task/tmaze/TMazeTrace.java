package org.enu.task.tmaze;

import java.util.ArrayList;
import java.util.List;
import org.enu.network.EnuNetwork;
import org.enu.network.Wiring;
import org.enu.task.EpisodeTrace;

/** The step-by-step trace of one T-maze episode ({@code enu trace}, {@code enu plot}). */
final class TMazeTrace {
    private static final List<String> MAZE_COLUMNS = List.of("step", "action_index", "row", "col", "heading", "energy",
            "alive", "reward", "foods", "poisons", "swaps", "sensor_wall", "sensor_green", "sensor_red");

    private final int stepsPerAction;
    private final int channels;
    private final int inputNeurons;
    private final int enuNeurons;
    private final int synapses;

    private TMazeTrace(TMazeTask task) {
        Wiring wiring = task.wiring();
        this.stepsPerAction = task.config().maze().stepsPerAction();
        this.channels = task.channels();
        this.inputNeurons = wiring.inputNeurons();
        this.enuNeurons = wiring.enuNeurons();
        this.synapses = wiring.synapses();
    }

    /** One environment's episode, one row per network step: the maze, then every channel of every unit. */
    static EpisodeTrace of(TMazeTask task, float[] params, long envKey) {
        TMazeTrace shape = new TMazeTrace(task);
        EpisodeTrace trace = new EpisodeTrace(shape.columns());
        // a one-environment batch, so the trace replays exactly that environment
        TMazeEpisodes ep = task.newEpisodes(1);
        List<double[]> pending = new ArrayList<>();
        ep.play(params, new long[] {envKey}, new TMazeEpisodes.Observer() {
            @Override
            public void afterStep(int step, EnuNetwork net, TMaze[] mazes) {
                pending.add(shape.row(step, net, mazes[0]));
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

    /** The maze's columns, each input neuron's outputs, each synapse's and ENU neuron's inputs and outputs, the action. */
    private List<String> columns() {
        int c = channels;
        List<String> cols = new ArrayList<>(MAZE_COLUMNS);
        for (int i = 0; i < inputNeurons; i++) {
            channels(cols, "in" + i + "_out", c);
        }
        for (int s = 0; s < synapses; s++) {
            channels(cols, "syn" + s + "_in", 2 * c);
            channels(cols, "syn" + s + "_out", c);
        }
        for (int j = 0; j < enuNeurons; j++) {
            channels(cols, "n" + (inputNeurons + j) + "_in", c);
            channels(cols, "n" + (inputNeurons + j) + "_out", c);
        }
        cols.add("action");
        return cols;
    }

    private static void channels(List<String> cols, String prefix, int n) {
        for (int k = 0; k < n; k++) {
            cols.add(prefix + k);
        }
    }

    /** The row of one network step, its action (the last column) still -1. */
    private double[] row(int step, EnuNetwork net, TMaze z) {
        int c = channels;
        double[] row = new double[MAZE_COLUMNS.size() + inputNeurons * c + synapses * 3 * c + enuNeurons * 2 * c + 1];
        int i = maze(row, step, z);
        for (int n = 0; n < inputNeurons; n++) {
            for (int k = 0; k < c; k++) {
                row[i++] = net.output(0, n, k);
            }
        }
        for (int s = 0; s < synapses; s++) {
            for (int k = 0; k < 2 * c; k++) {
                row[i++] = net.synapseInput(0, s, k);
            }
            for (int k = 0; k < c; k++) {
                row[i++] = net.synapseOutput(0, s, k);
            }
        }
        for (int j = 0; j < enuNeurons; j++) {
            for (int k = 0; k < c; k++) {
                row[i++] = net.neuronInput(0, j, k);
            }
            for (int k = 0; k < c; k++) {
                row[i++] = net.output(0, inputNeurons + j, k);
            }
        }
        row[i] = -1; // filled in when the action is known
        return row;
    }

    /** Writes the maze's columns; returns the next column. */
    private int maze(double[] row, int step, TMaze z) {
        int i = 0;
        row[i++] = step;
        int action = step / stepsPerAction;
        row[i++] = action;
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
        return i;
    }
}
