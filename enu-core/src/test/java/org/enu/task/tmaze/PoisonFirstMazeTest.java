package org.enu.task.tmaze;

import static org.enu.task.tmaze.TMaze.FORWARD;
import static org.enu.task.tmaze.TMaze.LEFT;
import static org.enu.task.tmaze.TMaze.MOVE_DOWN;
import static org.enu.task.tmaze.TMaze.MOVE_RIGHT;
import static org.enu.task.tmaze.TMaze.MOVE_UP;
import static org.enu.task.tmaze.TMaze.RIGHT;
import static org.enu.task.tmaze.TMaze.SENSOR_GREEN;
import static org.enu.task.tmaze.TMaze.SENSOR_RED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enu.eval.EnvironmentKeys;
import org.enu.rng.KeyedRandom;
import org.junit.jupiter.api.Test;

/** The poison-first training world: the poison waits in whichever arm the agent enters first. */
class PoisonFirstMazeTest {
    static final MazeConfig DIRECT = DirectMazeTest.DIRECT_HUNGRY.withSwapAfterPoison(true);
    static final MazeConfig TURN = org.enu.task.TaskDefaults.maze().with(MazeConfig.Layout.TURN, MazeConfig.Starvation.HUNGRY, -1).withSwapAfterPoison(true);

    @Test
    void theFirstArmEnteredHoldsThePoisonWhicheverArmAndLayout() {
        for (int layout = 0; layout < 4; layout++) {
            for (int move : new int[] {MOVE_UP, MOVE_DOWN}) {
                TMaze m = new TMaze(DIRECT, layout, 7L).poisonInFirstArm();
                DirectMazeTest.acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, move);
                int poisonSensor = m.poisonIsGreen() ? SENSOR_GREEN : SENSOR_RED;
                assertTrue(m.sensor(poisonSensor), "layout " + layout + ": the poison is in sight in the arm entered");
                assertFalse(m.sensor(SENSOR_GREEN + SENSOR_RED - poisonSensor), "and only the poison");
                m.act(move);
                assertEquals(1, m.score().poisons(), "layout " + layout + " move " + move);
                assertEquals(0, m.score().foods());
                assertEquals(layout % 2 == 1, m.poisonIsGreen(), "the poison's colour stays the layout's");
            }
        }
    }

    @Test
    void onlyTheFirstArmIsChosenLaterArmsKeepTheItemsWhereTheyAre() {
        // Enter the top arm (poison now there), back out, enter the bottom arm: the food is there.
        TMaze m = new TMaze(DIRECT, 0, 7L).poisonInFirstArm();
        DirectMazeTest.acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP, MOVE_DOWN, MOVE_DOWN, MOVE_DOWN);
        assertEquals(1, m.score().foods(), "the other arm holds the food");
        assertEquals(0, m.score().poisons());
    }

    @Test
    void noItemIsInSightBeforeTheFirstArmSoTheAgentCannotTell() {
        KeyedRandom r = new KeyedRandom(11);
        for (MazeConfig world : new MazeConfig[] {DIRECT, TURN}) {
            int[] moves = world.direct() ? new int[] {MOVE_RIGHT, MOVE_UP, MOVE_DOWN, TMaze.NONE}
                    : new int[] {FORWARD, FORWARD, LEFT, RIGHT}; // forward more often: the walks reach the arms
            int entered = 0;
            for (int walk = 0; walk < 200; walk++) {
                TMaze m = new TMaze(world, walk & 3, walk).poisonInFirstArm();
                while (!m.done() && m.score().foods() + m.score().poisons() == 0
                        && m.score().armChoices(TMaze.BEFORE_POISON, true)
                        + m.score().armChoices(TMaze.BEFORE_POISON, false) == 0) {
                    assertFalse(m.sensor(SENSOR_GREEN) || m.sensor(SENSOR_RED),
                            world.layout() + " walk " + walk + ": an item in sight before an arm was entered");
                    m.act(moves[r.nextInt(moves.length)]);
                }
                if (m.score().armChoices(TMaze.BEFORE_POISON, false) > 0) {
                    entered++;
                }
                assertEquals(0, m.score().armChoices(TMaze.BEFORE_POISON, true), "the first arm is never the food's");
            }
            assertTrue(entered > 20, world.layout() + ": random walks entered an arm in " + entered + " of 200");
        }
    }

    @Test
    void onlyBeforeTheFirstAction() {
        TMaze m = new TMaze(DIRECT, 0, 7L);
        m.act(MOVE_RIGHT);
        assertThrows(IllegalStateException.class, m::poisonInFirstArm);
    }

    @Test
    void theLastMazesOfATrainingBatchArePoisonFirstAndSwapAfterAPoison() {
        TMazeTask t = TrainingSetupTest.task("tmaze.environments=8", "tmaze.poison_first_mazes=0.25",
                "tmaze.layout=direct", "tmaze.starvation=hungry");
        long[] keys = EnvironmentKeys.training(3, 0, 8);
        for (int e = 0; e < 8; e++) {
            TMaze m = t.trainingMaze(keys[e], e);
            assertEquals(e >= 6, m.config().swapAfterPoison(), "maze " + e);
            DirectMazeTest.acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP, MOVE_UP);
            if (e >= 6) {
                assertEquals(1, m.score().poisons(), "maze " + e + ": the first meal is the poison");
            }
            TMaze heldOut = t.newMaze(keys[e]);
            assertFalse(heldOut.config().swapAfterPoison(), "held-out mazes keep the task's own world");
        }
        int poisonFirstMeals = 0;
        for (int e = 0; e < 8; e++) { // the default 0: the top arm holds the poison in half the mazes
            TMaze m = TrainingSetupTest.task("tmaze.environments=8", "tmaze.layout=direct").trainingMaze(keys[e], e);
            DirectMazeTest.acts(m, MOVE_RIGHT, MOVE_RIGHT, MOVE_RIGHT, MOVE_UP, MOVE_UP);
            poisonFirstMeals += m.score().poisons();
        }
        assertEquals(4, poisonFirstMeals);
    }
}
