package org.enu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enu.es.StrategyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** es.strategy and the strategies' settings are validated when the configuration is resolved. */
class StrategyConfigTest {

    private static String refused(String... sets) {
        return assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", null, List.of(sets)))
                .getMessage();
    }

    @Test
    void theDefaultIsThePapersStrategyAndEveryNameResolves() {
        assertEquals("rank_momentum", RunConfig.resolve("iaf", "quick", null, List.of()).strategy().name());
        for (String name : StrategyRegistry.NAMES) {
            for (String task : RunConfig.TASKS) {
                assertEquals(name, RunConfig.resolve(task, "quick", null, List.of("es.strategy=" + name)).strategy()
                        .name());
            }
        }
    }

    @Test
    void badValuesAreRefusedOnOneLineNamingTheKey() {
        assertEquals("es.strategy: unknown strategy 'cma' (known: rank_momentum, openai_es, pgpe, snes, sep_cma_es)",
                refused("es.strategy=cma"));
        assertEquals("es.openai_es.beta1: must be in [0, 1), got 1.0", refused("es.strategy=openai_es",
                "es.openai_es.beta1=1"));
        assertEquals("es.openai_es.learning_rate: must be a finite number > 0, got 0.0",
                refused("es.strategy=openai_es", "es.openai_es.learning_rate=0"));
        assertEquals("es.pgpe.max_speed: must be a finite number > 0, got -1.0", refused("es.strategy=pgpe",
                "es.pgpe.max_speed=-1"));
        assertEquals("es.antithetic: pgpe samples symmetric pairs; must be true", refused("es.strategy=pgpe",
                "es.antithetic=false"));
        assertEquals("es.snes.sigma_learning_rate: must be a finite number >= 0, got -0.5", refused("es.strategy=snes",
                "es.snes.sigma_learning_rate=-0.5"));
        assertEquals("es.sep_cma_es.mean_learning_rate: must be a finite number > 0, got 0.0",
                refused("es.strategy=sep_cma_es", "es.sep_cma_es.mean_learning_rate=0"));
        assertEquals("es.pgpe.speed: unknown key (known here: center_learning_rate, max_speed, momentum, "
                + "sigma_learning_rate, max_sigma_change)", refused("es.pgpe.speed=1"));
    }

    @TempDir
    Path tmp;

    @Test
    void aCurriculumStageCannotChangeTheStrategy() throws IOException {
        List<String> sets = new ArrayList<>(List.of("es.strategy=snes"));
        Path file = Files.writeString(tmp.resolve("c.yaml"), "curriculum:\n  - from: 0\n    set: {es.strategy: pgpe}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.resolve("tmaze", "quick", file,
                sets));
        assertEquals("curriculum[0].set.es.strategy: cannot change between stages (each strategy keeps a state of "
                + "its own)", e.getMessage());
        // settings of the same strategy may change
        assertEquals("snes", RunConfig.resolve("tmaze", "quick", null, sets).atGeneration(400).strategy().name());
    }
}
