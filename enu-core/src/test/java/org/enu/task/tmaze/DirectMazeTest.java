package org.enu.task.tmaze;

import static org.enu.task.tmaze.TMaze.MOVE_DOWN;
import static org.enu.task.tmaze.TMaze.MOVE_RIGHT;
import static org.enu.task.tmaze.TMaze.MOVE_UP;
import static org.enu.task.tmaze.TMaze.NONE;
import static org.enu.task.tmaze.TMaze.SENSOR_GREEN;
import static org.enu.task.tmaze.TMaze.SENSOR_RED;
import static org.enu.task.tmaze.TMaze.SENSOR_WALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;
import org.enu.task.TaskDefaults;
import org.junit.jupiter.api.Test;

/** The authors' direct-move maze and the "hungry" starvation rule, against hand-worked episodes. */
class DirectMazeTest {
    static final MazeConfig DIRECT = TaskDefaults.maze().with(MazeConfig.Layout.DIRECT, MazeConfig.Starvation.DEATH, -1);
    static final MazeConfig DIRECT_HUNGRY = TaskDefaults.maze().with(MazeConfig.Layout.DIRECT, MazeConfig.Starvation.HUNGRY, -1);
    static final long SWAP = Keys.of(99, 1);
    /** Layout bits: 1 = poison is green, 2 = green is item A (top). */
    static final int GREEN_TOP_RED_POISON = 2;

    static void acts(TMaze m, int... actions) {
        for (int a : actions) {
            m.act(a);
        }
    }

    static void assertSensors(TMaze m, boolean wall, boolean green, boolean red) {
        assertEquals(wall, m.sensor(SENSOR_WALL), "wall");
        assertEquals(green, m.sensor(SENSOR_GREEN), "green");
        assertEquals(red, m.sensor(SENSOR_RED), "red");
    }

    @Test
    void walkingToTheTopItemTakesFiveMovesAndEatsIt() {
        TMaze m = new TMaze(DIRECT, GREEN_TOP_RED_POISON, SWAP);
        assertEquals(3, m.row());
        assertEquals(2, m.col());
        assertSensors(m, false, false, false);
        acts(m, MOVE_RIGHT, MOVE_RIGHT);
        assertSensors(m, false, false, false);
        m.act(MOVE_RIGHT);
        assertEquals(5, m.col());
        assertSensors(m, true, false, false); // the junction: the way right is a wall, the items two away
        m.act(MOVE_UP);
        assertEquals(2, m.row());
        assertSensors(m, true, true, false); // green (food) above
        m.act(MOVE_UP);
        assertEquals(1, m.score().foods());
        assertEquals(1.0, m.lastReward());
        assertEquals(3, m.row());
        assertEquals(2, m.col());
        assertEquals(18.0, m.energy());
        assertEquals(1, m.score().armChoices(TMaze.BEFORE_POISON, true));
    }

