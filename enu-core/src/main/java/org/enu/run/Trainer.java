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
            long t0 = System.nanoTime();
            Strategy strategy = strategies.apply(state.generation());
            Population pop = strategy.ask(state);
            Evaluator evaluator = evaluators.apply(state.generation());
            double[] fitness = evaluator.evaluate(state.theta(), pop);
            EsState current = state;
            EsState next = evaluator.update(() -> strategy.tell(current, pop, fitness));
            GenerationStats stats = GenerationStats.of(state.generation(), fitness, (System.nanoTime() - t0) * 1e-9);
            for (RunListener l : listeners) {
                l.generation(stats, next);
            }
            state = next;
        }
        for (RunListener l : listeners) {
            l.finished(state);
        }
        return state;
    }
}
