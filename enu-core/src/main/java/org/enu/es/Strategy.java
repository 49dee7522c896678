package org.enu.es;

/**
 * An evolution strategy as explicit-state ask / tell: {@link #ask} turns a state into the
 * generation's offspring (as keys), {@link #tell} turns the state and the offspring's fitness into
 * the next state. Implementations hold only settings, never run state.
 */
public interface Strategy {
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
}
