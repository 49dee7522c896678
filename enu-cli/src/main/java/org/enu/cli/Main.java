package org.enu.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.enu.config.ConfigException;
import org.enu.io.AtomicFiles;
import org.enu.io.CorruptFileException;
import org.enu.io.FileWriteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code enu} command. */
@Command(name = "enu", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Evolvable Neural Units evolved with Evolution Strategies.",
        subcommands = {TrainCommand.class, ResumeCommand.class, EvalCommand.class, TraceCommand.class,
                PlotCommand.class, ConfigCommand.class, BenchCommand.class, ReplayCommand.class, ResultsCommand.class,
                SizesCommand.class, org.enu.cli.report.ReportCommand.class,
                CommandLine.HelpCommand.class})
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
        // the platform charset, as System.out and System.err use it
        Charset cs = Charset.defaultCharset();
        int code = run(args, new PrintWriter(new OutputStreamWriter(System.out, cs), true),
                new PrintWriter(new OutputStreamWriter(System.err, cs), true));
        awaitStderrFilter();
        System.exit(code);
    }

    /**
     * The launcher passes stderr through a filter process (it drops the JVM's incubator warning):
     * close stderr and wait until the filter has written everything, so that the command's last
     * lines are out when the launcher returns.
     */
    private static void awaitStderrFilter() {
        String pid = System.getProperty("enu.stderr.filter", "");
        if (!pid.matches("[0-9]+")) {
            return;
        }
        System.out.flush();
        System.err.flush();
        System.err.close();
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> {
            try {
                h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // the filter is gone or slow: exit anyway
            }
        });
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.registerConverter(Path.class, Main::path);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failure f = describe(ex);
            err.println("enu: error: " + oneLine(f.message()));
            if (f.code() == EXIT_FAILURE && System.getenv("ENU_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return f.code();
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            err.println("enu: error: " + oneLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        try {
            // the tasks on the class path, plugins included: a broken one is bad input, named on one line
            org.enu.tasks.TaskRegistry.names();
        } catch (ConfigException e) {
            err.println("enu: error: " + oneLine(e.getMessage()));
            err.flush();
            return EXIT_BAD_INPUT;
        }
        try {
            org.enu.cell.EnuKernel.variant(); // checks -Denu.kernel before any command writes a file
            return cl.execute(args);
        } catch (Error e) { // picocli hands on Errors (out of memory, stack overflow) as they are
            Failure f = describe(e);
            err.println("enu: error: " + oneLine(f.message()));
            err.flush();
            return f.code();
        }
    }

    /** What to print for a failure, and the exit code. */
    record Failure(String message, int code) {
    }

    /**
     * Bad input (options, configuration, run files) and the machine's refusals (a full disk, a
     * permission) name the key or file and exit with 2; anything else is a bug in enu, reported
     * on one line too (ENU_DEBUG=1 prints its stack trace) with exit code 1.
     */
    static Failure describe(Throwable ex) {
        Throwable e = ex;
        if (e instanceof UncheckedIOException u) {
            e = u.getCause();
        }
        if (e instanceof ExceptionInInitializerError x && x.getCause() != null) {
            e = x.getCause(); // a bad JVM property read by a class's static setup (-Denu.kernel)
        }
        if (e instanceof ConfigException || e instanceof org.enu.cell.KernelException || e instanceof CorruptFileException || e instanceof FileWriteException
                || e instanceof CommandLine.ParameterException) {
            return new Failure(e.getMessage(), EXIT_BAD_INPUT);
        }
        if (e instanceof InvalidPathException p) {
            return new Failure(unrepresentable(p.getInput()), EXIT_BAD_INPUT);
        }
        if (e instanceof FileSystemException fs) {
            return new Failure(fs.getFile() + ": " + AtomicFiles.reason(fs), EXIT_BAD_INPUT);
        }
        if (e instanceof IOException io) {
            return new Failure(AtomicFiles.reason(io), EXIT_BAD_INPUT);
        }
        if (e instanceof OutOfMemoryError) {
            return new Failure("out of memory (the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB; give it more with ENU_JAVA_OPTS=-Xmx..., or use fewer threads or environments)", EXIT_FAILURE);
        }
        return new Failure("internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "") + " (ENU_DEBUG=1 prints the stack trace)",
                EXIT_FAILURE);
    }

    /** The longest error line printed; a longer message (a huge value echoed) keeps its start and end. */
    static final int MAX_ERROR_CHARS = 1000;

    /**
     * Joins the lines of a message, so that every error is one line, and shortens it to
     * {@link #MAX_ERROR_CHARS}: the start (the key or file) and the end (often the reason) stay.
     */
    static String oneLine(String s) {
        String line = s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        if (line.length() <= MAX_ERROR_CHARS) {
            return line;
        }
        int head = MAX_ERROR_CHARS * 3 / 4;
        int tail = MAX_ERROR_CHARS / 8;
        return line.substring(0, head) + " ... (" + (line.length() - head - tail) + " characters left out) ... "
                + line.substring(line.length() - tail);
    }

    /** A path option's value: not empty, and representable as a file name on this system. */
    static Path path(String s) {
        if (s.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty path names no file or directory");
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException(unrepresentable(s));
        }
    }

    /** Why a path string cannot be used, and what to do about it. */
    private static String unrepresentable(String path) {
        String enc = System.getProperty("sun.jnu.encoding", "?");
        String shown = path.length() > 80 ? path.substring(0, 60) + "..." : path;
        if (path.indexOf('\0') >= 0) {
            return "'" + shown.replace('\0', '?') + "': a path cannot hold a NUL character";
        }
        return "'" + shown + "': cannot be a file name under this locale's file-name encoding (" + enc
                + "); run enu under a UTF-8 locale, for example LC_ALL=C.UTF-8";
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
