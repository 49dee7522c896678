package org.enu.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.io.AtomicFiles;
import org.enu.io.FileWriteException;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu trace DIR --csv FILE}: one held-out episode, step by step. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Write one held-out environment's episode as CSV: every input and output channel of every unit per step.")
final class TraceCommand extends RunDirCommand {
    @CommandLine.Mixin
    HeldOutEpisode episode;


    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "output CSV file")
    Path csv;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(csv)) {
            throw new ConfigException("--csv: " + csv + " is a directory");
        }
        if (Files.exists(csv) && !force) {
            throw new ConfigException("--csv: " + csv + " exists (pass --force to overwrite)");
        }
        long key = episode.key();
        SavedRun run = SavedRun.open(dir);
        Genome genome = run.genome();
        EpisodeTrace trace = run.config().newReport().trace(genome.parameters(), key);
        StringWriter text = new StringWriter();
        trace.writeCsv(text);
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new FileWriteException(parent, AtomicFiles.reason(e));
            }
        }
        AtomicFiles.writeString(csv, text.toString());
        spec.commandLine().getOut().printf("wrote %d steps x %d columns to %s%n", trace.rows().size(),
                trace.columns().size(), csv);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
