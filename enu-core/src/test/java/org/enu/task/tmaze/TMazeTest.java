package org.enu.task.tmaze;

import static org.enu.task.tmaze.TMaze.FORWARD;
import static org.enu.task.tmaze.TMaze.LEFT;
import static org.enu.task.tmaze.TMaze.NONE;
import static org.enu.task.tmaze.TMaze.RIGHT;
import static org.enu.task.tmaze.TMaze.SENSOR_GREEN;
import static org.enu.task.tmaze.TMaze.SENSOR_RED;
import static org.enu.task.tmaze.TMaze.SENSOR_WALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;
import org.enu.task.TaskDefaults;
import org.junit.jupiter.api.Test;

class TMazeTest {
    static final MazeConfig CFG = TaskDefaults.maze();
    /** Defaults but 300 actions, room for 15 foods and three swap opportunities. */
    static final MazeConfig LONG = TaskDefaults.maze("episode_steps", 1200);
    static final long SWAP = Keys.of(99, 1);

    /** The first key Keys.of(7, i) whose environment has this layout. */
    static long envWith(boolean poisonIsGreen, boolean greenOnLeft) {
        for (int i = 0; ; i++) {
            long k = Keys.of(7, i);
            TMaze m = new TMaze(CFG, k, SWAP);
            if (m.poisonIsGreen() == poisonIsGreen && m.greenOnLeft() == greenOnLeft) {
                return k;
            }
        }
    }

    static void acts(TMaze m, int... actions) {
        for (int a : actions) {
            m.act(a);
        }
    }

    /** From S facing north: 4 forward to the junction, a turn, 1 forward to the arm cell (6 actions). */
    static void walkToItem(TMaze m, boolean left) {
        acts(m, FORWARD, FORWARD, FORWARD, FORWARD, left ? LEFT : RIGHT, FORWARD);
    }

    static void assertAtStart(TMaze m) {
        assertEquals(5, m.row());
        assertEquals(3, m.col());
        assertEquals(TMaze.NORTH, m.heading());
    }

    static void assertSensors(TMaze m, boolean wall, boolean green, boolean red) {
        assertEquals(wall, m.sensor(SENSOR_WALL), "wall");
        assertEquals(green, m.sensor(SENSOR_GREEN), "green");
        assertEquals(red, m.sensor(SENSOR_RED), "red");
    }

    @Test
    void startsAtSFacingNorthWithAnEmptyCellInFront() {
        TMaze m = new TMaze(CFG, Keys.of(1), SWAP);
        assertAtStart(m);
        assertSensors(m, false, false, false);
        assertEquals(18.0, m.energy(), 0.0);
        assertTrue(m.alive());
        assertEquals(0, m.actionsTaken());
        assertEquals(100, m.totalActions());
        assertFalse(m.done());
        assertEquals(0.0, m.fitness(), 0.0);
        assertEquals(0.0, m.lastReward(), 0.0);
    }

    @Test
    void turnsChangeHeadingAndSensorAndWallsStopMoves() {
        TMaze m = new TMaze(CFG, Keys.of(1), SWAP);
        m.act(LEFT);
        assertEquals(TMaze.WEST, m.heading());
        assertSensors(m, true, false, false); // (5,2) is wall
        m.act(FORWARD);
        assertEquals(5, m.row());
        assertEquals(3, m.col());
        m.act(LEFT);
        assertEquals(TMaze.SOUTH, m.heading());
        assertSensors(m, true, false, false); // (6,3)
        m.act(FORWARD);
        assertEquals(5, m.row());
        m.act(LEFT);
        assertEquals(TMaze.EAST, m.heading());
        m.act(RIGHT);
        assertEquals(TMaze.SOUTH, m.heading());
        acts(m, RIGHT, RIGHT);
        assertEquals(TMaze.NORTH, m.heading());
        assertSensors(m, false, false, false);
        m.act(NONE);
        assertAtStart(m);
        m.act(FORWARD);
        assertEquals(4, m.row());
        assertEquals(3, m.col());
        assertEquals(10, m.actionsTaken());
        // at the junction facing north: a wall; the arms open both ways; the stem behind
        acts(m, FORWARD, FORWARD, FORWARD);
        assertEquals(1, m.row());
        assertSensors(m, true, false, false);
        m.act(FORWARD);
        assertEquals(1, m.row());
        m.act(RIGHT);
        assertSensors(m, false, false, false);
        m.act(RIGHT);
        assertEquals(TMaze.SOUTH, m.heading());
        assertSensors(m, false, false, false);
        m.act(FORWARD);
        assertEquals(2, m.row());
        assertEquals(3, m.col());
    }

