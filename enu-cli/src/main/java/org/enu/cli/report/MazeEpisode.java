package org.enu.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.network.EnuNetwork;
import org.enu.task.tmaze.MazeConfig;
import org.enu.task.tmaze.TMaze;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.task.tmaze.TMazeEpisodes;
import org.enu.task.tmaze.TMazeTask;

/**
 * One T-maze episode recorded for the report: the maze after every action (agent, heading, where
 * the food and the poison are, what was eaten), and per network step the signals the network
 * sees and makes, named in words: the sensor neurons (wall, green, red, after the maze's sensor
 * shuffle), the reward neuron's two channels, and the output neurons by the action each picks.
 */
final class MazeEpisode {
    /** The maze after an action (action -1: the start), what the action did and the counts so far. */
    record Frame(int action, int row, int col, int heading, boolean alive, double energy, int[] green, int[] red,
                 String chosen, double reward, int ateRow, int ateCol, int foods, int poisons, int swaps,
                 String sensed) {
    }

    final String[] map = new String[TMaze.SIZE];
    final boolean direct;
    final boolean poisonIsGreen;
    final int stepsPerAction;
    final List<Frame> frames = new ArrayList<>();
    /** Signals per network step by label, in display order. */
    final Map<String, double[]> signals = new LinkedHashMap<>();
    final List<String> sensorLabels = new ArrayList<>();
    final List<String> rewardLabels = List.of("reward + (reward neuron, channel 1)", "reward − (reward neuron, channel 2)");
    final List<String> outputLabels = new ArrayList<>();
    final List<Integer> meals = new ArrayList<>();
    final List<Integer> poisons = new ArrayList<>();
    final List<Integer> swaps = new ArrayList<>();

