package org.enu.run;

import org.enu.es.EsState;

/** Observes a training run: progress bars, logs and checkpoints subscribe; the loop never prints. */
public interface RunListener {
    /** Before the first generation of this process (state.generation() may be > 0 on resume). */
    default void started(EsState state, int untilGeneration) {
    }

    /** After each generation, with the state that follows it. */
    void generation(GenerationStats stats, EsState next);

    /**
     * Before {@link #generation} in a staged run: where the stages stand, in words ("stage 2/3
     * colour, poison_reeat_rate 0.12 (best 0.08)").
     */
    default void stageStatus(String status) {
    }

    /** After the last generation of this process. */
    default void finished(EsState state) {
    }
}
