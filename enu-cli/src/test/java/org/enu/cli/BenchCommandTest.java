package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code enu bench} at a tiny size: the figures' spreads, the T-maze sizes, fresh JVMs. */
class BenchCommandTest {
    private static final String[] TINY = {"--seconds", "0.02", "--repeats", "2", "--generations", "2",
        "--set", "es.offspring=8", "--set", "iaf.environments=2", "--set", "iaf.steps=20"};

    private static String[] args(String... more) {
        return CliTest.concat(CliTest.concat(new String[] {"bench"}, TINY), more);
    }

    @Test
    void everyFigureHasAnOrderedSpreadAndAFractionOfThePeak() throws Exception {
        CliTest.Result r = CliTest.enu(args("--json", "--tasks", "iaf"));
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        JsonNode spread = o.get("spread");
        assertTrue(spread.has("peak_gflops_per_core"));
        assertEquals(BenchCommand.shapes().size() + 3 + o.get("generation_seconds").get("iaf").size()
                + o.get("generation_seconds").get("iaf_fast").size(), spread.size(),
                "peak, the nonlinear part of each math, every kernel shape, every thread count of iaf with each math");
        assertTrue(spread.has("nonlinear_ns_per_cell_fast"));
        assertTrue(o.get("peak_fraction").get("iaf_fast_1t").asDouble() > 0);
        assertEquals(o.get("peak_fraction").get("iaf_fast_1t").asDouble() / o.get("ceiling_fraction").get("iaf_fast_1t").asDouble(),
                o.get("fraction_of_ceiling").get("iaf_fast_1t").asDouble(), 1e-12);
        // the fast ceiling comes from the fast nonlinear part
        double nsFast = o.get("nonlinear_ns_per_cell_fast").asDouble();
        assertTrue(o.get("ceiling_fraction").get("iaf_fast_1t").asDouble() != o.get("ceiling_fraction").get("iaf_1t").asDouble()
                || nsFast == o.get("nonlinear_ns_per_cell").asDouble());
        spread.properties().forEach(e -> {
            JsonNode s = e.getValue();
            double min = s.get("min").asDouble(), med = s.get("median").asDouble(), max = s.get("max").asDouble();
            assertTrue(min > 0 && min <= med && med <= max, e.getKey() + ": " + s);
            assertEquals(2, s.get("repeats").asInt(), e.getKey());
        });
        assertEquals(o.get("generation_seconds").get("iaf").get("1").asDouble(),
                spread.get("generation_seconds.iaf.1").get("median").asDouble());
        assertTrue(o.get("peak_fraction").get("iaf_1t").asDouble() > 0);
        assertEquals(o.get("peak_fraction").size(), o.get("ceiling_fraction").size(), "a ceiling beside every fraction");
        o.get("ceiling_fraction").properties().forEach(e -> assertTrue(
                e.getValue().asDouble() > 0 && e.getValue().asDouble() < 1, e.getKey() + ": " + e.getValue()));
        assertTrue(o.get("ceiling_fraction").get("single_iaf_m8_32x14").asDouble()
                < o.get("ceiling_fraction").get("single_iaf_32x50").asDouble(), "memory 8 leaves less room than 32");
    }

    @Test
    void theTmazeSizesRunWithEveryAgentAliveAndPrintATable() {
        CliTest.Result r = CliTest.enu(args("--tasks", "tmaze_m8", "--set", "tmaze.environments=1",
                "--set", "tmaze.episode_steps=8"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("enu.memory=8, enu.outputs=4, tmaze.energy_max=1000"), r.err());
        assertTrue(r.out().contains("generation s, tmaze_m8, 1 thread(s)"), r.out());
        assertTrue(r.out().contains("kernel GFLOP/s, tmaze_m8_synapse_384x21"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FMA peak GFLOP/s per core")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("nonlinear part of a step, ns per cell")), r.out());
        assertTrue(r.out().contains("(ceiling "), r.out());
        assertTrue(r.out().contains("generation s, tmaze_m8_fast, 1 thread(s)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("nonlinear part, fast math, ns per cell")), r.out());
        assertTrue(r.out().contains("% of it)"), r.out());
    }

    @Test
    void aBadMathIsRefusedOnOneLine() {
        CliTest.Result r = CliTest.enu(args("--tasks", "iaf", "--math", "exact,quick"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--math: must be exact or fast, got 'quick'"), r.err());
    }

    @Test
    void allNamesEveryTaskAndTheThreeTmazeSizes() {
        List<String> names = BenchCommand.cases("all").stream().map(BenchCommand.Case::name).toList();
        // echo: the task the tests register (TestOnlyTaskTest); every task's bench cases, in name order
        assertEquals(List.of("echo", "iaf", "stdp", "tmaze_m8", "tmaze_m16", "tmaze_m32"), names);
        assertEquals(List.of("enu.memory=16", "enu.outputs=8", "tmaze.energy_max=1000"),
                BenchCommand.cases("tmaze_m16").get(0).overrides());
    }

    @Test
    void forksRunTheBenchInFreshJvmsAndCompareTheirMedians() throws Exception {
        CliTest.Result r = CliTest.enu(args("--json", "--tasks", "iaf", "--forks", "2"));
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(2, o.get("forks").asInt());
        assertEquals(2, o.get("runs").size());
        JsonNode peak = o.get("figures").get("peak_gflops_per_core");
        assertEquals(2, peak.get("per_jvm").size());
        for (int f = 0; f < 2; f++) {
            assertEquals(o.get("runs").get(f).get("spread").get("peak_gflops_per_core").get("median").asDouble(),
                    peak.get("per_jvm").get(f).asDouble(), "the figure of JVM " + f);
        }
        double dev = peak.get("max_deviation").asDouble();
        double med = peak.get("median").asDouble();
        assertEquals(Math.max(med - peak.get("min").asDouble(), peak.get("max").asDouble() - med) / med, dev, 1e-12);
    }
}
