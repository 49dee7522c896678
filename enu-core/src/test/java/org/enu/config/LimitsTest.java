package org.enu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes that would exhaust memory, overflow a count or hang are refused before anything runs. */
class LimitsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "iaf   | es.offspring=1e9                        | es.offspring: must be at most 100000",
        "iaf   | es.offspring=100002                     | es.offspring: must be at most 100000",
        "iaf   | iaf.environments=1000000000             | iaf.environments: must be at most 10000",
        "iaf   | iaf.steps=1000000000                    | iaf.steps: must be at most 100000",
        "iaf   | iaf.environments=5000,iaf.steps=1000    | exceed the limit of 4000000 environment-steps",
        "iaf   | enu.memory=1000000                      | enu.memory: must be at most 512",
        "iaf   | enu.memory=10000                        | enu.memory: must be at most 512",
        "iaf   | enu.outputs=100000                      | enu.outputs: must be at most 512",
        "stdp  | stdp.steps=200000                       | stdp.steps: must be at most 100000",
        "stdp  | stdp.environments=20000                 | stdp.environments: must be at most 10000",
        "tmaze | tmaze.episode_steps=400000              | tmaze.episode_steps: must be at most 100000",
        "tmaze | tmaze.environments=10001                | tmaze.environments: must be at most 10000",
        "tmaze | tmaze.hidden_neurons=5000               | tmaze.hidden_neurons: must be at most 1024",
        "iaf   | threads=5000                            | threads: must be at most 1024",
        "iaf   | generations=1e10                        | generations: out of range",
    })
    void oversizedSettingsAreRefused(String task, String sets, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () ->
                RunConfig.resolve(task, "quick", null, List.of(sets.split(","))).newTask());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theLargestAllowedUnitStillHasAPositiveParameterCount() {
        RunConfig c = RunConfig.resolve("iaf", "quick", null, List.of("enu.memory=512", "enu.outputs=16"));
        long p = c.newTask().layout().parameterCount();
        assertTrue(p > 0 && p <= Limits.MAX_PARAMETERS, "parameters " + p);
        // memory and outputs at their caps together would exceed the parameter limit: refused, counted in 64 bits
        ConfigException e = assertThrows(ConfigException.class, () ->
                Limits.checkParameters("enu.memory", 4, 100_000, 100_000, true));
        assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
    }

    @Test
    void threadsNeverExceedTheWorkItemsOfAGeneration() {
        RunConfig c = RunConfig.resolve("iaf", "quick", null, List.of("threads=1000", "es.offspring=16"));
        assertEquals(8, c.effectiveThreads(), "16 antithetic offspring are 8 noise vectors");
        c = RunConfig.resolve("iaf", "quick", null, List.of("threads=1000", "es.offspring=6", "es.antithetic=false"));
        assertEquals(6, c.effectiveThreads());
        c = RunConfig.resolve("iaf", "quick", null, List.of("threads=3", "es.offspring=64"));
        assertEquals(3, c.effectiveThreads());
    }

    @Test
    void aRunThatCannotFitInTheHeapIsRefusedBeforeItStarts() {
        RunConfig big = RunConfig.resolve("iaf", "quick", null, List.of("threads=1000", "iaf.environments=10000",
                "iaf.steps=400", "es.offspring=4000"));
        long p = big.newTask().layout().parameterCount();
        long need = Limits.estimateBytes(big, p, big.effectiveThreads(), 10_000);
        assertTrue(need > 100L << 30, "1000 threads x 4M environment-steps: " + (need >> 20) + " MB");
        ConfigException e = assertThrows(ConfigException.class, () -> Limits.checkMemory(big, p,
                big.effectiveThreads(), 10_000, 8L << 30));
        assertTrue(e.getMessage().startsWith("threads: 1000 evaluation threads with 10000 environments each need about "),
                e.getMessage());
        assertTrue(e.getMessage().contains("more than the 8192 MB the JVM may use"), e.getMessage());
        RunConfig quick = RunConfig.resolve("tmaze", "quick", null, List.of("threads=2"));
        long pq = quick.newTask().layout().parameterCount();
        Limits.checkMemory(quick, pq, 2, 4, 256L << 20); // the quick T-maze fits in 256 MB
        assertTrue(Limits.estimateBytes(quick, pq, 2, 4) < 64L << 20);
    }

    @Test
    void evaluationEnvironmentsAreBounded() {
        ConfigException e = assertThrows(ConfigException.class, () -> Limits.checkEvalEnvironments("--envs",
                2_000_000_000L, 100));
        assertTrue(e.getMessage().startsWith("--envs: must be at most 100000"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Limits.checkEvalEnvironments("--envs", 90_000, 100_000));
        assertTrue(e.getMessage().contains("environment-steps"), e.getMessage());
        Limits.checkEvalEnvironments("--envs", 256, 400);
    }
}
