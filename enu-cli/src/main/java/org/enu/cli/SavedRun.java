package org.enu.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.enu.config.RunConfig;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;

/**
 * A run directory that a command reads (eval, plot, trace, replay): its configuration, read and
 * checked on opening, and its latest genome when asked for.
 */
record SavedRun(RunDirectory dir, RunConfig config) {
    static SavedRun open(Path dir) throws IOException {
        RunDirectory rd = new RunDirectory(dir).requireExisting();
        return new SavedRun(rd, rd.config());
    }

    /** The latest genome: genome.json, or the checkpoint's centre when that is newer. */
    Genome genome() throws IOException {
        return dir.latestGenome();
    }
}
