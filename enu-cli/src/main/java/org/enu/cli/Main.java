package org.enu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.enu.config.ConfigException;
import org.enu.io.CorruptFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code enu} command. */
@Command(name = "enu", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Evolvable Neural Units evolved with Evolution Strategies.",
        subcommands = {TrainCommand.class, ResumeCommand.class, EvalCommand.class, TraceCommand.class,
                PlotCommand.class, ConfigCommand.class, BenchCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of bad input: options, configuration, run files. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code of a failure that is not the user's input. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (train, resume, eval, trace, plot, config)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable e = ex;
            if (e instanceof UncheckedIOException u) {
                e = u.getCause();
            }
            if (e instanceof ConfigException || e instanceof CorruptFileException
                    || e instanceof CommandLine.ParameterException) {
                err.println("enu: error: " + e.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (e instanceof IOException) {
                err.println("enu: error: " + e);
                err.flush();
                return EXIT_FAILURE;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            err.println("enu: error: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        return cl.execute(args);
    }

    /** Prints the version, JVM and kernel. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"enu " + org.enu.io.Provenance.version(),
                    "JVM " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                    "kernel " + org.enu.cell.EnuKernel.variant()};
        }
    }
}
