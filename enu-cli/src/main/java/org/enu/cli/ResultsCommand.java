package org.enu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.io.AtomicFiles;
import org.enu.run.ResultsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code enu results [DIR] [--write FILE]}: evaluates every committed genome under DIR (default
 * {@code results}) on the documented held-out environments and prints its Markdown table; with
 * {@code --write} it also replaces the tables in FILE (docs/RESULTS.md) and writes each
 * experiment's {@code eval.json}.
 */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Evaluate every committed genome under DIR (default: results) on "
                + ResultsReport.ENVIRONMENTS + " held-out environments (seed " + ResultsReport.SEED
                + ") and print its Markdown table; --write FILE replaces the tables between the markers "
                + "'<!-- enu results NAME -->' and '<!-- end enu results NAME -->' in FILE and writes DIR/NAME/eval.json.")
final class ResultsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = "results", description = "results directory (default ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--write", paramLabel = "FILE", description = "Markdown file whose marked tables are regenerated (docs/RESULTS.md)")
    Path write;

    @Override
    public Integer call() throws Exception {
        List<Path> exps = ResultsReport.experiments(dir);
        if (exps.isEmpty()) {
            throw new ConfigException(dir + ": holds no experiment (a folder with genome.json and config.yaml)");
        }
        String doc = null;
        if (write != null) {
            if (!Files.isRegularFile(write)) {
                throw new ConfigException("--write: " + write + " is not a file");
            }
            doc = Files.readString(write, StandardCharsets.UTF_8);
        }
        // evaluate everything first, then write
        List<ResultsReport.Entry> entries = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        for (Path e : exps) {
            ResultsReport.Entry entry = ResultsReport.evaluate(e, ResultsReport.ENVIRONMENTS, ResultsReport.SEED);
            entries.add(entry);
            if (doc != null) {
                if (ResultsReport.current(doc, entry.name()) == null) {
                    unmarked.add(entry.name()); // another experiment's folder, not (yet) in this document
                    continue;
                }
                doc = ResultsReport.replace(doc, entry);
                written.add(e);
            }
        }
        if (doc != null && written.isEmpty()) {
            throw new ConfigException("--write: " + write + " has no markers " + ResultsReport.begin("NAME") + " ... "
                    + ResultsReport.end("NAME") + " for any experiment under " + dir);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ResultsReport.Entry e : entries) {
            out.println(ResultsReport.table(e));
        }
        if (write != null) {
            for (Path e : written) {
                write(e.resolve("eval.json"), ResultsReport.json(entries.get(exps.indexOf(e))));
            }
            write(write, doc);
            out.printf("wrote %d tables to %s%s%n", written.size(), write, unmarked.isEmpty() ? ""
                    : " (no markers for " + String.join(", ", unmarked) + ": left out)");
        }
        out.flush();
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }
}
