package org.enu.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.io.AtomicFiles;
import org.enu.io.CorruptFileException;

/**
 * Reads metrics.jsonl the same way for every command: one JSON object per line, each with an
 * integer {@code generation}; a last line cut short by a killed process is ignored (resume
 * drops it, plot draws without it); anything else that is not such a line is an error naming the
 * line.
 */
final class MetricsLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsLog() {
    }

    /** One parsed line and its text. */
    record Row(Map<String, Object> values, String text) {
        int generation() {
            return ((Number) values.get("generation")).intValue();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Row> read(Path f) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (!Files.exists(f)) {
            return rows;
        }
        if (!Files.isRegularFile(f)) {
            throw new CorruptFileException(f + ": not a regular file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CorruptFileException(f + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CorruptFileException(f + ": cannot read: " + AtomicFiles.reason(e));
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Object v;
            try {
                v = JSON.readValue(line, Object.class);
            } catch (IOException e) {
                if (i == last) {
                    break; // torn by a crash while it was written
                }
                throw new CorruptFileException(f + ": line " + (i + 1) + " is not JSON");
            }
            if (!(v instanceof Map<?, ?> m) || !(m.get("generation") instanceof Integer g) || g < 0) {
                throw new CorruptFileException(f + ": line " + (i + 1) + " is not a metrics record (no generation)");
            }
            rows.add(new Row((Map<String, Object>) m, line));
        }
        return rows;
    }

    /** One line of metrics.jsonl; fitness that is not finite is written as null (valid JSON). */
    static Map<String, Object> row(RunConfig cfg, GenerationStats stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("generation", stats.generation());
        if (!cfg.curriculum().isEmpty()) {
            row.put("stage", cfg.curriculum().stageAt(stats.generation()));
        }
        row.put("mean", finiteOrNull(stats.mean()));
        row.put("max", finiteOrNull(stats.max()));
        row.put("min", finiteOrNull(stats.min()));
        row.put("centre", finiteOrNull(stats.centre()));
        row.put("seconds", stats.seconds());
        row.put("nonfinite", stats.nonfinite());
        return row;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
