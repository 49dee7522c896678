package org.enu.run;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.enu.config.ConfigException;
import org.enu.io.Genome;
import org.enu.io.Sha256;
import org.enu.task.GenomeLayout;

/**
 * A genome a new run starts from (`enu train --init-from`), with where it came from: for
 * continuing a search under other settings (a later curriculum stage, another strategy) without
 * repeating the generations that found it.
 *
 * @param source  the file or run directory it was read from, as the user named it
 * @param genome  the genome (checked by its reader)
 */
public record InitialGenome(String source, Genome genome) {

    /** Refuses a genome of another task or another layout, naming the option. */
    void checkFits(String task, GenomeLayout layout) {
        if (!genome.task().equals(task)) {
            throw new ConfigException("--init-from: " + source + " holds a genome of task '" + genome.task()
                    + "', this run trains '" + task + "'");
        }
        if (!genome.layout().sameShape(layout)) {
            throw new ConfigException("--init-from: " + source + " has " + genome.layout().parameterCount()
                    + " parameters in another layout than this run's (" + layout.parameterCount()
                    + "): the enu settings and the wiring must match");
        }
    }

    /**
     * What run.json records: the source, the genome's generation, its checksum (which also covers
     * how it was stored: a genome read from a checkpoint has no provenance) and the SHA-256 of its
     * parameters alone (their IEEE-754 bits, big-endian), which is the same however it was read.
     */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("generation", genome.generation());
        m.put("checksum", genome.checksum());
        m.put("parameters_sha256", parametersSha256(genome.parameters()));
        return m;
    }

    /** SHA-256 of the parameters' IEEE-754 bits, big-endian, as lowercase hex. */
    static String parametersSha256(float[] p) {
        ByteBuffer b = ByteBuffer.allocate(4 * p.length);
        for (float v : p) {
            b.putInt(Float.floatToRawIntBits(v));
        }
        return Sha256.hex(b.array());
    }
}
