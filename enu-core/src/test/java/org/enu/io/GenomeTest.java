package org.enu.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.enu.cell.EnuSpec;
import org.enu.rng.KeyedRandom;
import org.enu.task.GenomeLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenomeTest {
    @TempDir
    Path tmp;

    private static Genome sample() {
        EnuSpec a = new EnuSpec(32, 8, 4, true, 3f, 1f, 3f, false, 0.01f);
        EnuSpec b = new EnuSpec(4, 8, 4, false, 1f, 0f, 1f, true, 0f);
        GenomeLayout layout = GenomeLayout.of(new String[] {"synapse", "neuron"}, new EnuSpec[] {a, b});
        float[] p = new float[layout.parameterCount()];
        KeyedRandom r = new KeyedRandom(3);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6));
        }
        p[0] = Float.MIN_VALUE;
        p[1] = -Float.MAX_VALUE;
        p[2] = 0.1f;
        return new Genome("tmaze", 12, layout, p, Map.of("seed", 1), Map.of("task", "tmaze"));
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        Genome g = sample();
        Path f = tmp.resolve("g.json");
        g.write(f);
        Genome back = Genome.read(f);
        assertArrayEquals(g.parameters(), back.parameters(), 0f);
        assertEquals(g.layout(), back.layout());
        assertEquals(12, back.generation());
        assertEquals("tmaze", back.task());
    }

    @Test
    void badFieldsAreNamed() throws IOException {
        Path f = tmp.resolve("g.json");
        String good = sample().toJson();
        expect(f, good.replace("\"memory\" : 8", "\"memory\" : 0"), "layout[0].memory");
        expect(f, good.replace("\"format\" : \"enu-genome\"", "\"format\" : \"x\""), "format");
        expect(f, good.replace("\"count\" : ", "\"count\" : 1"), "layout[0].count");
        expect(f, good.replace("\"parameters\" : [ ", "\"parameters\" : [ 1.0, "), "parameters: the layout needs");
        expect(f, good.replace("\"parameters\" : [ ", "\"parameters\" : [ \"a\", ").replaceFirst(", [-0-9.eE]+ ]", " ]"),
                "parameters[0]");
        expect(f, good.substring(0, good.length() / 2), "not valid JSON");
        expect(f, "[]", "not a genome");
    }

    private static void expect(Path f, String text, String fragment) throws IOException {
        Files.writeString(f, text);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Genome.read(f));
        assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
    }
}
