package org.enu.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.task.Metric;
import org.enu.task.TaskReport;

/**
 * The committed results: every subfolder of {@code results/} that holds a genome and its config
 * ({@code results/iaf}, {@code results/stdp-neuromodulated}, ...) is evaluated on the held-out
 * environments that {@code enu eval} uses, beside the untrained genome of the same run, and
 * rendered as the Markdown table that docs/RESULTS.md shows between the markers
 * {@code <!-- enu results NAME -->} and {@code <!-- end enu results NAME -->}.
 */
public final class ResultsReport {
    /** Held-out environments and seed of every documented result (as {@code enu eval}'s defaults). */
    public static final int ENVIRONMENTS = 256;
    public static final long SEED = 1000003L;

    private ResultsReport() {
    }

    /** One experiment's evaluation. */
    public record Entry(String name, String task, long generation, int environments, long seed,
                        LinkedHashMap<String, Double> trained, LinkedHashMap<String, Double> untrained,
                        LinkedHashMap<String, String> descriptions) {
    }

    /** The experiment folders under a results directory (those with genome.json and config.yaml), sorted by name. */
    public static List<Path> experiments(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            throw new ConfigException(results + ": no such directory");
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(results)) {
            s.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.GENOME))
                    && Files.isRegularFile(p.resolve(RunDirectory.CONFIG))).sorted().forEach(out::add);
        }
        return out;
    }

    /** Evaluates one experiment folder on the first {@code envs} held-out environments of {@code seed}. */
    public static Entry evaluate(Path dir, int envs, long seed) throws IOException {
        RunDirectory rd = new RunDirectory(dir).requireExisting();
        RunConfig cfg = rd.config();
        TaskReport report = cfg.newReport();
        Genome genome = rd.latestGenome();
        long[] keys = EnvironmentKeys.heldOut(seed, envs);
        List<Metric> trained = report.metrics(genome.parameters(), keys);
        return new Entry(dir.getFileName().toString(), cfg.task(), genome.generation(), envs, seed,
                Metric.values(trained), Metric.values(report.metrics(cfg.newTask().initialParameters(cfg.seed()), keys)),
                descriptions(trained));
    }

    /** The Markdown table of one entry: metric, trained, untrained, meaning. */
    public static String table(Entry e) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "`results/%s`, generation %d, %d held-out environments (seed %d):%n%n",
                e.name(), e.generation(), e.environments(), e.seed()));
        b.append("| metric | trained | untrained | meaning |\n|---|---|---|---|\n");
        for (Map.Entry<String, Double> m : e.trained().entrySet()) {
            b.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", m.getKey(), number(m.getValue()),
                    number(e.untrained().get(m.getKey())), e.descriptions().getOrDefault(m.getKey(), "")
                            .replace("|", "\\|")));
        }
        return b.toString();
    }

    /** Four significant decimals, as in the docs. */
    public static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The marker lines around an experiment's table in a Markdown file. */
    public static String begin(String name) {
        return "<!-- enu results " + name + " -->";
    }

    public static String end(String name) {
        return "<!-- end enu results " + name + " -->";
    }

    /**
     * Replaces the text between an experiment's markers with its table; a document without the
     * markers is refused (the tables are placed by hand once, then regenerated).
     */
    public static String replace(String doc, Entry e) {
        int a = doc.indexOf(begin(e.name()));
        int z = doc.indexOf(end(e.name()));
        if (a < 0 || z < a) {
            throw new ConfigException("no markers " + begin(e.name()) + " ... " + end(e.name()) + " in the document");
        }
        return doc.substring(0, a + begin(e.name()).length()) + "\n" + table(e) + doc.substring(z);
    }

    /** The table currently between an experiment's markers, or null. */
    public static String current(String doc, String name) {
        int a = doc.indexOf(begin(name));
        int z = doc.indexOf(end(name));
        if (a < 0 || z < a) {
            return null;
        }
        return doc.substring(a + begin(name).length() + 1, z);
    }

    /** The entry an experiment's eval.json records (written by {@code enu results --write}). */
    @SuppressWarnings("unchecked")
    public static Entry read(Path dir) throws IOException {
        RunConfig cfg = new RunDirectory(dir).requireExisting().config();
        // the descriptions of the metrics, from one held-out episode of the untrained genome
        List<Metric> names = cfg.newReport().metrics(cfg.newTask().initialParameters(cfg.seed()),
                EnvironmentKeys.heldOut(cfg.seed(), 1));
        Map<String, Object> o = new ObjectMapper().readValue(org.enu.io.SafeRead.bytes(dir.resolve("eval.json"), "eval.json",
                1 << 20, org.enu.io.SafeRead.Links.REFUSE), Map.class);
        return new Entry(dir.getFileName().toString(), (String) o.get("task"), ((Number) o.get("generation")).longValue(),
                ((Number) o.get("environments")).intValue(), ((Number) o.get("seed")).longValue(),
                doubles((Map<String, Object>) o.get("trained")), doubles((Map<String, Object>) o.get("untrained")),
                descriptions(names));
    }

    @SuppressWarnings("NonApiType") // an Entry's maps promise their order
    private static LinkedHashMap<String, String> descriptions(List<Metric> metrics) {
        return metrics.stream().collect(Collectors.toMap(Metric::name, Metric::description, (a, b) -> a,
                LinkedHashMap::new));
    }

    @SuppressWarnings("NonApiType") // an Entry's maps promise their order
    private static LinkedHashMap<String, Double> doubles(Map<String, Object> m) {
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out.put(e.getKey(), e.getValue() instanceof Number n ? n.doubleValue() : Double.NaN);
        }
        return out;
    }

    /** eval.json of an experiment: what the docs table shows, as numbers. */
    public static String json(Entry e) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("task", e.task());
        o.put("generation", e.generation());
        o.put("environments", e.environments());
        o.put("seed", e.seed());
        o.put("trained", Metric.jsonValues(e.trained()));
        o.put("untrained", Metric.jsonValues(e.untrained()));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o) + "\n";
    }
}