    @Test
    void theSeventhActionOfTheShortestPathEatsTheLeftItem() {
        TMaze m = new TMaze(CFG, envWith(true, true), SWAP); // green poison on the left
        acts(m, FORWARD, FORWARD, FORWARD, FORWARD);
        assertEquals(1, m.row());
        assertEquals(3, m.col());
        m.act(LEFT);
        assertSensors(m, false, false, false);
        m.act(FORWARD);
        assertEquals(1, m.row());
        assertEquals(2, m.col());
        assertEquals(TMaze.WEST, m.heading());
        assertSensors(m, false, true, false);
        assertEquals(0, m.score().foods() + m.score().poisons());
        assertEquals(6, m.actionsTaken());
        m.act(FORWARD);
        assertEquals(1, m.score().poisons());
        assertEquals(0, m.score().foods());
        assertEquals(-1.0, m.lastReward(), 0.0);
        assertAtStart(m);
        assertEquals(7, m.actionsTaken());
        m.act(NONE);
        assertEquals(0.0, m.lastReward(), 0.0, "a reward lasts one action");
    }

    @Test
    void sensorsInFrontOfEachItemFollowTheLayout() {
        for (boolean poisonGreen : new boolean[] {false, true}) {
            for (boolean greenLeft : new boolean[] {false, true}) {
                long k = envWith(poisonGreen, greenLeft);
                TMaze m = new TMaze(CFG, k, SWAP);
                walkToItem(m, true);
                assertSensors(m, false, greenLeft, !greenLeft);
                TMaze r = new TMaze(CFG, k, SWAP);
                walkToItem(r, false);
                assertEquals(1, r.row());
                assertEquals(4, r.col());
                assertSensors(r, false, !greenLeft, greenLeft);
                // eating the left item: food iff its colour is not the poison colour
                m.act(FORWARD);
                boolean leftIsPoison = greenLeft == poisonGreen;
                assertEquals(leftIsPoison ? -1.0 : 1.0, m.lastReward(), 0.0);
                assertEquals(leftIsPoison ? 1 : 0, m.score().poisons());
                assertEquals(leftIsPoison ? 0 : 1, m.score().foods());
                assertEquals(leftIsPoison ? 1 : 5, poisonCol(m));
                assertAtStart(m);
            }
        }
    }