    private MazeEpisode(TMaze start, MazeConfig cfg) {
        direct = start.direct();
        poisonIsGreen = start.poisonIsGreen();
        stepsPerAction = cfg.stepsPerAction();
        for (int r = 0; r < TMaze.SIZE; r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < TMaze.SIZE; c++) {
                char ch = start.cell(r, c);
                sb.append(ch == '#' ? '#' : '.');
            }
            map[r] = sb.toString();
        }
    }

    static String[] actionNames(boolean direct) {
        return direct ? new String[] {"right", "up", "down", "none"} : new String[] {"forward", "left", "right", "none"};
    }

    static MazeEpisode record(TMazeTask task, float[] params, long envKey) {
        TMaze start = task.newMaze(envKey);
        MazeConfig cfg = start.config();
        MazeEpisode ep = new MazeEpisode(start, cfg);
        TMazeTask.Mapping mapping = task.mapping(envKey);
        String[] names = actionNames(ep.direct);
        String[] sensorNames = {"wall", "green", "red"};
        int steps = cfg.episodeSteps();
        int[] sensorNeuron = mapping.sensorNeuron();
        int firstOut = totalNeurons(task, params, envKey) - TMazeConfig.OUTPUT_NEURONS;
        List<String> all = ep.labelSignals(sensorNames, mapping, names, firstOut, steps);
        ep.frames.add(ep.frame(-1, start, "", 0, -1, -1));
        task.newEpisodes(1).play(params, new long[] {envKey}, new TMazeEpisodes.Observer() {
            @Override
            public void afterStep(int step, EnuNetwork net, TMaze[] mazes) {
                if (step >= steps || mazes[0].frozen()) {
                    return; // after its final death the network is no longer stepped
                }
                int i = 0;
                for (int s = 0; s < TMaze.SENSORS; s++) {
                    ep.signals.get(all.get(i++))[step] = net.output(0, sensorNeuron[s], 0);
                }
                ep.signals.get(all.get(i++))[step] = net.output(0, TMazeConfig.REWARD_NEURON, 1);
                ep.signals.get(all.get(i++))[step] = net.output(0, TMazeConfig.REWARD_NEURON, 2);
                for (int o = 0; o < TMazeConfig.OUTPUT_NEURONS; o++) {
                    ep.signals.get(all.get(i++))[step] = net.output(0, firstOut + o, 0);
                }
            }

            @Override
            public void afterAction(int index, int[] chosen, TMaze[] mazes) {
                TMaze z = mazes[0];
                Frame before = ep.frames.get(ep.frames.size() - 1);
                int ateRow = -1;
                int ateCol = -1;
                if (z.score().foods() > before.foods() || z.score().poisons() > before.poisons()) {
                    // the agent was put back at the start: the item it ate is where the food (poison) stood
                    boolean food = z.score().foods() > before.foods();
                    boolean greenEaten = food != ep.poisonIsGreen;
                    int[] at = greenEaten ? before.green() : before.red();
                    ateRow = at[0];
                    ateCol = at[1];
                    (food ? ep.meals : ep.poisons).add(index);
                }
                if (z.score().swaps() > before.swaps()) {
                    ep.swaps.add(index);
                }
                StringBuilder sensed = new StringBuilder();
                for (int s = 0; s < TMaze.SENSORS; s++) {
                    if (z.sensor(s)) {
                        sensed.append(sensed.length() == 0 ? "" : ", ").append(sensorNames[s]);
                    }
                }
                ep.frames.add(ep.frame(index, z, names[chosen[0]], z.lastReward(), ateRow, ateCol, sensed.toString()));
            }
        });
        return ep;
    }

    /**
     * Names the signals the episode records (sensors with their input neurons, the reward
     * channels, outputs with their actions and neurons), each an empty trace of {@code steps};
     * returns them in recording order.
     */
    private List<String> labelSignals(String[] sensorNames, TMazeTask.Mapping mapping, String[] names, int firstOut,
                                      int steps) {
        for (int s = 0; s < TMaze.SENSORS; s++) {
            sensorLabels.add("sensor " + sensorNames[s] + " (input neuron " + mapping.sensorNeuron()[s] + ")");
        }
        for (int o = 0; o < TMazeConfig.OUTPUT_NEURONS; o++) {
            outputLabels.add("output \"" + names[mapping.actionOf()[o]] + "\" (neuron " + (firstOut + o) + ")");
        }
        List<String> all = new ArrayList<>(sensorLabels);
        all.addAll(rewardLabels);
        all.addAll(outputLabels);
        for (String l : all) {
            double[] v = new double[steps];
            java.util.Arrays.fill(v, Double.NaN);
            signals.put(l, v);
        }
        return all;
    }

    /** The network's neurons (inputs, hidden, outputs), as its trace names them ({@code n<k>_out0}). */
    private static int totalNeurons(TMazeTask task, float[] params, long envKey) {
        int total = 0;
        for (String c : new org.enu.task.tmaze.TMazeReport(task).trace(params, envKey).columns()) {
            if (c.matches("(in|n)\\d+_out0")) {
                total = Math.max(total, Integer.parseInt(c.substring(c.startsWith("in") ? 2 : 1, c.indexOf('_'))) + 1);
            }
        }
        return total;
    }

    private Frame frame(int action, TMaze z, String chosen, double reward, int ateRow, int ateCol) {
        return frame(action, z, chosen, reward, ateRow, ateCol, "");
    }

    private Frame frame(int action, TMaze z, String chosen, double reward, int ateRow, int ateCol, String sensed) {
        int[] green = null;
        int[] red = null;
        for (int r = 0; r < TMaze.SIZE; r++) {
            for (int c = 0; c < TMaze.SIZE; c++) {
                char ch = z.cell(r, c);
                if (ch == 'G') {
                    green = new int[] {r, c};
                } else if (ch == 'R') {
                    red = new int[] {r, c};
                }
            }
        }
        return new Frame(action, z.row(), z.col(), z.heading(), z.alive(), z.energy(), green, red, chosen, reward,
                ateRow, ateCol, z.score().foods(), z.score().poisons(), z.score().swaps(), sensed);
    }

    int firstPoison() {
        return poisons.isEmpty() ? -1 : poisons.get(0);
    }

    /** What happened in a frame, in words ("ate the food (+1)", "swap: food and poison change arms"). */
    String event(Frame f) {
        StringBuilder sb = new StringBuilder();
        if (f.ateRow() >= 0) {
            sb.append(f.reward() > 0 ? "ate the food (+1)" : "ate the poison (−1)");
        }
        if (swaps.contains(f.action())) {
            sb.append(sb.length() == 0 ? "" : "; ").append("food and poison swap arms");
        }
        if (!f.alive()) {
            sb.append(sb.length() == 0 ? "" : "; ").append("out of energy");
        }
        return sb.toString();
    }

    /** The data the page's animation plays. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("map", map);
        m.put("layout", direct ? "direct" : "turn");
        m.put("poison", poisonIsGreen ? "green" : "red");
        m.put("stepsPerAction", stepsPerAction);
        m.put("firstPoison", firstPoison());
        m.put("meals", meals);
        m.put("poisons", poisons);
        m.put("swaps", swaps);
        List<Map<String, Object>> fs = new ArrayList<>();
        for (Frame f : frames) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("action", f.action());
            o.put("row", f.row());
            o.put("col", f.col());
            o.put("heading", f.heading());
            o.put("alive", f.alive());
            o.put("energy", Math.round(f.energy() * 100) / 100.0);
            o.put("green", f.green());
            o.put("red", f.red());
            o.put("chosen", f.chosen());
            o.put("reward", f.reward());
            o.put("ate", f.ateRow() < 0 ? null : new int[] {f.ateRow(), f.ateCol()});
            o.put("foods", f.foods());
            o.put("poisons", f.poisons());
            o.put("swaps", f.swaps());
            o.put("sensed", f.sensed());
            o.put("event", event(f));
            fs.add(o);
        }
        m.put("frames", fs);
        return m;
    }
}
