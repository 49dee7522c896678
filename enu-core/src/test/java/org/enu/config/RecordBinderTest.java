package org.enu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.enu.task.iaf.IafConfig;
import org.enu.task.stdp.StdpConfig;
import org.enu.task.tmaze.MazeConfig;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.task.TaskType;
import org.enu.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task sections bound by the settings records' component names. */
class RecordBinderTest {
    @TempDir
    Path tmp;

    private static void keys(Class<?> record, java.util.Set<String> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getType().isRecord()) {
                keys(c.getType(), out);
            } else {
                out.add(RecordBinder.snakeCase(c.getName()));
            }
        }
    }

    @Test
    void everySectionKeyIsOneRecordComponentAndBack() {
        for (String name : TaskRegistry.names()) {
            TaskType<?, ?> type = TaskRegistry.get(name);
            TreeSet<String> bound = new TreeSet<>();
            keys(type.settings(), bound);
            TreeSet<String> schema = new TreeSet<>(RunConfig.schema(name).section(name).map().keySet());
            assertEquals(schema, bound, name);
        }
    }

    @Test
    void snakeCaseOfComponentNames() {
        assertEquals("steps_per_action", RecordBinder.snakeCase("stepsPerAction"));
        assertEquals("environments", RecordBinder.snakeCase("environments"));
        assertEquals("output_noise_key", RecordBinder.snakeCase("outputNoiseKey"));
    }

    @Test
    void theBoundSettingsAreThePresetsValues() {
        TMazeConfig t = (TMazeConfig) RunConfig.resolve("tmaze", "quick", null, List.of()).settings();
        assertEquals(MazeConfig.Layout.DIRECT, t.maze().layout());
        assertEquals(4, t.wiringSeed());
        assertEquals(false, t.noisePerOffspring());
        assertEquals(true, t.meanIntegration());
        assertEquals(1, t.maze().foodsPerSwap());
        StdpConfig s = (StdpConfig) RunConfig.resolve("stdp", "quick", null, List.of("stdp.variant=plain")).settings();
        assertEquals(false, s.modulated());
    }

    @Test
    void aBadTaskValueIsRefusedWhenTheConfigurationIsResolved() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RunConfig.resolve("tmaze", "quick", null, List.of("tmaze.integration=median")));
        assertEquals("tmaze.integration: expected mean or sum, got 'median'", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> RunConfig.resolve("tmaze", "quick", null, List.of("tmaze.steps_per_action=0")));
        assertEquals("tmaze.steps_per_action: must be >= 1, got 0", e.getMessage());
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", null, List.of("iaf.loss=l2")));
        assertTrue(e.getMessage().startsWith("iaf.loss: expected isi, spike_distance or none"), e.getMessage());
    }

    /** A run directory's config.yaml written before a key existed loads with what that run trained with. */
    @Test
    void keysAnOlderConfigLacksTakeTheirDocumentedValues() throws IOException {
        TMazeConfig t = (TMazeConfig) load("tmaze", "tmaze.poison_green_probability=0.9", "tmaze",
                "poison_green_probability").settings();
        assertEquals(0.5, t.maze().poisonGreenProbability());
        IafConfig i = (IafConfig) load("iaf", "iaf.loss=spike_distance", "iaf", "loss", "distance_cap").settings();
        assertEquals(IafConfig.Loss.ISI, i.loss());
        assertEquals(8, i.distanceCap());
    }

    @Test
    void enumSettingsBindByTheirLowerCaseNamesAndListTheAllowedValues() {
        TMazeConfig t = (TMazeConfig) RunConfig.resolve("tmaze", "quick", null,
                List.of("tmaze.shuffle_sensors=colours", "tmaze.integration=sum")).settings();
        assertEquals(TMazeConfig.ShuffleSensors.COLOURS, t.shuffleSensors());
        assertEquals(TMazeConfig.Integration.SUM, t.integration());
        ConfigException e = assertThrows(ConfigException.class,
                () -> RunConfig.resolve("tmaze", "quick", null, List.of("tmaze.shuffle_sensors=some")));
        assertEquals("tmaze.shuffle_sensors: expected all, colours or none, got 'some'", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> RunConfig.resolve("stdp", "quick", null, List.of("stdp.variant=Plain")));
        assertEquals("stdp.variant: expected neuromodulated or plain, got 'Plain'", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> RunConfig.resolve("tmaze", "quick", null, List.of("tmaze.output_noise_key=both")));
        assertEquals("tmaze.output_noise_key: expected offspring or environment, got 'both'", e.getMessage());
    }

    /** Written back, an enum setting is its lower-case name again: config.yaml reads as it was written. */
    @Test
    void enumSettingsAreWrittenBackByName() {
        String yaml = RunConfig.resolve("tmaze", "quick", null, List.of("tmaze.wiring=paper")).tree().toYaml();
        assertTrue(yaml.contains("wiring: paper") && yaml.contains("layout: direct") && yaml.contains("starvation: hungry"),
                yaml);
        assertEquals(TMazeConfig.Wiring.PAPER, ((TMazeConfig) RunConfig.parse(yaml, "config.yaml").settings()).wiring());
    }

    /** The enu, es and strategy sections take a key an older config lacks from common.yaml, as a task's does. */
    @Test
    void everySectionTakesAMissingKeyFromItsDefaultsFile() throws IOException {
        ConfigTree tree = RunConfig.resolve("iaf", "quick", null, List.of("enu.cell_slope=2", "es.openai_es.beta1=0.5",
                "es.momentum=0.5")).tree();
        ((Map<?, ?>) tree.map().get("enu")).remove("cell_slope");
        ((Map<?, ?>) tree.map().get("es")).remove("momentum");
        ((Map<?, ?>) tree.map().get("es")).remove("openai_es");
        Path f = tmp.resolve("older.yaml");
        Files.writeString(f, tree.toYaml());
        RunConfig cfg = RunConfig.load(f);
        assertEquals(3f, cfg.cell().cellSlope());
        assertEquals(0.9f, cfg.es().momentum());
        assertEquals(tree.toYaml(), cfg.tree().toYaml(), "the tree (config.yaml and its digest) stays as it was");
    }

    @SuppressWarnings("unchecked")
    private RunConfig load(String task, String set, String section, String... drop) throws IOException {
        ConfigTree tree = RunConfig.resolve(task, "quick", null, List.of(set)).tree();
        Map<String, Object> s = (Map<String, Object>) tree.map().get(section);
        for (String k : drop) {
            s.remove(k);
        }
        Path f = tmp.resolve(task + ".yaml");
        Files.writeString(f, tree.toYaml());
        return RunConfig.load(f);
    }
}
