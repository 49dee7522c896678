package org.enu.es;

import java.util.List;

/**
 * An evolution strategy as explicit-state ask / tell: {@link #ask} turns a state into the
 * generation's offspring (as keys), {@link #tell} turns the state, those offspring and their
 * fitness into the next state. Implementations hold only settings, never run state; the state
 * vectors they keep beside the centre ({@link EsState#buffers}) are named by {@link #buffers} and
 * go into the checkpoint.
 */
public interface Strategy {
    /** The strategy's name, the value of es.strategy. */
    String name();

    /** Names of the state vectors, in the order of {@link EsState#buffers}. */
    List<String> buffers();

    /** Length of each state vector for n parameters. */
    int[] bufferLengths(int n);

    /** A first state around the given starting parameters. */
    EsState init(float[] theta0, long seed);

    /** The offspring of the state's generation. */
    Population ask(EsState state);

    /**
     * The next state.
     *
     * @param state   the state the offspring were asked from (not modified)
     * @param pop     the offspring {@link #ask} gave for that state
     * @param fitness one value per offspring, higher is better (not modified)
     */
    EsState tell(EsState state, Population pop, double[] fitness);

    /**
     * Checks that a state (read from a checkpoint) has this strategy's state vectors.
     *
     * @throws IllegalArgumentException naming the first mismatch
     */
    default void checkState(EsState state) {
        int[] lengths = bufferLengths(state.theta().length);
        if (state.buffers().length != lengths.length) {
            throw new IllegalArgumentException(name() + " keeps " + lengths.length + " state vectors ("
                    + String.join(", ", buffers()) + "), the state has " + state.buffers().length);
        }
        for (int b = 0; b < lengths.length; b++) {
            if (state.buffers()[b].length != lengths[b]) {
                throw new IllegalArgumentException(name() + ": " + buffers().get(b) + " has " + state.buffers()[b].length
                        + " values, expected " + lengths[b]);
            }
        }
    }
}
