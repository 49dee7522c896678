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

    /**
     * Whether a genome of this layout fits units of {@code other}: the same kinds, offsets and
     * shapes; the math the units are stepped with ({@code enu.math}) is the run's setting, not
     * the genome's ({@link EnuSpec#sameShape}).
     */
    public boolean sameShape(GenomeLayout other) {
        if (parts.size() != other.parts.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            Part a = parts.get(i), b = other.parts.get(i);
            if (!a.name().equals(b.name()) || a.offset() != b.offset() || !a.spec().sameShape(b.spec())) {
                return false;
            }
        }
        return true;
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
