package org.enu.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu report DIR [DIR ...]}: a self-contained HTML page of a run, or of several runs overlaid. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write DIR/report.html: one self-contained page (plots inline as SVG, data inline as JSON, "
                + "no network needed) with the fitness curve, seconds per generation, the held-out metrics beside the "
                + "baselines, the task's figures (IAF: paper Fig. 6; STDP: Fig. 7; T-maze: an animated episode, Fig. 8 "
                + "and 9) and the run's provenance; every plot also as DIR/report/NAME.png and .svg.",
                "With several DIRs: one page that overlays their curves and metrics, written to --out FILE."})
public final class ReportCommand implements Callable<Integer> {
    /** The held-out seed of enu eval. */
    static final long DEFAULT_SEED = 1000003;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "run directories")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "FILE", description = "the page to write (required for several DIRs; "
            + "default DIR/report.html); its plots go to a folder of the same name without .html")
    Path out;

    @Option(names = "--envs", paramLabel = "N", defaultValue = "256", description = "held-out environments for the "
            + "metrics when eval.json does not hold them for this genome (default ${DEFAULT-VALUE}, as enu eval)")
    int envs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1000003", description = "held-out seed (default "
            + "${DEFAULT-VALUE}, as enu eval)")
    long seed;

    @Option(names = "--env", paramLabel = "K", defaultValue = "0", description = "T-maze: the held-out maze the "
            + "episode is played in (default ${DEFAULT-VALUE})")
    int env;

    @Override
    public Integer call() throws Exception {
        if (envs < 1 || envs > org.enu.config.Limits.MAX_EVAL_ENVIRONMENTS) {
            throw new ConfigException("--envs: must be in 1.." + org.enu.config.Limits.MAX_EVAL_ENVIRONMENTS + ", got " + envs);
        }
        if (env < 0 || env >= org.enu.config.Limits.MAX_EVAL_ENVIRONMENTS) {
            throw new ConfigException("--env: must be in 0.." + (org.enu.config.Limits.MAX_EVAL_ENVIRONMENTS - 1)
                    + ", got " + env);
        }
        if (out != null && (out.getFileName() == null
                || !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html"))) {
            // a report never takes another file's place (config.yaml, say)
            throw new ConfigException("--out: must name an .html file, got " + out);
        }
        if (dirs.size() > 1 && out == null) {
            throw new ConfigException("--out: required with several run directories (where the page goes)");
        }
        // every run is read and checked, and the page built, before anything is written
        List<RunData> runs = new ArrayList<>();
        for (Path d : dirs) {
            runs.add(RunData.open(d));
        }
        Report.Options o = new Report.Options(seed, envs, env);
        Path page = out != null ? out : dirs.get(0).resolve("report.html");
        Path files = filesDir(page);
        Report.Built built = runs.size() == 1 ? Report.single(runs.get(0), o, files.getFileName().toString(), false)
                : Report.compare(runs, o, files.getFileName().toString());
        write(page, files, built, spec.commandLine().getOut());
        return 0;
    }

    /** The folder beside a page for its plots: report.html's is report/. */
    static Path filesDir(Path page) {
        String name = page.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".html") ? name.substring(0, name.length() - 5)
                : name + "-files";
        Path parent = page.getParent();
        String folder = stem.isEmpty() ? "report" : stem;
        return parent == null ? Path.of(folder) : parent.resolve(folder);
    }

    /** Writes the page and its plots (each file atomically), refusing a link or a non-folder in their place. */
    static void write(Path page, Path files, Report.Built built, PrintWriter log) throws IOException {
        if (Files.isDirectory(page)) {
            throw new ConfigException(page + ": is a directory (name the page's file)");
        }
        if (Files.isSymbolicLink(page) || Files.isSymbolicLink(files)) {
            throw new ConfigException((Files.isSymbolicLink(page) ? page : files)
                    + ": is a symbolic link; enu writes reports only as plain files");
        }
        if (Files.exists(files) && !Files.isDirectory(files)) {
            throw new ConfigException(files + ": exists and is not a directory");
        }
        Map<Path, byte[]> all = new LinkedHashMap<>();
        for (Figure f : built.figures()) {
            all.put(files.resolve(f.id() + ".png"), f.png());
            all.put(files.resolve(f.id() + ".svg"), f.svgDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        AtomicFiles.writeAll(files, all);
        AtomicFiles.writeString(page, built.html());
        if (log != null) {
            log.printf("wrote %s (%d plots, PNG and SVG, in %s)%n", page, built.figures().size(), files);
            log.flush();
        }
    }
}
