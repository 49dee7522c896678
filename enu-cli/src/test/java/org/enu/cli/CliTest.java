package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enu command end to end, with tiny settings. */
class CliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result enu(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static String[] tiny(String... more) {
        List<String> a = new ArrayList<>(List.of("--set", "es.offspring=8", "--set", "iaf.environments=3",
                "--set", "iaf.steps=20", "--set", "enu.memory=8", "--set", "enu.outputs=4", "--no-progress"));
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(Arrays.asList(a));
        l.addAll(Arrays.asList(b));
        return l.toArray(new String[0]);
    }

    /** Every help text formats cleanly: picocli warns on System.err about a stray % in a description. */
    @Test
    void everyHelpTextFormatsWithoutWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Result top = enu("--help");
            assertEquals(0, top.code(), top.err());
            for (String c : List.of("train", "resume", "eval", "trace", "plot", "config", "bench", "replay", "results",
                    "report")) {
                Result r = enu(c, "--help");
                assertEquals(0, r.code(), c + ": " + r.err());
                assertTrue(r.out().contains("Usage: enu " + c), c + ": " + r.out());
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
    }

    @Test
    void trainEvalTraceResumePlot() throws IOException {
        Path dir = tmp.resolve("run");
        Result r = enu(concat(new String[] {"train", "iaf"}, tiny("--generations", "3", "--out", dir.toString())));
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("config.yaml", "run.json", "metrics.jsonl", "checkpoint.bin", "genome.json")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertEquals(3, Files.readAllLines(dir.resolve("metrics.jsonl")).size());
        String genome = Files.readString(dir.resolve("genome.json"));
        for (String key : List.of("git_revision", "java_version", "cpu", "kernel", "\"seed\"", "\"config\"")) {
            assertTrue(genome.contains(key), "provenance has " + key);
        }

        r = enu("eval", dir.toString(), "--envs", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("spike_f1"), r.out());
        assertTrue(r.out().contains("untrained"), r.out());

        r = enu("eval", dir.toString(), "--envs", "8", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().trim().startsWith("{") && r.out().contains("\"trained\""), r.out());

        Path csv = tmp.resolve("t.csv");
        r = enu("trace", dir.toString(), "--env", "2", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(21, lines.size(), "header + 20 steps");
        assertTrue(lines.get(0).startsWith("step,input,"), lines.get(0));
        assertTrue(lines.get(0).contains("out3"), lines.get(0));

        r = enu("trace", dir.toString(), "--csv", csv.toString());
        assertEquals(2, r.code(), "an existing CSV is not overwritten without --force");
        r = enu("trace", dir.toString(), "--env", "-1", "--csv", tmp.resolve("neg.csv").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--env"), r.err());
        assertEquals(21, Files.readAllLines(csv).size());

        r = enu("resume", dir.toString(), "--generations", "5", "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertEquals(5, Files.readAllLines(dir.resolve("metrics.jsonl")).size());
        assertTrue(Files.readString(dir.resolve("config.yaml")).contains("generations: 5"));

        r = enu("plot", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(dir.resolve("plots/fitness.png")) > 1000);
        assertTrue(Files.size(dir.resolve("plots/episode.png")) > 1000);
        assertTrue(Files.size(dir.resolve("plots/iaf.png")) > 1000, "paper Fig. 6 (left)");
        assertTrue(Files.size(dir.resolve("plots/iaf-raster.png")) > 1000, "paper Fig. 6 (right)");
    }

    @Test
    void badInputExitsWithTwoAndALineNamingTheProblem() throws IOException {
        Path dir = tmp.resolve("existing");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "precious");
        String[][] cases = {
            {"train", "iaf", "--set", "es.sigma=-1", "--out", dir.toString()},
            {"train", "iaf", "--set", "es.sigmaa=1", "--out", tmp.resolve("x").toString()},
            {"train", "iaf", "--generations", "many"},
            {"train", "iaf", "--preset", "huge"},
            {"train", "nosuch"},
            {"train", "iaf", "--config", tmp.resolve("missing.yaml").toString()},
            {"train", "iaf", "--out", dir.toString(), "--generations", "1", "--set", "es.offspring=4",
                "--set", "iaf.environments=1", "--set", "iaf.steps=5", "--no-progress"},
            {"eval", tmp.resolve("nothing").toString()},
            {"eval", dir.toString()},
            {"resume", dir.toString()},
            {"frobnicate"},
        };
        for (String[] c : cases) {
            Result r = enu(c);
            assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
            assertTrue(r.err().startsWith("enu: error: "), String.join(" ", c) + " -> " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("x")), "a bad config creates no run directory");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "the existing directory is untouched");
        }
        assertEquals("precious", Files.readString(dir.resolve("keep.txt")));
    }

    @Test
    void initFromStartsTheCentreAtAnotherRunsGenomeAndRecordsIt() throws IOException {
        Path a = tmp.resolve("a");
        assertEquals(0, enu(concat(new String[] {"train", "iaf"}, tiny("--generations", "2", "--out", a.toString()))).code());
        String from = Files.readString(a.resolve("genome.json"));
        // zero generations: the new run's genome is the old one's parameters
        Path b = tmp.resolve("b");
        Result r = enu(concat(new String[] {"train", "iaf"}, tiny("--generations", "0", "--seed", "5", "--init-from",
                a.toString(), "--out", b.toString())));
        assertEquals(0, r.code(), r.err());
        String params = "\"parameters\"";
        String got = Files.readString(b.resolve("genome.json"));
        assertEquals(from.substring(from.indexOf(params), from.indexOf("]", from.indexOf(params))),
                got.substring(got.indexOf(params), got.indexOf("]", got.indexOf(params))));
        String info = Files.readString(b.resolve("run.json"));
        assertTrue(info.contains("\"init_from\"") && info.contains(a.toString()) && info.contains("\"generation\" : 2"), info);
        assertTrue(info.contains(from.substring(from.indexOf("sha256:"), from.indexOf("sha256:") + 71)), info);
        // a genome.json file works too, and the run trains on from it; the parameters' digest is
        // the same whether the genome came from a genome.json or from a run directory
        Path c = tmp.resolve("c");
        r = enu(concat(new String[] {"train", "iaf"}, tiny("--generations", "1", "--init-from",
                a.resolve("genome.json").toString(), "--out", c.toString())));
        assertEquals(0, r.code(), r.err());
        String digest = "\"parameters_sha256\" : \"";
        String infoC = Files.readString(c.resolve("run.json"));
        assertTrue(info.contains(digest) && infoC.contains(digest), infoC);
        assertEquals(info.substring(info.indexOf(digest), info.indexOf(digest) + digest.length() + 64),
                infoC.substring(infoC.indexOf(digest), infoC.indexOf(digest) + digest.length() + 64));
        // refused before anything is written: another layout, a missing path, a file that is no genome
        Files.writeString(tmp.resolve("junk.json"), "{\"format\": \"something\"}");
        String[][] bad = {
            concat(new String[] {"train", "iaf"}, tiny("--set", "enu.memory=4", "--init-from", a.toString(), "--out",
                    tmp.resolve("x").toString())),
            concat(new String[] {"train", "iaf"}, tiny("--init-from", tmp.resolve("none").toString(), "--out",
                    tmp.resolve("x").toString())),
            concat(new String[] {"train", "iaf"}, tiny("--init-from", tmp.resolve("junk.json").toString(), "--out",
                    tmp.resolve("x").toString())),
            {"train", "stdp", "--init-from", a.toString(), "--out", tmp.resolve("x").toString()},
        };
        for (String[] args : bad) {
            r = enu(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("enu: error: ") && r.err().lines().count() == 1, r.err());
            assertFalse(Files.exists(tmp.resolve("x")), String.join(" ", args));
        }
        assertTrue(enu(concat(new String[] {"train", "iaf"}, tiny("--set", "enu.memory=4", "--init-from", a.toString(),
                "--out", tmp.resolve("x").toString()))).err().contains("--init-from"));
    }

    @Test
    void stdpRunPlotsItsCurve() throws IOException {
        Path dir = tmp.resolve("stdp");
        Result r = enu("train", "stdp", "--variant", "plain", "--generations", "2", "--set", "es.offspring=4",
                "--set", "stdp.environments=4", "--set", "stdp.steps=60", "--set", "stdp.spike_mean=30",
                "--set", "enu.memory=8", "--no-progress", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("config.yaml")).contains("variant: plain"));
        r = enu("eval", dir.toString(), "--envs", "16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("curve_correlation") && r.out().contains("gating_ratio"), r.out());
        r = enu("plot", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(dir.resolve("plots/stdp-curve.png")) > 1000);
        assertTrue(Files.size(dir.resolve("plots/stdp-example.png")) > 1000, "paper Fig. 7 (left)");
        r = enu("train", "iaf", "--variant", "plain", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code(), "--variant belongs to stdp");
    }

    @Test
    void tmazeRunEvaluatesBaselinesAndReplays() throws IOException {
        Path dir = tmp.resolve("tmaze");
        Result r = enu("train", "tmaze", "--generations", "1", "--set", "es.offspring=4", "--set", "tmaze.environments=2",
                "--set", "tmaze.episode_steps=40", "--set", "enu.memory=4", "--set", "enu.outputs=4", "--no-progress",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        r = enu("eval", dir.toString(), "--envs", "6");
        assertEquals(0, r.code(), r.err());
        for (String col : List.of("random", "best_fixed", "oracle", "normalised_score", "poison_reeat_rate")) {
            assertTrue(r.out().contains(col), col + " in " + r.out());
        }
        r = enu("replay", dir.toString(), "--env", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("action 10/10"), r.out());
        assertTrue(r.out().contains("#######"), "the maze is drawn");
        assertTrue(r.out().contains("chose:"), r.out());
        r = enu("replay", tmp.resolve("nothing").toString());
        assertEquals(2, r.code());

        // judged on variants of the maze it was trained on; shape keys are refused
        r = enu("eval", dir.toString(), "--envs", "6", "--json", "--set", "tmaze.layout=turn", "--set",
                "tmaze.swap_probability=1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"tmaze.layout=turn\""), r.out());
        assertTrue(r.out().contains("food_arm_after_poison"), r.out());
        // (the wiring keys may vary: the genome runs a network of any size, NetworkSizeTest)
        for (String bad : List.of("enu.memory=8", "tmaze.init_output_bias=0.5", "es.sigma=0.5", "seed=3")) {
            r = enu("eval", dir.toString(), "--set", bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--set " + bad.substring(0, bad.indexOf('='))), r.err());
        }
        r = enu("eval", dir.toString(), "--set", "tmaze.layout=diagonal");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("tmaze.layout"), r.err());
        r = enu("plot", dir.toString());
        assertEquals(0, r.code(), r.err());
        Path foodArm = dir.resolve("plots").resolve("food-arm.png");
        assertTrue(Files.size(foodArm) > 1000);
        assertTrue(Files.size(dir.resolve("plots").resolve("poison-taken.png")) > 1000);
        // the figures on a variant of the maze; a shape key is refused and nothing is rewritten
        byte[] own = Files.readAllBytes(foodArm);
        r = enu("plot", dir.toString(), "--set", "tmaze.layout=turn", "--set", "tmaze.swap_after_poison=true");
        assertEquals(0, r.code(), r.err());
        assertFalse(Arrays.equals(own, Files.readAllBytes(foodArm)), "drawn on the variant");
        byte[] variant = Files.readAllBytes(foodArm);
        r = enu("plot", dir.toString(), "--set", "enu.memory=8");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--set enu.memory"), r.err());
        assertTrue(Arrays.equals(variant, Files.readAllBytes(foodArm)), "a refused plot writes nothing");
    }

    @Test
    void configCommandPrintsTheResolvedTree() {
        Result r = enu("config", "iaf", "--preset", "paper", "--set", "seed=9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gate_slope: 1.0"), r.out());
        assertTrue(r.out().contains("seed: 9"), r.out());
        assertTrue(r.out().contains("preset: paper"), r.out());
    }
}
