package org.enu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunConfigTest {
    @TempDir
    Path tmp;

    @Test
    void presetsResolveAndDiffer() {
        RunConfig quick = RunConfig.resolve("iaf", "quick", null, List.of());
        RunConfig paper = RunConfig.resolve("iaf", "paper", null, List.of());
        RunConfig original = RunConfig.resolve("iaf", "original", null, List.of());
        assertEquals(1f, paper.cell().gateSlope());
        assertEquals(0f, paper.cell().resetShift());
        assertFalse(paper.cell().bias());
        assertEquals(1024, paper.es().offspring());
        assertEquals(3f, original.cell().gateSlope());
        assertEquals(1f, original.cell().resetShift());
        assertTrue(original.cell().bias());
        assertEquals(512, original.es().offspring());
        assertTrue(quick.generations() < original.generations());
        for (RunConfig c : List.of(quick, paper, original)) {
            c.newTask();
            assertTrue(c.cell().spikeOutput(), "IAF uses the spike output");
        }
    }

    @Test
    void fileAndSetOverridesApplyInOrder() throws IOException {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, "es:\n  sigma: 0.02\n  offspring: 64\nseed: 5\n");
        RunConfig c = RunConfig.resolve("iaf", "quick", f, List.of("es.sigma=0.03", "iaf.steps=40"));
        assertEquals(0.03f, c.es().sigma());
        assertEquals(64, c.es().offspring());
        assertEquals(5, c.seed());
        assertEquals(40, c.tree().getInt("iaf.steps"));
    }

    @Test
    void resolvedConfigReloadsToTheSameValues() throws IOException {
        RunConfig c = RunConfig.resolve("iaf", "paper", null, List.of("es.sigma=0.02", "seed=77"));
        Path f = tmp.resolve("resolved.yaml");
        Files.writeString(f, c.tree().toYaml());
        RunConfig back = RunConfig.load(f);
        assertEquals(c.cell(), back.cell());
        assertEquals(c.es(), back.es());
        assertEquals(c.seed(), back.seed());
        assertEquals(c.preset(), back.preset());
        assertEquals(c.tree().toYaml(), back.tree().toYaml());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "es.sigmaa=0.1        | es.sigmaa: unknown key",
        "es.sigma=abc         | es.sigma: expected a number, got 'abc'",
        "es.sigma=-1          | es.sigma: must be a finite number > 0",
        "es.offspring=7       | es.offspring: must be even with antithetic pairs",
        "es.offspring=1.5     | es.offspring: expected an integer",
        "es.momentum=1        | es.momentum: must be in [0, 1)",
        "enu.memory=0         | enu.memory: must be >= 1",
        "enu.bias=yes please  | enu.bias: expected true or false",
        "enu.math=quick       | enu.math: expected exact or fast, got 'quick'",
        "enu.math=3           | enu.math: expected text",
        "iaf.steps=2          | iaf.steps: must be >= 4",
        "iaf.input_high=0.001 | iaf.input_high: must be finite and > input_low",
        "iaf.spike_level=1.5  | iaf.spike_level: must be in (0, 1)",
        "generations=-3       | generations: must be >= 0",
        "threads=-1           | threads: must be >= 0",
        "checkpoint_every=0   | checkpoint_every: must be >= 1",
        "es=3                 | es: expected a section of keys",
        "nonsense             | expected key.path=value",
    })
    void badValuesNameTheKeyAndTheReason(String set, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> {
            RunConfig c = RunConfig.resolve("iaf", "quick", null, List.of(set));
            c.newTask();
        });
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void badFilesAreNamed() throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "es: [1, 2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", f, List.of()));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        Files.writeString(f, "- 1\n- 2\n");
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", f, List.of()));
        assertTrue(e.getMessage().contains("top level must be a mapping"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", tmp.resolve("none.yaml"), List.of()));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        Files.writeString(f, "task: stdp\n");
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", f, List.of()));
        assertTrue(e.getMessage().startsWith("task:"), e.getMessage());
    }

    @Test
    void unknownTaskAndPresetAreRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.resolve("maze", "quick", null, List.of()));
        assertTrue(e.getMessage().startsWith("task: unknown task 'maze'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "fast", null, List.of()));
        assertTrue(e.getMessage().startsWith("preset: unknown preset 'fast'"), e.getMessage());
    }
}
