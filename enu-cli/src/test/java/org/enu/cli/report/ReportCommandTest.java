package org.enu.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.enu.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** enu report from the command line: the files it writes, several runs on one page, bad input, --report-every. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {
    @TempDir
    static Path tmp;

    static Path run;

    record Result(int code, String out, String err) {
    }

    static Result enu(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static List<String> tiny(Path dir, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "iaf", "--generations", "3", "--out", dir.toString(),
                "--no-progress", "--set", "es.offspring=8", "--set", "iaf.environments=3", "--set", "enu.memory=8",
                "--set", "enu.outputs=4"));
        a.addAll(List.of(more));
        return a;
    }

    @BeforeAll
    void trainOnce() {
        run = tmp.resolve("iaf");
        Result r = enu(tiny(run).toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
    }

    /** Every file of a directory tree by relative path, with its content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), org.enu.io.Sha256.hex(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    @Test
    void writesThePageAndEveryPlotAsPngAndSvgAndChangesNothingElse() throws IOException {
        Map<String, String> before = snapshot(run);
        Result r = enu("report", run.toString(), "--envs", "32");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<script type=\"application/json\" id=\"enu-data\">"));
        for (String plot : List.of("fitness", "seconds", "iaf-episode", "iaf-raster")) {
            assertTrue(html.contains("id=\"fig-" + plot + "\""), plot);
            assertTrue(html.contains("<svg") && html.contains("id='" + plot + "-svg'"), plot + " inline");
            byte[] png = Files.readAllBytes(run.resolve("report").resolve(plot + ".png"));
            assertEquals((byte) 0x89, png[0], plot + ".png is a PNG");
            assertTrue(Files.readString(run.resolve("report").resolve(plot + ".svg")).contains("<svg"), plot + ".svg");
        }
        assertTrue(html.contains("spike_f1") && html.contains("± "), "held-out metrics with standard errors");
        assertTrue(html.contains("git revision") && html.contains("kernel path"), "provenance");
        Map<String, String> after = snapshot(run);
        after.keySet().removeIf(k -> k.equals("report.html") || k.startsWith("report/"));
        assertEquals(before.keySet().stream().filter(k -> !k.equals("report.html") && !k.startsWith("report/")).toList(),
                new ArrayList<>(after.keySet()));
        before.keySet().retainAll(after.keySet());
        assertEquals(before, after, "only report files change");
    }

    @Test
    void aStagedRunShowsItsStagesAndValidation() throws IOException {
        Path yaml = tmp.resolve("staged.yaml");
        Files.writeString(yaml, """
                stages:
                  - {name: warm-up, generations: 2, set: {iaf.environments: 3}, validate: {metric: spike_f1, every: 1, environments: 8}}
                  - {name: polish, generations: 2, set: {iaf.environments: 4}, validate: {metric: spike_f1, every: 1, environments: 8}}
                """);
        Path dir = tmp.resolve("staged");
        List<String> a = tiny(dir, "--config", yaml.toString());
        a.set(a.indexOf("--generations") + 1, "4");
        assertEquals(0, enu(a.toArray(new String[0])).code());
        Result r = enu("report", dir.toString(), "--envs", "32");
        assertEquals(0, r.code(), r.err());
        String svg = Files.readString(dir.resolve("report").resolve("fitness.svg"));
        assertTrue(svg.contains("stage polish"), "the second stage's start is marked");
        assertTrue(svg.contains("validation: spike_f1"), "the validation figure has its axis");
        assertEquals(4, RunData.open(dir).validation().size(), "one validation figure per generation");
    }

    @Test
    void severalRunsOnOnePage() throws IOException {
        Path second = tmp.resolve("iaf-seed2");
        assertEquals(0, enu(tiny(second, "--seed", "2").toArray(new String[0])).code());
        Path page = tmp.resolve("compare").resolve("both.html");
        Result r = enu("report", run.toString(), second.toString(), "--out", page.toString(), "--envs", "32");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(page);
        assertTrue(html.contains("1. iaf") && html.contains("2. iaf-seed2"), "both runs named");
        assertTrue(Files.exists(page.resolveSibling("both").resolve("fitness.svg")));
        assertFalse(Files.exists(second.resolve("report.html")), "a comparison writes only where --out says");
    }

    @Test
    void badInputIsOneLineAndExitTwoAndWritesNothing() throws IOException {
        String config = Files.readString(run.resolve("config.yaml"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path copy = tmp.resolve("broken");
        Files.createDirectories(copy);
        for (String f : List.of("config.yaml", "run.json", "metrics.jsonl", "checkpoint.bin", "genome.json")) {
            Files.copy(run.resolve(f), copy.resolve(f));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("metrics.jsonl")));
        lines.set(1, "{not json");
        Files.write(copy.resolve("metrics.jsonl"), lines);
        Path badEval = tmp.resolve("bad-eval");
        Files.createDirectories(badEval);
        for (String f : List.of("config.yaml", "run.json", "metrics.jsonl", "checkpoint.bin", "genome.json")) {
            Files.copy(run.resolve(f), badEval.resolve(f));
        }
        Files.writeString(badEval.resolve("eval.json"), "{\"task\": ");
        String[][] cases = {
            {"report", tmp.resolve("missing").toString()},
            {"report", empty.toString()},
            {"report", copy.toString()},
            {"report", badEval.toString()},
            {"report", run.toString(), copy.toString()},
            {"report", run.toString(), "--envs", "0"},
            {"report", run.toString(), "--out", run.resolve("config.yaml").toString()},
        };
        for (String[] c : cases) {
            Result r = enu(c);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().startsWith("enu: error: ") && r.err().strip().lines().count() == 1,
                    String.join(" ", c) + ": " + r.err());
        }
        assertFalse(Files.exists(empty.resolve("report.html")));
        assertFalse(Files.exists(copy.resolve("report.html")) || Files.exists(copy.resolve("report")));
        assertFalse(Files.exists(badEval.resolve("report.html")));
        assertEquals(config, Files.readString(run.resolve("config.yaml")), "--out never takes a run file's place");
    }

    @Test
    void trainRefreshesTheReportWhileItRuns() throws IOException {
        Path dir = tmp.resolve("live");
        Result r = enu(tiny(dir, "--report-every", "2", "--set", "checkpoint_every=2").toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("genome of generation 3"), "the last report shows the final genome");
        assertFalse(html.contains("http-equiv=\"refresh\""), "the final page no longer reloads itself");
        String live = Report.single(RunData.open(dir), new Report.Options(1000003, 32, 0), "report", true).html();
        assertTrue(live.contains("http-equiv=\"refresh\"") && live.contains("Training in progress"),
                "a page written during training reloads itself and says why");
        assertEquals(2, enu(tiny(tmp.resolve("live2"), "--report-every", "0").toArray(new String[0])).code());
        assertFalse(Files.exists(tmp.resolve("live2")), "a bad --report-every is refused before the run starts");
    }
}
