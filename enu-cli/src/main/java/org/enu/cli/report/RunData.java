package org.enu.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.io.CorruptFileException;
import org.enu.io.Genome;
import org.enu.io.SafeRead;
import org.enu.run.RunDirectory;

/**
 * A run directory as a report reads it, every file read and checked before anything is drawn:
 * the configuration, the latest genome, the metrics log, run.json's provenance and, when it
 * belongs to this genome, eval.json.
 *
 * @param hole what is missing from the metrics log in words, or null
 */
public record RunData(Path dir, String name, RunConfig config, String configText, Genome genome,
                      List<Map<String, Object>> metrics, String hole, JsonNode runInfo, JsonNode evalJson) {
    static final String EVAL = "eval.json";
    private static final long MAX_JSON_BYTES = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RunData open(Path dir) throws IOException {
        RunDirectory rd = new RunDirectory(dir).requireExisting();
        RunConfig cfg = rd.config();
        String text = SafeRead.text(rd.file(RunDirectory.CONFIG), "configuration", MAX_JSON_BYTES, SafeRead.Links.REFUSE);
        Genome genome = rd.latestGenome();
        List<Map<String, Object>> rows = rd.metrics();
        if (rows.isEmpty()) {
            throw new CorruptFileException(rd.file(RunDirectory.METRICS) + ": holds no generation yet");
        }
        JsonNode info = readJson(rd.file(RunDirectory.RUN_INFO), "run record");
        JsonNode eval = readJson(rd.file(EVAL), "evaluation");
        if (eval != null && !eval.isObject()) {
            throw new CorruptFileException(rd.file(EVAL) + ": not an evaluation (expected a JSON object)");
        }
        Path abs = dir.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        return new RunData(dir, name, cfg, text, genome, rows, rd.metricsHole(rows), info, eval);
    }

    private static JsonNode readJson(Path f, String what) throws IOException {
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return JSON.readTree(SafeRead.bytes(f, what, MAX_JSON_BYTES, SafeRead.Links.REFUSE));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CorruptFileException(f + ": not valid JSON");
        }
    }

    public String task() {
        return config.task();
    }

    /** run.json's provenance fields as text, in the file's order (empty when the run has none). */
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        Map<String, Object> fromGenome = genome.provenance();
        JsonNode prov = runInfo == null ? null : runInfo.path("provenance");
        if (prov != null && prov.isObject()) {
            prov.properties().forEach(e -> p.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                    : e.getValue().toString()));
        } else if (fromGenome != null) {
            fromGenome.forEach((k, v) -> p.put(k, String.valueOf(v)));
        }
        return p;
    }

    /** Where the run started from (run.json's init_from), or null. */
    public String initFrom() {
        JsonNode init = runInfo == null ? null : runInfo.path("init_from");
        if (init == null || !init.isObject()) {
            return null;
        }
        return init.path("source").asText() + " (generation " + init.path("generation").asText() + ", "
                + init.path("checksum").asText() + ")";
    }

    /**
     * Per generation of a staged run: the figure its stage validates ({@code validate.metric} of
     * the stage), by generation, as metrics.jsonl records it; empty for other runs.
     */
    public List<double[]> validation() {
        List<String> metricOfStage = stageMetrics();
        List<double[]> out = new ArrayList<>();
        for (Map<String, Object> r : metrics) {
            if (r.get("validation") instanceof Map<?, ?> v && r.get("stage") instanceof Number st) {
                int i = st.intValue();
                String metric = i >= 0 && i < metricOfStage.size() ? metricOfStage.get(i) : null;
                if (metric != null && v.get(metric) instanceof Number n && Double.isFinite(n.doubleValue())) {
                    out.add(new double[] {((Number) r.get("generation")).doubleValue(), n.doubleValue(), i});
                }
            }
        }
        return out;
    }

    /** The validated metric's name of each stage that has one, joined for a label. */
    public String validationMetrics() {
        List<String> names = new ArrayList<>();
        for (String metric : stageMetrics()) {
            if (metric != null && !names.contains(metric)) {
                names.add(metric);
            }
        }
        return String.join(", ", names);
    }

    /** Each stage's validated metric, in stage order (null for a stage without validation). */
    private List<String> stageMetrics() {
        List<String> out = new ArrayList<>();
        for (org.enu.config.StagePlan.Stage s : config.stages().stages()) {
            out.add(s.validation() == null ? null : s.validation().metric());
        }
        return out;
    }
}
