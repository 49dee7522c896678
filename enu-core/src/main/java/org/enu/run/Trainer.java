package org.enu.run;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.enu.es.EsState;
import org.enu.es.Population;
import org.enu.es.Strategy;
import org.enu.eval.Evaluator;

/** The generation loop: ask, evaluate, tell, notify; nothing else. */
public final class Trainer {
    private Trainer() {
    }

    /**
     * Runs generations from {@code state.generation()} up to (not including) {@code until}.
     *
     * @param stop checked between generations; true ends the loop early
     * @return the last state
     */
    public static EsState run(Strategy strategy, Evaluator evaluator, EsState state, int until,
                              List<RunListener> listeners, BooleanSupplier stop) {
        return run(g -> strategy, g -> evaluator, state, until, listeners, stop);
    }

    /** One generation's outcome: its statistics and the state that follows it. */
    record Step(GenerationStats stats, EsState next) {
    }

    /** One generation: ask, evaluate, tell (the update in the evaluator's threads), timed. */
    static Step step(Strategy strategy, Evaluator evaluator, EsState state) {
        long t0 = System.nanoTime();
        Population pop = strategy.ask(state);
        double[] fitness = evaluator.evaluate(state.theta(), pop);
        EsState next = evaluator.update(() -> strategy.tell(state, pop, fitness));
        return new Step(GenerationStats.of(state.generation(), fitness, (System.nanoTime() - t0) * 1e-9), next);
    }

    /**
     * Runs generations with the strategy and evaluator that each generation asks for (a
     * curriculum changes them between stages; the strategy state carries over).
     */
    public static EsState run(IntFunction<Strategy> strategies, IntFunction<Evaluator> evaluators, EsState state,
                              int until, List<RunListener> listeners, BooleanSupplier stop) {
        for (RunListener l : listeners) {
            l.started(state, until);
        }
        while (state.generation() < until && !stop.getAsBoolean()) {
            Step s = step(strategies.apply(state.generation()), evaluators.apply(state.generation()), state);
            for (RunListener l : listeners) {
                l.generation(s.stats(), s.next());
            }
            state = s.next();
        }
        for (RunListener l : listeners) {
            l.finished(state);
        }
        return state;
    }
}
