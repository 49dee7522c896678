package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enu results}: tables regenerated from committed genomes, bad input refused in one line. */
class ResultsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheTablesBetweenTheMarkersAndEvalJson() throws IOException {
        Path results = tmp.resolve("results");
        Path run = tmp.resolve("run");
        CliTest.Result r = CliTest.enu(CliTest.concat(new String[] {"train", "iaf"},
                CliTest.tiny("--generations", "2", "--out", run.toString())));
        assertEquals(0, r.code(), r.err());
        Path exp = Files.createDirectories(results.resolve("iaf"));
        for (String f : new String[] {"genome.json", "config.yaml", "metrics.jsonl"}) {
            Files.copy(run.resolve(f), exp.resolve(f));
        }
        Path doc = tmp.resolve("RESULTS.md");
        Files.writeString(doc, "# Results\n\nbefore\n<!-- enu results iaf -->\nold table\n<!-- end enu results iaf -->\nafter\n");
        r = CliTest.enu("results", results.toString(), "--write", doc.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(doc);
        assertFalse(text.contains("old table"));
        assertTrue(text.startsWith("# Results\n\nbefore\n<!-- enu results iaf -->\n`results/iaf`, generation 2, 256 held-out"),
                text);
        assertTrue(text.contains("| `spike_f1_corrected` |"), text);
        assertTrue(text.endsWith("<!-- end enu results iaf -->\nafter\n"), text);
        assertTrue(Files.readString(exp.resolve("eval.json")).contains("\"spike_f1_chance\""));
        // the same command again changes nothing: the tables are a function of the genomes
        r = CliTest.enu("results", results.toString(), "--write", doc.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(text, Files.readString(doc));
        // printed without --write
        r = CliTest.enu("results", results.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| `spike_f1` |"), r.out());
    }

    @Test
    void refusesADocWithoutMarkersAndAnEmptyDirectory() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliTest.Result r = CliTest.enu("results", empty.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("enu: error: ") && r.err().contains("holds no experiment"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Path results = tmp.resolve("results");
        Path run = tmp.resolve("run");
        assertEquals(0, CliTest.enu(CliTest.concat(new String[] {"train", "iaf"},
                CliTest.tiny("--generations", "1", "--out", run.toString()))).code());
        Path exp = Files.createDirectories(results.resolve("iaf"));
        Files.copy(run.resolve("genome.json"), exp.resolve("genome.json"));
        Files.copy(run.resolve("config.yaml"), exp.resolve("config.yaml"));
        Path doc = tmp.resolve("doc.md");
        Files.writeString(doc, "no markers here\n");
        r = CliTest.enu("results", results.toString(), "--write", doc.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no markers <!-- enu results iaf -->"), r.err());
        assertEquals("no markers here\n", Files.readString(doc), "nothing written");
        assertFalse(Files.exists(exp.resolve("eval.json")), "nothing written");
    }
}
