package org.enu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code enu bench --forks N}: the bench run one after another in N fresh JVMs (the same Java,
 * JVM flags and class path as this one), and each figure's median per JVM compared across them:
 * min, median, max and the largest deviation from the median.
 */
final class BenchForks {
    private BenchForks() {
    }

    static int run(BenchCommand bench, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> runs = new ArrayList<>();
        for (int f = 0; f < bench.forks(); f++) {
            err.println("fresh JVM " + (f + 1) + " of " + bench.forks() + "...");
            err.flush();
            runs.add(mapper.readTree(runFork(bench, f)));
        }
        Map<String, Object> table = spreadTable(runs);
        if (bench.jsonOutput()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("forks", runs.size());
            o.put("figures", table);
            o.put("runs", runs);
            out.println(mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "%s, %s cores, Java %s, kernel %s; %d fresh JVMs, each figure the median of its repeats%n",
                    runs.get(0).get("cpu").asText(), runs.get(0).get("cores").asText(), runs.get(0).get("java").asText(),
                    runs.get(0).get("kernel").asText(), runs.size());
            out.printf(Locale.ROOT, "%-48s %9s %9s %9s %14s%n", "figure", "min", "median", "max", "max deviation");
            for (Map.Entry<String, Object> e : table.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) e.getValue();
                out.printf(Locale.ROOT, "%-48s %9.3f %9.3f %9.3f %13.1f%%%n", e.getKey(), (Double) r.get("min"),
                        (Double) r.get("median"), (Double) r.get("max"), 100 * (Double) r.get("max_deviation"));
            }
        }
        out.flush();
        return 0;
    }

    /** The JSON a bench in a fresh JVM (this one's options and class path) prints. */
    private static String runFork(BenchCommand bench, int f) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(bench.childArgs());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException("bench in fresh JVM " + (f + 1) + " ended with exit code " + rc);
        }
        return text;
    }

    /** Each figure's median per JVM, and their min, median, max and largest deviation from the median. */
    private static Map<String, Object> spreadTable(List<JsonNode> runs) {
        Map<String, double[]> figures = new LinkedHashMap<>();
        for (int f = 0; f < runs.size(); f++) {
            Iterator<Map.Entry<String, JsonNode>> it = runs.get(f).get("spread").properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                figures.computeIfAbsent(e.getKey(), k -> new double[runs.size()])[f] = e.getValue().get("median").asDouble();
            }
        }
        Map<String, Object> table = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : figures.entrySet()) {
            double[] v = e.getValue().clone();
            Arrays.sort(v);
            double median = v[v.length / 2];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("per_jvm", e.getValue());
            row.put("min", v[0]);
            row.put("median", median);
            row.put("max", v[v.length - 1]);
            row.put("max_deviation", Math.max(median - v[0], v[v.length - 1] - median) / Math.abs(median));
            table.put(e.getKey(), row);
        }
        return table;
    }
}
