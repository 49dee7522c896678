package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One evolved genome judged in networks of other sizes and wirings: eval --set and enu sizes. */
class NetworkSizeTest {
    @TempDir
    Path tmp;

    private Path tmaze(String name, String wiring) {
        Path dir = tmp.resolve(name);
        CliTest.Result r = CliTest.enu("train", "tmaze", "--generations", "1", "--set", "es.offspring=4", "--set",
                "tmaze.environments=2", "--set", "tmaze.episode_steps=40", "--set", "enu.memory=4", "--set",
                "enu.outputs=4", "--set", "tmaze.wiring=" + wiring, "--set", "tmaze.layout=direct", "--no-progress",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        return dir;
    }

    @Test
    void evalAcceptsAnotherNetworkSizeAndWiringButNotAnotherGenomeShape() throws Exception {
        Path run = tmaze("random", "random");
        CliTest.Result same = CliTest.enu("eval", run.toString(), "--envs", "8", "--json");
        assertEquals(0, same.code(), same.err());
        CliTest.Result bigger = CliTest.enu("eval", run.toString(), "--envs", "8", "--json", "--set",
                "tmaze.hidden_neurons=6", "--set", "tmaze.synapses_per_neuron=12", "--set", "tmaze.wiring_seed=5");
        assertEquals(0, bigger.code(), bigger.err());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertNotEquals(json.readTree(same.out()).path("trained"), json.readTree(bigger.out()).path("trained"),
                "another network plays differently");
        CliTest.Result paper = CliTest.enu("eval", run.toString(), "--envs", "8", "--set", "tmaze.wiring=paper");
        assertEquals(0, paper.code(), paper.err());
        CliTest.Result shape = CliTest.enu("eval", run.toString(), "--envs", "8", "--set", "enu.memory=8");
        assertEquals(2, shape.code());
        assertTrue(shape.err().startsWith("enu: error: --set enu.memory: changes the genome's shape"), shape.err());
        CliTest.Result tooMany = CliTest.enu("eval", run.toString(), "--set", "tmaze.synapses_per_neuron=99");
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().contains("synapses_per_neuron"), tooMany.err());
    }

    @Test
    void sizesPrintsOneRowPerNetworkAndDrawsThem() throws Exception {
        Path run = tmaze("sized", "random");
        CliTest.Result r = CliTest.enu("sizes", run.toString(), "--scales", "1,2", "--wiring-seeds", "1,2", "--envs", "4");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("| 1x") || l.startsWith("| 2x")).toList();
        assertEquals(4, rows.size(), r.out());
        // 3 hidden neurons and 8 synapses per neuron; twice that is 6 and 13 (all 13 neurons: capped)
        assertTrue(rows.get(0).startsWith("| 1x | 3 | 8 | 1 |"), rows.get(0));
        assertTrue(rows.get(3).startsWith("| 2x | 6 | 13 | 2 |"), rows.get(3));
        assertTrue(r.out().contains("| side_learner |") && r.out().contains("| oracle |"), r.out());
        assertTrue(Files.size(run.resolve("plots").resolve("sizes.png")) > 1000);

        // keeping the trained density instead: 8 of 10 neurons, so 10 of 13 at twice the hidden neurons
        CliTest.Result dense = CliTest.enu("sizes", run.toString(), "--scales", "2", "--wiring-seeds", "1", "--envs", "4",
                "--no-plot", "--synapses", "density");
        assertEquals(0, dense.code(), dense.err());
        assertTrue(dense.out().contains("| 2x | 6 | 10 | 1 |"), dense.out());
        CliTest.Result bad = CliTest.enu("sizes", run.toString(), "--synapses", "more");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--synapses: expected scale or density"), bad.err());

        // the 1x row with the run's own seed is what enu eval says, variants included
        CliTest.Result own = CliTest.enu("sizes", run.toString(), "--scales", "1", "--wiring-seeds", "1", "--envs", "4",
                "--no-plot", "--set", "tmaze.swap_probability=1");
        assertEquals(0, own.code(), own.err());
        CliTest.Result eval = CliTest.enu("eval", run.toString(), "--envs", "4", "--json", "--set",
                "tmaze.swap_probability=1");
        double fitness = new com.fasterxml.jackson.databind.ObjectMapper().readTree(eval.out()).path("trained")
                .path("fitness").asDouble();
        String row = own.out().lines().filter(l -> l.startsWith("| 1x")).findFirst().orElseThrow();
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", fitness), row.split("\\|", -1)[8].strip(), row);
    }

    @Test
    void sizesRefusesWhatItCannotScale() {
        Path paper = tmaze("paper", "paper");
        CliTest.Result r = CliTest.enu("sizes", paper.toString(), "--no-plot");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("only random wiring has a size"), r.err());
        assertFalse(Files.exists(paper.resolve("plots")));
        Path random = tmaze("bad-scale", "random");
        CliTest.Result s = CliTest.enu("sizes", random.toString(), "--scales", "0");
        assertEquals(2, s.code());
        assertTrue(s.err().contains("--scales: each must be in 1..64"), s.err());
        Path iaf = tmp.resolve("iaf");
        assertEquals(0, CliTest.enu(CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--generations", "1",
                "--out", iaf.toString()))).code());
        CliTest.Result i = CliTest.enu("sizes", iaf.toString());
        assertEquals(2, i.code());
        assertTrue(i.err().contains("sizes needs a T-maze run"), i.err());
    }
}
