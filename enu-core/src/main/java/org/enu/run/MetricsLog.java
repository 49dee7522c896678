package org.enu.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.io.CorruptFileException;
import org.enu.io.SafeRead;

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

    /** The longest line enu writes is a few hundred bytes; a longer one is not enu's. */
    static final int MAX_LINE_CHARS = 16 << 10;

    /**
     * Reads the log of a run whose budget is {@code generations} (config.yaml's, which a resume
     * raises before it writes): at most that many lines and the lines of the generations after a
     * checkpoint that a crash can leave, each at most {@link #MAX_LINE_CHARS} long. A larger file
     * is refused before it is read, so a runaway file cannot exhaust memory.
     */
    static List<Row> read(Path f, int generations, int checkpointEvery) throws IOException {
        long maxRows = (long) generations + checkpointEvery + 2;
        List<Row> rows = new ArrayList<>();
        if (!SafeRead.exists(f)) {
            return rows;
        }
        String text = SafeRead.text(f, "metrics log", Math.min(Integer.MAX_VALUE - 16, maxRows * MAX_LINE_CHARS / 8),
                SafeRead.Links.REFUSE);
        String[] lines = text.split("\n", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        if (last + 1 > maxRows) {
            throw new CorruptFileException(f + ": " + (last + 1) + " lines, more than a run of " + generations
                    + " generations writes (is it the run's own log?)");
        }
        for (int i = 0; i <= last; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE_CHARS) {
                throw new CorruptFileException(f + ": line " + (i + 1) + " is " + line.length()
                        + " characters, longer than any metrics record");
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
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) m;
            rows.add(new Row(values, line));
        }
        return rows;
    }

    /**
     * Where the record is not whole: null when the rows' generations are 0, 1, 2, ... in order
     * and reach at least {@code reached} - 1; else what is missing or out of order, in words.
     */
    static String hole(int[] generations, int reached) {
        int expect = 0;
        for (int g : generations) {
            if (g != expect) {
                return g > expect ? (g - 1 == expect ? "generation " + expect + " is missing"
                        : "generations " + expect + "-" + (g - 1) + " are missing")
                        : "generation " + g + " appears again after generation " + (expect - 1);
            }
            expect++;
        }
        if (expect < reached) {
            return (expect == 0 ? "it holds no generation" : "it ends at generation " + (expect - 1))
                    + ", the run has reached generation " + reached;
        }
        return null;
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
