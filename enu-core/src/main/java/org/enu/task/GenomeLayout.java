package org.enu.task;

import java.util.ArrayList;
import java.util.List;
import org.enu.cell.EnuInit;
import org.enu.cell.EnuSpec;
import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;

/**
 * Which ENU kinds a genome holds and where each kind's parameters start: a single kind ("cell")
 * for the single-unit tasks, "synapse" then "neuron" for a network. The genome is the
 * concatenation of the kinds' flat parameter vectors.
 */
public record GenomeLayout(List<Part> parts) {

    /** One ENU kind: its name, spec and offset in the genome. */
    public record Part(String name, EnuSpec spec, int offset) {
    }

    public GenomeLayout {
        parts = List.copyOf(parts);
    }

    /** A layout of the given kinds in order. */
    public static GenomeLayout of(String[] names, EnuSpec[] specs) {
        List<Part> list = new ArrayList<>();
        int off = 0;
        for (int i = 0; i < names.length; i++) {
            list.add(new Part(names[i], specs[i], off));
            off += specs[i].parameterCount();
        }
        return new GenomeLayout(list);
    }

    public int parameterCount() {
        Part last = parts.get(parts.size() - 1);
        return last.offset() + last.spec().parameterCount();
    }

    public Part part(String name) {
        for (Part p : parts) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no ENU kind named " + name);
    }

    /** Orthogonal starting parameters, keyed by the run seed. */
    public float[] initialParameters(long seed) {
        float[] theta = new float[parameterCount()];
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            EnuInit.orthogonal(p.spec(), theta, p.offset(), new KeyedRandom(Keys.of(seed, Keys.STREAM_INIT, i)));
        }
        return theta;
    }
}
