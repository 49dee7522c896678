package org.enu.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.enu.run.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu resume DIR}: continue a run from its latest checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from its checkpoint; ends bit-identical to a run that never stopped.")
final class ResumeCommand extends RunDirCommand {
    @Option(names = "--generations", paramLabel = "N", description = "new total generation budget")
    Integer generations;

    @CommandLine.Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        run.execute(spec, run.provider(), "resume " + dir.getFileName(), dir, (listeners, stop, evaluators) ->
                TrainingRun.resume(dir, generations, run.threads, listeners, stop, evaluators));
        return 0;
    }
}
