package org.enu.cli;

import java.util.Locale;
import java.util.function.Consumer;
import org.enu.network.EnuNetwork;
import org.enu.task.tmaze.MazeConfig;
import org.enu.task.tmaze.MazeText;
import org.enu.task.tmaze.TMaze;
import org.enu.task.tmaze.TMazeEpisodes;
import org.enu.task.tmaze.TMazeTask;

/** The text frames of {@code enu replay}: one T-maze episode, action by action. */
final class TMazeReplay {
    private TMazeReplay() {
    }

    /**
     * Plays one environment and hands a text frame per action to {@code frames}: the maze with the
     * agent and its heading, the sensor and reward inputs, the chosen action, energy and score.
     */
    static void play(TMazeTask task, float[] params, long envKey, Consumer<String> frames) {
        TMazeEpisodes ep = task.newEpisodes(1);
        TMazeTask.Mapping map = task.mapping(envKey);
        MazeConfig maze = task.newMaze(envKey).config();
        int actions = maze.actions();
        String[] names = maze.direct() ? new String[] {"right", "up", "down", "none"}
                : new String[] {"forward", "left", "right", "none"};
        String[] sensorNames = {"wall", "green", "red"};
        ep.play(params, new long[] {envKey}, new TMazeEpisodes.Observer() {
            private double prevReward;
            private boolean[] prevSensors = new boolean[TMaze.SENSORS];
            private boolean started;

            @Override
            public void afterStep(int step, EnuNetwork net, TMaze[] mazes) {
                if (step % maze.stepsPerAction() == 0) {
                    TMaze z = mazes[0];
                    prevReward = z.lastReward();
                    for (int s = 0; s < TMaze.SENSORS; s++) {
                        prevSensors[s] = z.sensor(s);
                    }
                    started = true;
                }
            }

            @Override
            public void afterAction(int index, int[] chosen, TMaze[] mazes) {
                TMaze z = mazes[0];
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "action %d/%d  steps %d-%d%n", index + 1, actions,
                        index * maze.stepsPerAction(), (index + 1) * maze.stepsPerAction() - 1));
                sb.append(MazeText.render(z));
                StringBuilder seen = new StringBuilder();
                for (int s = 0; s < TMaze.SENSORS; s++) {
                    if (started && prevSensors[s]) {
                        seen.append(sensorNames[s]).append(" (input neuron ").append(map.sensorNeuron()[s]).append(") ");
                    }
                }
                sb.append(String.format(Locale.ROOT,
                        "saw: %s  reward in: %+.0f  chose: %s  -> reward %+.0f%n",
                        seen.length() == 0 ? "nothing " : seen.toString(), prevReward, names[chosen[0]], z.lastReward()));
                sb.append(String.format(Locale.ROOT,
                        "energy %.2f  alive %s  food %d  poison %d  fitness %.4f  (poison is %s)%n",
                        z.energy(), z.alive(), z.score().foods(), z.score().poisons(), z.fitness(), z.poisonIsGreen() ? "green" : "red"));
                frames.accept(sb.toString());
            }
        });
    }
}
