package org.enu.run;

import org.enu.es.EsState;

/** Observes a training run: progress bars, logs and checkpoints subscribe; the loop never prints. */
public interface RunListener {
    /** Before the first generation of this process (state.generation() may be > 0 on resume). */
    default void started(EsState state, int untilGeneration) {
    }

    /** After each generation, with the state that follows it. */
    void generation(GenerationStats stats, EsState next);

    /** After the last generation of this process. */
    default void finished(EsState state) {
    }
}
