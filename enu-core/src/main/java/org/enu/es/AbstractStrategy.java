package org.enu.es;

import java.util.List;

/**
 * The work every strategy shares: the population of a state (keyed noise, antithetic pairs, the
 * centre as offspring 0), the checks on a fitness vector, and the best fitness so far. A
 * strategy supplies its first state vectors, its perturbation scale and its update.
 */
public abstract class AbstractStrategy implements Strategy {
    /** The first offspring that takes part in the updates other than the paper's: the centre does not. */
    protected static final int PERTURBED = 1;
    protected final EsParams params;
    private final String name;
    private final List<String> buffers;

    /**
     * @param name    the es.strategy value
     * @param buffers names of the state vectors
     */
    protected AbstractStrategy(EsParams params, String name, List<String> buffers) {
        this.params = params;
        this.name = name;
        this.buffers = List.copyOf(buffers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> buffers() {
        return buffers;
    }

    /** One value per parameter in every state vector, unless a strategy says otherwise. */
    @Override
    public int[] bufferLengths(int n) {
        int[] l = new int[buffers.size()];
        java.util.Arrays.fill(l, n);
        return l;
    }

    /** The state vectors of a run that starts at theta0. */
    protected abstract float[][] initialBuffers(float[] theta0);

    /** A vector of n copies of v. */
    protected static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    /** The per-parameter perturbation scale of a state, or null (the default) for es.sigma everywhere. */
    protected float[] scale(EsState state) {
        return null;
    }

    /** The new centre and state vectors: result[0] is theta, the rest the buffers. */
    protected abstract float[][] update(EsState state, Population pop, double[] fitness);

    @Override
    public EsState init(float[] theta0, long seed) {
        return new EsState(seed, 0, theta0.clone(), initialBuffers(theta0), Double.NaN, -1);
    }

    @Override
    public Population ask(EsState state) {
        return new Population(state.seed(), state.generation(), params.offspring(), params.sigma(),
                params.antithetic(), scale(state));
    }

    @Override
    public EsState tell(EsState state, Population pop, double[] fitness) {
        if (fitness.length != pop.size()) {
            throw new IllegalArgumentException("expected " + pop.size() + " fitness values, got " + fitness.length);
        }
        if (pop.generation() != state.generation() || pop.seed() != state.seed()) {
            throw new IllegalArgumentException("the population is of generation " + pop.generation()
                    + ", the state of " + state.generation());
        }
        float[][] next = update(state, pop, fitness);
        float[][] buffers = new float[next.length - 1][];
        System.arraycopy(next, 1, buffers, 0, buffers.length);
        double best = state.bestFitness();
        int bestGen = state.bestGeneration();
        for (double v : fitness) {
            if (Double.isFinite(v) && (Double.isNaN(best) || v > best)) {
                best = v;
                bestGen = state.generation();
            }
        }
        return new EsState(state.seed(), state.generation() + 1, next[0], buffers, best, bestGen);
    }
}
