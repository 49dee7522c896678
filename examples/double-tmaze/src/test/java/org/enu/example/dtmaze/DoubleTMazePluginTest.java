package org.enu.example.dtmaze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.enu.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin through the enu command, as a user runs it: this module's classes (its type, its
 * services file and defaults file) are on the class path beside enu, and nothing in enu names it.
 */
class DoubleTMazePluginTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
    }

    private static Result enu(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** A tiny run: few offspring, short lives, small units. */
    private static String[] tiny(String... more) {
        List<String> a = new ArrayList<>(List.of("--set", "es.offspring=8", "--set", "double_tmaze.environments=2",
                "--set", "double_tmaze.trials=8", "--set", "enu.memory=4", "--set", "enu.outputs=2",
                "--set", "threads=2", "--no-progress"));
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(Arrays.asList(a));
        l.addAll(Arrays.asList(b));
        return l.toArray(new String[0]);
    }

    @Test
    void theTaskIsListedAndConfigured() {
        Result r = enu("config", "double_tmaze", "--preset", "quick", "--set", "double_tmaze.moves=2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("moves: 2") && r.out().contains("steps_per_phase: 2"), r.out());
    }

    @Test
    void trainsResumesBitIdenticallyAndEvaluatesTracesPlotsAndReports() throws IOException {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        Result r = enu(concat(new String[] {"train", "double_tmaze", "--generations", "4", "--out", whole.toString()},
                tiny()));
        assertEquals(0, r.code(), r.err());
        r = enu(concat(new String[] {"train", "double_tmaze", "--generations", "2", "--out", split.toString()}, tiny()));
        assertEquals(0, r.code(), r.err());
        r = enu("resume", split.toString(), "--generations", "4", "--no-progress");
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(whole.resolve("genome.json").toFile());
        JsonNode b = JSON.readTree(split.resolve("genome.json").toFile());
        assertEquals(4, a.get("generation").asInt());
        assertEquals(a.get("parameters"), b.get("parameters"), "a resumed run ends bit-identical");

        r = enu("eval", whole.toString(), "--envs", "16", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode eval = JSON.readTree(r.out());
        String text = eval.toString();
        for (String s : List.of("high_rate_after_found", "refind_trials", "random", "best_fixed_route", "oracle")) {
            assertTrue(text.contains("\"" + s + "\""), s + " in " + text);
        }

        Path csv = tmp.resolve("trace.csv");
        r = enu("trace", whole.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).startsWith("step,trial,phase,junction,end,home,reward,high_end,visited_end,"), rows.get(0));
        assertEquals(1 + 8 * 4 * 2, rows.size(), "one row per network step of an 8-trial life");

        r = enu("plot", whole.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(whole.resolve("plots/episode.png")) > 0);
        Path page = tmp.resolve("report.html");
        r = enu("report", whole.toString(), "--out", page.toString(), "--envs", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(page).contains("high_rate_after_found"));
    }

    @Test
    void badSettingsGetOneLineNamingTheKey() {
        Result r = enu(concat(new String[] {"train", "double_tmaze", "--out", tmp.resolve("a").toString()}, tiny(
                "--set", "double_tmaze.moves=2")));
        assertEquals(2, r.code(), r.err());
        assertEquals("enu: error: double_tmaze.trials: must be >= 12, got 8", r.err().strip());
        r = enu("train", "double_tmaze", "--set", "double_tmaze.low_reward=2", "--out", tmp.resolve("b").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("enu: error: double_tmaze.high_reward: must be finite and > low_reward, got 1.0", r.err().strip());
    }

    /** The plugin lives in its own files: no line of enu-core's or enu-cli's sources names it. */
    @Test
    void enuItselfNeverNamesThePlugin() throws IOException {
        Path root = Path.of("..", "..");
        Pattern name = Pattern.compile("(?i)double[_ -]?t[_-]?maze|org\\.enu\\.example");
        List<String> hits = new ArrayList<>();
        for (String dir : List.of("enu-core/src/main", "enu-cli/src/main")) {
            assertTrue(Files.isDirectory(root.resolve(dir)), dir);
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    List<String> lines = Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < lines.size(); i++) {
                        if (name.matcher(lines.get(i)).find()) {
                            hits.add(f + ":" + (i + 1) + ": " + lines.get(i));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }
}
