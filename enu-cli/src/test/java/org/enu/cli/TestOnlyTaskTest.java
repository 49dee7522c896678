package org.enu.cli;

import static org.enu.cli.CliTest.enu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enu.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that exists only in the test sources ({@code org.enu.cli.echo}: its settings record, task,
 * report and type, its defaults file {@code org/enu/config/echo.yaml} and one line in
 * {@code META-INF/services/org.enu.task.TaskType}) trains, resumes bit-identically, evaluates and
 * refuses bad settings through the command line like the built-in tasks: nothing outside its own
 * files names it.
 */
class TestOnlyTaskTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isRegisteredBesideTheBuiltInTasks() {
        assertEquals(List.of("echo", "iaf", "stdp", "tmaze"), RunConfig.TASKS);
        CliTest.Result r = enu("config", "echo", "--set", "echo.delay=2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("delay: 2") && r.out().contains("target: all"), r.out());
    }

    @Test
    void trainsResumesBitIdenticallyAndEvaluates() throws IOException {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        CliTest.Result r = enu("train", "echo", "--generations", "6", "--out", whole.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        r = enu("train", "echo", "--generations", "3", "--out", split.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        r = enu("resume", split.toString(), "--generations", "6", "--no-progress");
        assertEquals(0, r.code(), r.err());

        JsonNode a = JSON.readTree(whole.resolve("genome.json").toFile());
        JsonNode b = JSON.readTree(split.resolve("genome.json").toFile());
        assertEquals(6, a.get("generation").asInt());
        assertEquals(a.get("parameters"), b.get("parameters"), "a resumed run ends bit-identical");
        assertEquals(fitness(whole), fitness(split));

        r = enu("eval", whole.toString(), "--envs", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("echo_fitness") && r.out().contains("untrained"), r.out());
        Path csv = tmp.resolve("trace.csv");
        r = enu("trace", whole.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readAllLines(csv).get(0).startsWith("step,input,target,"), Files.readAllLines(csv).get(0));
    }

    @Test
    void badSettingsGetOneLineNamingTheKey() {
        CliTest.Result r = enu("train", "echo", "--set", "echo.target=middle", "--out", tmp.resolve("a").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("enu: error: echo.target: expected all or second_half, got 'middle'", r.err().strip());
        r = enu("train", "echo", "--set", "echo.level=1.5", "--out", tmp.resolve("b").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("enu: error: echo.level: must be in (0, 1), got 1.5", r.err().strip());
        r = enu("train", "echo", "--set", "echo.steps=1000000", "--out", tmp.resolve("c").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("enu: error: echo.steps: must be at most 100000, got 1000000", r.err().strip());
    }

    /** Every generation's fitness figures, without the wall time. */
    private static List<String> fitness(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll("\"seconds\":[^,}]*,?", "")).toList();
    }
}