    @Test
    void layoutIsAFairCoinForColourAndSide() {
        int[] counts = new int[4];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            TMaze m = new TMaze(CFG, Keys.of(3, i), SWAP);
            counts[(m.poisonIsGreen() ? 2 : 0) + (m.greenOnLeft() ? 1 : 0)]++;
        }
        for (int c : counts) {
            assertEquals(0.25, c / (double) n, 0.03);
        }
    }

    @Test
    void energyDecaysOnePerActionAndFoodRefillsItWithoutThatActionsDecay() {
        TMaze m = new TMaze(CFG, envWith(false, true), SWAP); // red poison, green food on the left
        for (int k = 1; k <= 6; k++) {
            m.act(k <= 4 ? FORWARD : k == 5 ? LEFT : FORWARD);
            assertEquals(18.0 - k, m.energy(), 1e-12, "after action " + k);
        }
        m.act(FORWARD);
        assertEquals(1, m.score().foods());
        assertEquals(18.0, m.energy(), 0.0, "the eating action is not decayed");
        m.act(NONE);
        assertEquals(17.0, m.energy(), 1e-12);
    }

    @Test
    void firstPoisonRefillsSecondPoisonKills() {
        TMaze m = new TMaze(CFG, envWith(false, false), SWAP); // red poison on the left
        walkToItem(m, true);
        assertEquals(12.0, m.energy(), 1e-12);
        m.act(FORWARD);
        assertEquals(1, m.score().poisons());
        assertEquals(18.0, m.energy(), 0.0);
        assertTrue(m.alive());
        walkToItem(m, true);
        m.act(FORWARD);
        assertEquals(2, m.score().poisons());
        assertEquals(1, m.score().poisonsAfterFirstPoison());
        assertEquals(-1.0, m.lastReward(), 0.0);
        assertEquals(0.0, m.energy(), 0.0);
        assertFalse(m.alive());
        assertEquals(14 * 4, m.score().stepsAlive(), "the killing action's steps count as alive");
    }

    @Test
    void starvesAfterEighteenActionsWithoutFoodAndThenIgnoresActions() {
        TMaze m = new TMaze(CFG, Keys.of(1), SWAP);
        for (int k = 0; k < 17; k++) {
            m.act(NONE);
        }
        assertTrue(m.alive());
        assertEquals(1.0, m.energy(), 1e-12);
        m.act(FORWARD);
        assertFalse(m.alive());
        assertEquals(0.0, m.energy(), 0.0);
        assertEquals(72, m.score().stepsAlive());
        assertEquals(4, m.row(), "the last action still moved");
        double fit = m.fitness();
        assertEquals(72 * 0.025 / 400, fit, 1e-15);
        for (int k = 0; k < 10; k++) {
            m.act(k % 2 == 0 ? FORWARD : LEFT);
        }
        assertEquals(28, m.actionsTaken());
        assertEquals(4, m.row());
        assertEquals(TMaze.NORTH, m.heading());
        assertEquals(72, m.score().stepsAlive());
        assertEquals(fit, m.fitness(), 0.0);
        assertEquals(0.0, m.lastReward(), 0.0);
    }

    @Test
    void fitnessOfAScriptedEpisodeCountsTheFirstRewardAsPlusOne() {
        // red poison on the left, green food on the right: poison, food, poison (death) = 21 actions
        long k = envWith(false, false);
        for (boolean firstPositive : new boolean[] {true, false}) {
            MazeConfig cfg = TaskDefaults.maze("first_reward_positive", firstPositive);
            TMaze m = new TMaze(cfg, k, SWAP);
            walkToItem(m, true);
            m.act(FORWARD);
            assertEquals(firstPositive ? 1.0 : -1.0, m.score().rewardSum(), 0.0);
            assertEquals(-1.0, m.lastReward(), 0.0, "the raw reward is still -1");
            walkToItem(m, false);
            m.act(FORWARD);
            assertEquals(1.0, m.lastReward(), 0.0);
            walkToItem(m, true);
            m.act(FORWARD);
            assertFalse(m.alive());
            assertEquals(21, m.actionsTaken());
            assertEquals(84, m.score().stepsAlive());
            while (!m.done()) {
                m.act(FORWARD);
            }
            double rewards = (firstPositive ? 1 : -1) + 1 - 1;
            assertEquals((rewards + 0.025 * 84) / 400, m.fitness(), 1e-15);
            assertEquals(1, m.score().foods());
            assertEquals(2, m.score().poisons());
            assertThrows(IllegalStateException.class, () -> m.act(NONE));
        }
        // a first food is +1 anyway: 14 foods, alive all 400 steps = the maximum fitness 0.06
        TMaze best = new TMaze(CFG, envWith(false, true), Keys.of(5)); // green food left
        int eaten = 0;
        while (best.actionsTaken() + 7 <= 100) {
            walkToItem(best, best.greenOnLeft());
            best.act(FORWARD);
            assertEquals(1.0, best.lastReward(), 0.0);
            eaten++;
        }
        acts(best, NONE, NONE);
        assertTrue(best.done());
        assertEquals(14, eaten);
        assertEquals(400, best.score().stepsAlive());
        assertEquals((14 + 10.0) / 400, best.fitness(), 1e-15);
    }

    /** Eats food n times, walking to wherever the food is; returns greenOnLeft after each food. */
    static List<Boolean> eatFood(TMaze m, int n) {
        List<Boolean> sides = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean foodLeft = m.poisonIsGreen() != m.greenOnLeft();
            int swapsBefore = m.score().swaps();
            walkToItem(m, foodLeft);
            m.act(FORWARD);
            assertEquals(1.0, m.lastReward(), 0.0);
            assertEquals(i + 1, m.score().foods());
            if ((i + 1) % 5 != 0) {
                assertEquals(swapsBefore, m.score().swaps(), "no swap after food " + (i + 1));
            }
            sides.add(m.greenOnLeft());
        }
        return sides;
    }

    @Test
    void swapsHappenAfterEveryFifthFoodWithTheScriptedFlips() {
        long k = envWith(true, false); // green poison right, red food left
        TMaze m = withSwapFlips(LONG, k, true, false, true);
        List<Boolean> greenLeft = eatFood(m, 15);
        for (int i = 0; i < 15; i++) {
            // green starts right; swaps after food 5 (heads) and 15 (heads), not after food 10
            boolean expect = i >= 4 && i < 14;
            assertEquals(expect, greenLeft.get(i), "after food " + (i + 1));
        }
        assertEquals(2, m.score().swaps());
        assertEquals(3, m.score().swapOpportunities());
        assertTrue(m.poisonIsGreen(), "the poison keeps its colour");
        assertEquals(5, poisonCol(m));
        assertEquals(0, m.score().poisons());
    }

    @Test
    void swapsFollowTheSwapKeysSequenceOfDraws() {
        long k = envWith(false, true);
        int checked = 0;
        for (int s = 0; s < 6; s++) {
            long swapKey = Keys.of(42, s);
            KeyedRandom flips = new KeyedRandom(swapKey);
            boolean[] expect = {flips.bernoulli(0.5), flips.bernoulli(0.5), flips.bernoulli(0.5)};
            TMaze m = new TMaze(LONG, k, swapKey);
            List<Boolean> sides = eatFood(m, 15);
            boolean left = true;
            int swaps = 0;
            for (int j = 0; j < 3; j++) {
                if (expect[j]) {
                    left = !left;
                    swaps++;
                }
                assertEquals(left, sides.get(5 * j + 4), "swap key " + s + ", opportunity " + j);
            }
            assertEquals(swaps, m.score().swaps());
            checked += swaps;
        }
        assertTrue(checked > 0 && checked < 18, "the keys give both heads and tails");
        // probability 0 and 1: never, always
        TMaze never = new TMaze(TaskDefaults.maze("episode_steps", 1200, "swap_probability", 0.0), k, SWAP);
        eatFood(never, 15);
        assertEquals(0, never.score().swaps());
        TMaze always = new TMaze(TaskDefaults.maze("episode_steps", 1200, "swap_probability", 1.0), k, SWAP);
        eatFood(always, 15);
        assertEquals(3, always.score().swaps());
    }

    @Test
    void poisonDoesNotCountTowardsSwaps() {
        long k = envWith(false, false); // red poison left, green food right
        TMaze m = withSwapFlips(LONG, k); // no flips: any swap opportunity would throw
        walkToItem(m, true);
        m.act(FORWARD);
        eatFood(m, 4);
        assertEquals(0, m.score().swapOpportunities());
        assertEquals(1, m.score().poisons());
        assertEquals(4, m.score().foods());
    }

    @Test
    void sameKeysGiveIdenticalEpisodes() {
        long k = Keys.of(11);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        StringBuilder c = new StringBuilder();
        play(new TMaze(LONG, k, Keys.of(12)), Keys.of(13), a);
        play(new TMaze(LONG, k, Keys.of(12)), Keys.of(13), b);
        play(new TMaze(LONG, Keys.of(14), Keys.of(12)), Keys.of(13), c);
        assertEquals(a.toString(), b.toString());
        assertNotEquals(a.toString(), c.toString());
    }

    /** A biased random walker that eats now and then, recording every rendered state. */
    private static void play(TMaze m, long policyKey, StringBuilder out) {
        KeyedRandom r = new KeyedRandom(policyKey);
        while (!m.done()) {
            m.act(r.bernoulli(0.7) ? FORWARD : r.nextInt(4));
            out.append(MazeText.render(m));
        }
        out.append(m.fitness());
    }

    @Test
    void renderDrawsItemsAgentAndPoison() {
        TMaze m = new TMaze(CFG, envWith(true, true), SWAP);
        String[] lines = MazeText.render(m).split("\n", -1);
        assertEquals("#######", lines[0]);
        assertEquals("#G...R#   poison: G", lines[1]);
        assertEquals("###^###", lines[5]);
        m.act(RIGHT);
        assertEquals("###>###", MazeText.render(m).split("\n", -1)[5]);
        assertTrue(MazeText.render(m).contains("action 1/100"));
    }

    @Test
    void rejectsBadActionsAndSensors() {
        TMaze m = new TMaze(CFG, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> m.act(4));
        assertThrows(IllegalArgumentException.class, () -> m.act(-1));
        assertThrows(IllegalArgumentException.class, () -> m.sensor(3));
        assertEquals(0, m.actionsTaken());
    }

    @Test
    void badConfigValuesAreRejectedWithTheFieldName() {
        assertBad("steps_per_action", () -> TaskDefaults.maze("steps_per_action", 0));
        assertBad("episode_steps", () -> TaskDefaults.maze("episode_steps", 402));
        assertBad("episode_steps", () -> TaskDefaults.maze("episode_steps", 0));
        assertBad("energy_max", () -> TaskDefaults.maze("energy_max", 0));
        assertBad("energy_max", () -> TaskDefaults.maze("energy_max", Double.NaN));
        assertBad("energy_decay", () -> TaskDefaults.maze("energy_decay", -0.1));
        assertBad("foods_per_swap", () -> TaskDefaults.maze("foods_per_swap", 0));
        assertBad("swap_probability", () -> TaskDefaults.maze("swap_probability", 1.5));
        assertBad("swap_probability", () -> TaskDefaults.maze("swap_probability", Double.NaN));
        assertBad("alive_bonus", () -> TaskDefaults.maze("alive_bonus", Double.POSITIVE_INFINITY));
        MazeConfig d = TaskDefaults.maze(); // the defaults file's: the original's constants
        assertEquals(4, d.stepsPerAction());
        assertEquals(400, d.episodeSteps());
        assertEquals(18, d.energyMax());
        assertEquals(100, d.actions());
        assertEquals(1.0, d.decayPerAction(), 0.0);
    }

    private static void assertBad(String field, org.junit.jupiter.api.function.Executable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }

    /** Column of the poison item now (turn layout: 1 left, 5 right). */
    private static int poisonCol(TMaze m) {
        return m.poisonIsGreen() == m.greenOnLeft() ? TMaze.LEFT_ITEM_COL : TMaze.RIGHT_ITEM_COL;
    }

    /** An episode whose swap opportunities use the given flips in order (more are an error). */
    static TMaze withSwapFlips(MazeConfig cfg, long envKey, boolean... flips) {
        boolean[] f = flips.clone();
        int[] next = {0};
        return new TMaze(cfg, TMaze.layoutOf(envKey, cfg.poisonGreenProbability()), () -> {
            if (next[0] >= f.length) {
                throw new IllegalStateException("swap opportunity " + next[0] + " has no scripted flip");
            }
            return f[next[0]++];
        });
    }
}