    @Test
    void movesIntoWallsAreUndoneAndThereIsNoWayBackDownTheStem() {
        TMaze m = new TMaze(DIRECT, 0, SWAP);
        acts(m, MOVE_UP, MOVE_DOWN);
        assertEquals(3, m.row());
        assertEquals(2, m.col());
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT);
        assertEquals(5, m.col(), "right at the junction is a wall");
        acts(m, MOVE_DOWN, MOVE_UP, MOVE_UP);
        assertEquals(2, m.row(), "back through the junction into the top arm");
        assertEquals(2, m.score().armChoices(TMaze.BEFORE_POISON, true) + m.score().armChoices(TMaze.BEFORE_POISON, false));
        assertEquals(7 + 2, m.actionsTaken());
        assertEquals(18 - 9, m.energy(), 1e-12);
    }

    @Test
    void poisonBelowIsSeenFromTheArmAndTheAgentCanTurnBack() {
        TMaze m = new TMaze(DIRECT, GREEN_TOP_RED_POISON, SWAP);
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN);
        assertSensors(m, true, false, true);
        assertEquals(1, m.score().armChoices(TMaze.BEFORE_POISON, false));
        acts(m, MOVE_UP, MOVE_UP);
        assertSensors(m, true, true, false);
        m.act(MOVE_DOWN);
        assertEquals(3, m.row(), "back at the junction");
        m.act(MOVE_DOWN);
        m.act(MOVE_DOWN); // eats the red poison: the first reward counts +1
        assertEquals(1, m.score().poisons());
        assertEquals(-1.0, m.lastReward());
        assertEquals(1.0, m.score().rewardSum());
        // the same poison again: -1 and no energy; the second choice of the poison arm came after the first poison
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN);
        assertEquals(2, m.score().poisons());
        assertEquals(1, m.score().armChoices(TMaze.AFTER_POISON, false));
        assertEquals(0.0, m.score().rewardSum());
        assertFalse(m.alive());
        assertTrue(m.frozen(), "final death");
        assertEquals(14 * 4, m.score().stepsAlive());
        // visits to the poison: turned back once and ate it once before the first poison, ate it after
        assertEquals(2, m.score().poisonVisits(false, false));
        assertEquals(1, m.score().poisonVisits(false, true));
        assertEquals(1, m.score().poisonVisits(true, false));
        assertEquals(1, m.score().poisonVisits(true, true));
        EpisodeStats st = EpisodeStats.of(m);
        assertEquals(2, st.poisonVisitsBefore());
        assertEquals(1, st.poisonEatenAfter());
        m.act(MOVE_RIGHT);
        assertEquals(2, m.col(), "a dead agent does not move");
    }

    /**
     * tmaze.swap_after_poison: a poison opens a swap opportunity too, so with foods_per_swap 1 every
     * meal draws the side anew. Scripted flips: the poison below swaps (green goes below), the food
     * then eaten below does not, the next poison (now above) does not either.
     */
    @Test
    void aPoisonAlsoOpensASwapOpportunityWhenAsked() {
        MazeConfig everyTrip = TaskDefaults.maze("foods_per_swap", 1, "layout", "direct", "starvation", "hungry", "poison_empties", false, "swap_after_poison", true);
        TMaze m = TMazeTest.withSwapFlips(everyTrip, 0, true, false, false);
        // whichever layout key 0 gives: find the poison's arm, then eat it
        boolean poisonBelow = m.poisonIsGreen() != m.greenOnLeft(); // item A (green on "left") is the top one
        int toPoison = poisonBelow ? MOVE_DOWN : MOVE_UP;
        int toFood = poisonBelow ? MOVE_UP : MOVE_DOWN;
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, toPoison, toPoison);
        assertEquals(1, m.score().poisons());
        assertEquals(1, m.score().swaps(), "the poison's opportunity swapped the items");
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, toPoison, toPoison); // the food is where the poison was
        assertEquals(1, m.score().foods());
        assertEquals(1, m.score().poisons());
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, toFood, toFood); // no swap after the food: poison there
        assertEquals(2, m.score().poisons());
        assertEquals(1, m.score().swaps());
        assertTrue(m.alive(), "poison_empties false: the second poison refills");
        // without the setting the same script swaps only after food (one draw used, two left)
        TMaze plain = TMazeTest.withSwapFlips(everyTrip.withSwapAfterPoison(false), 0, true);
        acts(plain, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, toPoison, toPoison);
        assertEquals(0, plain.score().swaps());
        acts(plain, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, toFood, toFood);
        assertEquals(1, plain.score().foods());
        assertEquals(1, plain.score().swaps());
    }

    @Test
    void aHungryAgentKeepsMovingAndFoodBringsItBack() {
        TMaze m = new TMaze(DIRECT_HUNGRY, GREEN_TOP_RED_POISON, SWAP);
        for (int i = 0; i < 18; i++) {
            m.act(NONE);
        }
        assertFalse(m.alive());
        assertFalse(m.frozen());
        assertEquals(72, m.score().stepsAlive());
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP);
        assertEquals(72, m.score().stepsAlive(), "no alive bonus while starving");
        assertEquals(2, m.row(), "but it moves");
        m.act(MOVE_UP); // food
        assertTrue(m.alive());
        assertEquals(18.0, m.energy());
        assertEquals(72, m.score().stepsAlive(), "the action that fed it began starving");
        m.act(NONE);
        assertEquals(76, m.score().stepsAlive());
        assertEquals((1 + 0.025 * 76) / 400, m.fitness(), 1e-12);
        // a second poison empties the energy but does not end the episode
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN); // first poison: refills
        assertTrue(m.alive());
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN); // second: energy 0
        assertFalse(m.alive());
        assertEquals(0.0, m.energy());
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP, MOVE_UP);
        assertEquals(2, m.score().foods());
        assertTrue(m.alive());
    }

    @Test
    void inTheTurnMazeAHungryAgentAlsoKeepsGoing() {
        MazeConfig turnHungry = TaskDefaults.maze().with(MazeConfig.Layout.TURN, MazeConfig.Starvation.HUNGRY, -1);
        TMaze m = new TMaze(turnHungry, GREEN_TOP_RED_POISON, SWAP); // green (food) in the left arm
        for (int i = 0; i < 18; i++) {
            m.act(NONE);
        }
        assertFalse(m.alive());
        assertFalse(m.frozen());
        // 4 forward to the junction, turn left, forward to the arm cell, forward eats the green food
        acts(m, TMaze.FORWARD, TMaze.FORWARD, TMaze.FORWARD, TMaze.FORWARD, TMaze.LEFT, TMaze.FORWARD);
        assertSensors(m, false, true, false);
        m.act(TMaze.FORWARD);
        assertEquals(1, m.score().foods());
        assertTrue(m.alive());
        assertEquals(72, m.score().stepsAlive(), "the starving actions earned no bonus");
        assertEquals(1, m.score().armChoices(TMaze.BEFORE_POISON, true));
        // the same moves under the paper's rule: nothing after death
        TMaze d = new TMaze(TaskDefaults.maze(), GREEN_TOP_RED_POISON, SWAP);
        for (int i = 0; i < 18; i++) {
            d.act(NONE);
        }
        assertTrue(d.frozen());
        acts(d, TMaze.FORWARD, TMaze.FORWARD, TMaze.FORWARD, TMaze.FORWARD, TMaze.LEFT, TMaze.FORWARD, TMaze.FORWARD);
        assertEquals(0, d.score().foods());
        assertEquals(5, d.row());
    }

    @Test
    void poisonRewardScalesOnlyThePenalty() {
        MazeConfig soft = TaskDefaults.maze().with(MazeConfig.Layout.DIRECT, MazeConfig.Starvation.DEATH, -0.25);
        TMaze m = new TMaze(soft, GREEN_TOP_RED_POISON, SWAP);
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP, MOVE_UP); // food, counted +1
        acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN); // poison
        assertEquals(0.75, m.score().rewardSum(), 1e-12);
        assertEquals(-1.0, m.lastReward(), "the network still sees a full negative reward");
        // with poison_empties false a second poison refills the energy like food
        MazeConfig d = TaskDefaults.maze();
        MazeConfig full = TaskDefaults.maze("layout", "direct", "poison_reward", 0, "poison_empties", false);
        TMaze f = new TMaze(full, GREEN_TOP_RED_POISON, SWAP);
        acts(f, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN,
                MOVE_DOWN);
        assertEquals(2, f.score().poisons());
        assertTrue(f.alive());
        assertEquals(18.0, f.energy());
        assertEquals(1.0, f.score().rewardSum(), 1e-12);
        assertTrue(d.poisonEmpties());
        assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.maze().with(MazeConfig.Layout.DIRECT, MazeConfig.Starvation.DEATH, 0.5));
        assertEquals("tmaze.layout: expected turn or direct, got 'diagonal'", assertThrows(ConfigException.class,
                () -> RunConfig.resolve("tmaze", "original", null, List.of("tmaze.layout=diagonal"))).getMessage());
        assertEquals("tmaze.starvation: expected death or hungry, got 'sleep'", assertThrows(ConfigException.class,
                () -> RunConfig.resolve("tmaze", "original", null, List.of("tmaze.starvation=sleep"))).getMessage());
    }

    /** The audit's figure: a random right/up/down walker with 18 actions of energy eats in about 76% of episodes. */
    @Test
    void aRandomThreeActionWalkerEatsInAboutThreeQuartersOfEpisodes() {
        int n = 4000;
        int ateDirect = 0;
        int ateTurn = 0;
        for (int i = 0; i < n; i++) {
            KeyedRandom r = new KeyedRandom(Keys.of(5, i));
            TMaze d = new TMaze(DIRECT, Keys.of(6, i), SWAP);
            TMaze t = new TMaze(TaskDefaults.maze(), Keys.of(6, i), SWAP);
            while (!d.done() && !d.frozen()) {
                d.act(r.nextInt(3));
            }
            while (!t.done() && !t.frozen()) {
                t.act(r.nextInt(3));
            }
            ateDirect += d.score().foods() + d.score().poisons() > 0 ? 1 : 0;
            ateTurn += t.score().foods() + t.score().poisons() > 0 ? 1 : 0;
        }
        double pd = ateDirect / (double) n;
        double pt = ateTurn / (double) n;
        assertTrue(pd > 0.70 && pd < 0.82, "direct: " + pd);
        assertTrue(pt < 0.08, "turn: " + pt);
    }

    @Test
    void theOracleNeverReEatsPoisonInTheDirectMaze() {
        long[] keys = org.enu.eval.EnvironmentKeys.heldOut(1, 200);
        Summary o = Summary.of(Baselines.stats(DIRECT_HUNGRY, OracleLearner.oracle(), keys));
        assertEquals(0.0, o.reEatRate());
        assertEquals(400.0, o.meanStepsAlive());
        assertTrue(o.meanFoods() > 17 && o.meanFoods() < 20, "foods " + o.meanFoods());
        // after its first poison it always walks to the food arm until the next swap
        assertEquals(1.0, o.foodArmAfter().mean(), 1e-12);
        Summary rnd = Summary.of(Baselines.stats(DIRECT_HUNGRY, Baselines.random(), keys));
        assertTrue(rnd.meanFitness() < o.meanFitness() / 3);
        // the colour-blind side learner gets most of the oracle's fitness but re-eats after swaps
        Summary side = Summary.of(Baselines.stats(DIRECT_HUNGRY, OracleLearner.sideLearner(), keys));
        assertTrue(side.meanFitness() > 0.8 * o.meanFitness(), side.meanFitness() + " vs " + o.meanFitness());
        assertTrue(side.reEatRate() > 0.4, "re-eat " + side.reEatRate());
        assertTrue(side.foodArmAfterSwap().mean() < o.foodArmAfterSwap().mean());
        // the poison-taken rate tells them apart: the oracle refuses every poison it meets after the
        // first, the colour-blind side learner eats every one it meets (before the first poison both eat
        // whatever they reach)
        assertEquals(0.0, o.poisonTakenAfter().mean(), 1e-12);
        assertEquals(1.0, side.poisonTakenAfter().mean(), 1e-12);
        assertEquals(1.0, o.poisonTakenBefore().mean(), 1e-12);
        assertTrue(o.poisonTakenAfter().episodes() > 50, "the oracle meets the poison after swaps");
    }
    /**
     * poison_refused_before_food, hand-worked in the direct maze with the hungry rule (a second
     * poison does not end the episode; one food never reaches a swap opportunity). Poison below
     * (red), food above. Each trip: R R R to the junction, then DOWN into the poison's arm (the
     * poison in sight) or UP into the food's.
     */
    @Test
    void poisonRefusedBeforeFoodCountsOnlyTheVisitsBetweenTheFirstPoisonAndTheFirstFood() {
        // A: poison first; then in sight twice before any food, refused once and eaten once; then a
        // food; then refused once more, which comes after a food and does not count
        TMaze a = new TMaze(DIRECT_HUNGRY, GREEN_TOP_RED_POISON, SWAP);
        acts(a, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN); // eats the first poison
        assertEquals(0, a.score().poisonVisitsBeforeFood(false), "the visit that eats the first poison is before it");
        acts(a, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_UP); // in sight, turns back: refused
        acts(a, MOVE_DOWN, MOVE_DOWN); // in sight again, eaten
        assertEquals(2, a.score().poisons());
        acts(a, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP, MOVE_UP); // the first food
        assertEquals(1, a.score().foods());
        acts(a, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_UP); // refused after a food
        assertEquals(2, a.score().poisonVisitsBeforeFood(false));
        assertEquals(1, a.score().poisonVisitsBeforeFood(true));
        assertEquals(3, a.score().poisonVisits(true, false), "poison_taken_after_poison sees all three");
        assertEquals(1, a.score().poisonVisits(true, true));
        EpisodeStats sa = EpisodeStats.of(a);
        assertEquals(2, sa.poisonVisitsBeforeFood());
        assertEquals(1, sa.poisonRefusedBeforeFood());
        // counting the refusal after the food as well would give 2/3
        assertEquals(0.5, Summary.of(List.of(sa)).poisonRefusedBeforeFood().mean(), 0.0);

        // B: food first, then the first poison, then the poison refused: after a food, not counted
        TMaze b = new TMaze(DIRECT_HUNGRY, GREEN_TOP_RED_POISON, SWAP);
        acts(b, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP, MOVE_UP);
        acts(b, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN);
        acts(b, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_UP);
        assertEquals(1, b.score().poisonVisits(true, false));
        assertEquals(0, b.score().poisonVisitsBeforeFood(false));
        EpisodeStats sb = EpisodeStats.of(b);

        // C: poison first, then refused once, then (from the junction) up to the food
        TMaze c = new TMaze(DIRECT_HUNGRY, GREEN_TOP_RED_POISON, SWAP);
        acts(c, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_DOWN);
        acts(c, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_DOWN, MOVE_UP, MOVE_UP, MOVE_UP);
        assertEquals(1, c.score().foods());
        assertEquals(1, c.score().poisonVisitsBeforeFood(false));
        assertEquals(0, c.score().poisonVisitsBeforeFood(true));
        EpisodeStats sc = EpisodeStats.of(c);

        // the mean over the episodes with such a visit (A 1/2, C 1/1; B has none), as Summary.Rate does
        Summary.Rate r = Summary.of(List.of(sa, sb, sc)).poisonRefusedBeforeFood();
        assertEquals(2, r.episodes());
        assertEquals(0.75, r.mean(), 1e-15);
        assertEquals(0.25, r.stderr(), 1e-15); // sqrt(((0.5-0.75)^2 + (1-0.75)^2) / 1 / 2)
        // no episode with such a visit: NaN, like the other rates
        Summary.Rate none = Summary.of(List.of(sb)).poisonRefusedBeforeFood();
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.stderr()));
        assertEquals(0, none.episodes());
    }

    /**
     * Where a poison may move the items too (tmaze.swap_after_poison), the side learner walks into
     * the poison's new arm and eats it, while the oracle refuses every poison it sees before its first
     * food; in the final task's world (no swap after a poison) neither meets the poison before food.
     */
    @Test
    void onlyTheOracleRefusesThePoisonBeforeItsFirstFood() {
        long[] keys = org.enu.eval.EnvironmentKeys.heldOut(1, 200);
        MazeConfig either = DIRECT_HUNGRY.withSwapAfterPoison(true);
        Summary o = Summary.of(Baselines.stats(either, OracleLearner.oracle(), keys));
        Summary side = Summary.of(Baselines.stats(either, OracleLearner.sideLearner(), keys));
        assertEquals(1.0, o.poisonRefusedBeforeFood().mean(), 0.0);
        assertEquals(0.0, side.poisonRefusedBeforeFood().mean(), 0.0);
        assertTrue(o.poisonRefusedBeforeFood().episodes() > 20, "oracle: " + o.poisonRefusedBeforeFood());
        assertTrue(side.poisonRefusedBeforeFood().episodes() > 20, "side: " + side.poisonRefusedBeforeFood());
        for (MazePolicy.Factory p : List.of(OracleLearner.oracle(), OracleLearner.sideLearner())) {
            Summary plain = Summary.of(Baselines.stats(DIRECT_HUNGRY, p, keys));
            assertEquals(0, plain.poisonRefusedBeforeFood().episodes());
            assertTrue(Double.isNaN(plain.poisonRefusedBeforeFood().mean()));
        }
    }
}
