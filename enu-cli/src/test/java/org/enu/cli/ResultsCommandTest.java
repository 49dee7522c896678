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
        // a folder the document has no markers for is printed, left out of the document and unwritten
        Path other = Files.createDirectories(results.resolve("other"));
        for (String f : new String[] {"genome.json", "config.yaml"}) {
            Files.copy(run.resolve(f), other.resolve(f));
        }
        r = CliTest.enu("results", results.toString(), "--write", doc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 1 tables to") && r.out().contains("no markers for other: left out"), r.out());
        assertTrue(r.out().contains("`results/other`"), r.out());
        assertEquals(text, Files.readString(doc));
        assertFalse(Files.exists(other.resolve("eval.json")));
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
        assertTrue(r.err().contains("has no markers <!-- enu results NAME -->"), r.err());
        assertEquals("no markers here\n", Files.readString(doc), "nothing written");
        assertFalse(Files.exists(exp.resolve("eval.json")), "nothing written");
    }
}
