package org.enu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.io.Genome;
import org.enu.config.RunConfig;
import org.enu.tasks.TaskRegistry;
import org.enu.task.tmaze.TMazeTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu replay DIR}: play one held-out T-maze episode in the terminal, action by action. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Play one held-out T-maze episode of the run's genome in the terminal: the maze, the agent and "
                + "its heading, sensor and reward inputs, the chosen action, energy and score.")
final class ReplayCommand extends RunDirCommand {
    @CommandLine.Mixin
    HeldOutEpisode episode;


    @Option(names = "--delay", paramLabel = "MS", defaultValue = "0",
            description = "pause between actions in milliseconds, redrawing in place on a terminal (default ${DEFAULT-VALUE}: print all frames)")
    int delay;

    @Override
    public Integer call() throws Exception {
        if (delay < 0) {
            throw new ConfigException("--delay: must be >= 0, got " + delay);
        }
        SavedRun run = SavedRun.open(dir);
        RunConfig cfg = run.config();
        if (!cfg.task().equals(TaskRegistry.TMAZE.name())) {
            throw new ConfigException("replay: only tmaze runs can be replayed; " + dir + " is a " + cfg.task() + " run");
        }
        TMazeTask maze = TaskRegistry.TMAZE.create(cfg.settings(), cfg.cell());
        Genome genome = run.genome();
        PrintWriter out = spec.commandLine().getOut();
        boolean redraw = delay > 0 && Terminal.interactive();
        out.printf("T-maze replay: %s, generation %d, held-out environment %d (seed %d)%n", dir, genome.generation(),
                episode.env, episode.seed);
        TMazeReplay.play(maze, genome.parameters(), episode.key(), frame -> {
            if (redraw) {
                out.print("\033[H\033[2J");
            }
            out.println(frame);
            out.flush();
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        out.flush();
        return 0;
    }
}
