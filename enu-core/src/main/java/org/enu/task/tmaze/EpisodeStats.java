package org.enu.task.tmaze;

/**
 * Statistics of one finished (or partly played) episode. The arm choices (moves from the
 * junction into an arm) are counted per phase: before the first poison, after it, and after a
 * swap that followed it; {@code *Food} of them went into the arm that held the food. The visits to
 * the poison (the agent had it in sight; {@link MazeScore#poisonVisit}) are counted before and after
 * the first poison, with those that ended by eating it, and separately those after the first
 * poison but before any food ({@link MazeScore#poisonVisitsBeforeFood}).
 */
public record EpisodeStats(double fitness, int foods, int poisons, int poisonsAfterFirst, int stepsAlive,
                           int choicesBefore, int foodChoicesBefore, int choicesAfter, int foodChoicesAfter,
                           int choicesSwap, int foodChoicesSwap, int poisonVisitsBefore, int poisonEatenBefore,
                           int poisonVisitsAfter, int poisonEatenAfter, int poisonVisitsBeforeFood,
                           int poisonEatenBeforeFood) {
    /** Without arm choices and poison visits (all 0). */
    public EpisodeStats(double fitness, int foods, int poisons, int poisonsAfterFirst, int stepsAlive) {
        this(fitness, foods, poisons, poisonsAfterFirst, stepsAlive, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public static EpisodeStats of(TMaze finished) {
        return new EpisodeStats(finished.fitness(), finished.score().foods(), finished.score().poisons(),
                finished.score().poisonsAfterFirstPoison(), finished.score().stepsAlive(),
                total(finished, TMaze.BEFORE_POISON), finished.score().armChoices(TMaze.BEFORE_POISON, true),
                total(finished, TMaze.AFTER_POISON), finished.score().armChoices(TMaze.AFTER_POISON, true),
                total(finished, TMaze.AFTER_SWAP), finished.score().armChoices(TMaze.AFTER_SWAP, true),
                finished.score().poisonVisits(false, false), finished.score().poisonVisits(false, true),
                finished.score().poisonVisits(true, false), finished.score().poisonVisits(true, true),
                finished.score().poisonVisitsBeforeFood(false), finished.score().poisonVisitsBeforeFood(true));
    }

    /** Visits to the poison after the first poison and before any food that did not eat it. */
    public int poisonRefusedBeforeFood() {
        return poisonVisitsBeforeFood - poisonEatenBeforeFood;
    }

    private static int total(TMaze m, int phase) {
        return m.score().armChoices(phase, true) + m.score().armChoices(phase, false);
    }
}
