package org.enu.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/** A command on a run directory (eval, sizes, trace, plot, replay, resume): its DIR argument and the command line it runs in. */
abstract class RunDirCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "run directory")
    Path dir;
}
