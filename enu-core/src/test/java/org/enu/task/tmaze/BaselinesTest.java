package org.enu.task.tmaze;

import static org.enu.task.tmaze.TMaze.FORWARD;
import static org.enu.task.tmaze.TMaze.LEFT;
import static org.enu.task.tmaze.TMaze.RIGHT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.enu.eval.EnvironmentKeys;
import org.enu.rng.Keys;
import org.enu.task.TaskDefaults;
import org.junit.jupiter.api.Test;

/**
 * The baselines, and the numbers docs/TMAZE.md reports: 200 held-out environments of evaluation
 * seed 1 with the default swap keys, the random agent {@link Baselines#random()}.
 */
class BaselinesTest {
    static final MazeConfig CFG = TaskDefaults.maze();
    static final long[] ENV = EnvironmentKeys.heldOut(1, 200);

    static Summary summary(MazePolicy.Factory f) {
        return Summary.of(Baselines.stats(CFG, f, ENV));
    }

    @Test
    void summaryArithmetic() {
        List<EpisodeStats> eps = List.of(
                new EpisodeStats(0.01, 2, 0, 0, 100),
                new EpisodeStats(0.03, 4, 1, 0, 400),
                new EpisodeStats(0.02, 0, 2, 1, 60),
                new EpisodeStats(0.04, 6, 2, 1, 400));
        Summary s = Summary.of(eps);
        assertEquals(4, s.episodes());
        assertEquals(0.025, s.meanFitness(), 1e-15);
        assertEquals(Math.sqrt(0.0005 / 3), s.sdFitness(), 1e-15);
        assertEquals(3.0, s.meanFoods(), 0.0);
        assertEquals(1.25, s.meanPoisons(), 0.0);
        assertEquals(3, s.poisonedEpisodes());
        assertEquals(2.0 / 3.0, s.reEatRate(), 1e-15);
        assertEquals(240.0, s.meanStepsAlive(), 0.0);
        assertTrue(Double.isNaN(Summary.of(eps.subList(0, 1)).reEatRate()));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of()));
    }

    @Test
    void episodeStatsReadTheFinishedMaze() {
        TMaze m = Baselines.play(CFG, OracleLearner.oracle().forEpisode(ENV[0]), ENV[0], Baselines.swapKey(ENV[0]));
        assertTrue(m.done());
        EpisodeStats s = EpisodeStats.of(m);
        assertEquals(new EpisodeStats(m.fitness(), m.score().foods(), m.score().poisons(), m.score().poisonsAfterFirstPoison(),
                m.score().stepsAlive(), m.score().armChoices(TMaze.BEFORE_POISON, true) + m.score().armChoices(TMaze.BEFORE_POISON, false),
                m.score().armChoices(TMaze.BEFORE_POISON, true),
                m.score().armChoices(TMaze.AFTER_POISON, true) + m.score().armChoices(TMaze.AFTER_POISON, false),
                m.score().armChoices(TMaze.AFTER_POISON, true),
                m.score().armChoices(TMaze.AFTER_SWAP, true) + m.score().armChoices(TMaze.AFTER_SWAP, false),
                m.score().armChoices(TMaze.AFTER_SWAP, true),
                m.score().poisonVisits(false, false), m.score().poisonVisits(false, true),
                m.score().poisonVisits(true, false), m.score().poisonVisits(true, true),
                m.score().poisonVisitsBeforeFood(false), m.score().poisonVisitsBeforeFood(true)), s);
        assertTrue(s.poisonEatenBefore() + s.poisonEatenAfter() == m.score().poisons(),
                "every poison eaten ends a visit in which it was in sight");
        assertTrue(s.choicesBefore() + s.choicesAfter() + s.choicesSwap() >= m.score().foods() + m.score().poisons(),
                "every meal follows an arm choice");
        assertEquals(Keys.of(ENV[0], Baselines.SWAP_STREAM), Baselines.swapKey(ENV[0]));
    }

    @Test
    void randomAgentIsKeyedAndUniform() {
        MazePolicy a = Baselines.random().forEpisode(ENV[0]);
        MazePolicy b = Baselines.random().forEpisode(ENV[0]);
        MazePolicy c = Baselines.random(8).forEpisode(ENV[0]);
        TMaze m = new TMaze(CFG, ENV[0], 0);
        int[] counts = new int[4];
        int same = 0;
        int n = 8000;
        for (int i = 0; i < n; i++) {
            int x = a.act(m);
            assertEquals(x, b.act(m));
            same += x == c.act(m) ? 1 : 0;
            counts[x]++;
        }
        for (int k : counts) {
            assertEquals(0.25, k / (double) n, 0.02);
        }
        assertEquals(0.25, same / (double) n, 0.02, "another key is another sequence");
    }

    @Test
    void reactivePolicyLooksUpTheFrontCellAndTheReward() {
        ReactivePolicy p = new ReactivePolicy(new int[] {FORWARD, RIGHT, LEFT, TMaze.NONE});
        TMaze m = new TMaze(CFG, 3, 4);
        assertEquals(FORWARD, p.act(m)); // nothing in front of S
        m.act(RIGHT);
        assertEquals(RIGHT, p.act(m)); // a wall
        assertEquals("nothing->FORWARD wall->RIGHT green->LEFT red->NONE", p.toString());
        int[] t = new int[12];
        t[8] = RIGHT; // nothing in front after a -1
        ReactivePolicy q = new ReactivePolicy(t);
        assertTrue(q.usesReward());
        assertEquals(FORWARD, q.act(new TMaze(CFG, 3, 4)));
        TMaze poisoned = new TMaze(CFG, TMazeTest.envWith(false, false), 4); // red poison on the left
        TMazeTest.walkToItem(poisoned, true);
        poisoned.act(FORWARD);
        assertEquals(RIGHT, q.act(poisoned));
        assertEquals(FORWARD, p.act(poisoned), "the plain table ignores the reward");
        assertThrows(IllegalArgumentException.class, () -> new ReactivePolicy(new int[5]));
        assertThrows(IllegalArgumentException.class, () -> new ReactivePolicy(new int[] {0, 1, 2, 4}));
    }

    @Test
    void aRewardIsOnlyEverSeenAtTheStartFacingTheEmptyStem() {
        // This is why the reward-aware search has only two new observations (4^6 tables).
        int seen = 0;
        for (MazePolicy.Factory f : new MazePolicy.Factory[] {Baselines.random(3), OracleLearner.oracle(),
            FixedPolicies.bestFixedPolicy(CFG, ENV).policy()}) {
            for (long k : ENV) {
                MazePolicy p = f.forEpisode(k);
                TMaze m = new TMaze(CFG, k, Baselines.swapKey(k));
                while (!m.done() && m.alive()) {
                    m.act(p.act(m));
                    if (m.lastReward() != 0) {
                        seen++;
                        assertEquals(Baselines.FRONT_NOTHING, Baselines.front(m));
                        assertEquals(TMaze.START_ROW, m.row());
                        assertEquals(TMaze.START_COL, m.col());
                    }
                }
            }
        }
        assertTrue(seen > 1000);
    }

    @Test
    void bestFixedPolicyBeatsHandWrittenTablesAndUsesColour() {
        FixedPolicies.FixedResult best = FixedPolicies.bestFixedPolicy(CFG, ENV);
        assertEquals(256, best.candidates());
        assertEquals(Baselines.meanFitness(CFG, best.policy(), ENV), best.meanFitness(), 0.0);
        // measured once: avoid green (turn right), eat red; its mirror is just as good in expectation
        assertArrayEquals(new int[] {FORWARD, RIGHT, RIGHT, FORWARD}, best.policy().table());
        assertEquals(0.0286975, best.meanFitness(), 1e-9);
        int[][] others = {
            {FORWARD, LEFT, FORWARD, FORWARD}, // always the left arm, eat anything
            {FORWARD, RIGHT, FORWARD, FORWARD}, // colour-blind
            {FORWARD, RIGHT, FORWARD, RIGHT}, // the mirror: eat green, avoid red
            {FORWARD, LEFT, FORWARD, LEFT},
        };
        for (int[] t : others) {
            assertTrue(Baselines.meanFitness(CFG, new ReactivePolicy(t), ENV) <= best.meanFitness());
        }
        assertTrue(Baselines.meanFitness(CFG, new ReactivePolicy(others[1]), ENV)
                < best.meanFitness() - 0.005, "colour helps a fixed policy");
        assertNotEquals(best.policy().table()[Baselines.FRONT_GREEN], best.policy().table()[Baselines.FRONT_RED]);
    }

    @Test
    void seeingTheLastRewardGainsAFixedPolicyAlmostNothing() {
        FixedPolicies.FixedResult plain = FixedPolicies.bestFixedPolicy(CFG, ENV);
        FixedPolicies.FixedResult withReward = FixedPolicies.bestFixedRewardPolicy(CFG, ENV);
        assertEquals(4096, withReward.candidates());
        assertTrue(withReward.policy().usesReward());
        assertTrue(withReward.meanFitness() >= plain.meanFitness(), "the search includes the plain tables");
        // measured once: 0.0291875, by turning away after a poison and so dying a few actions later
        assertEquals(0.0291875, withReward.meanFitness(), 1e-9);
        assertTrue(withReward.meanFitness() - plain.meanFitness() < 0.001);
    }

    @Test
    void oracleClearlyBeatsTheBestFixedPolicyAndRandomIsWorst() {
        Summary random = summary(Baselines.random());
        FixedPolicies.FixedResult fixedResult = FixedPolicies.bestFixedRewardPolicy(CFG, ENV);
        Summary fixed = summary(FixedPolicies.bestFixedPolicy(CFG, ENV).policy());
        Summary fixedReward = summary(fixedResult.policy());
        Summary oracle = summary(OracleLearner.oracle());
        Summary inferring = summary(OracleLearner.oracle(true));

        // the numbers of docs/TMAZE.md
        assertEquals(0.00453375, random.meanFitness(), 1e-9);
        assertEquals(0.0, random.meanFoods(), 0.0);
        assertEquals(0.005, random.meanPoisons(), 1e-12);
        assertEquals(72.34, random.meanStepsAlive(), 1e-9);
        assertEquals(0.0286975, fixed.meanFitness(), 1e-9);
        assertEquals(5.485, fixed.meanFoods(), 1e-12);
        assertEquals(0.98, fixed.meanPoisons(), 1e-12);
        assertEquals(1.0, fixed.reEatRate(), 0.0);
        assertEquals(239.76, fixed.meanStepsAlive(), 1e-9);
        assertEquals(247.6, fixedReward.meanStepsAlive(), 1e-9);
        assertEquals(0.056775, oracle.meanFitness(), 1e-9);
        assertEquals(12.575, oracle.meanFoods(), 1e-12);
        assertEquals(0.905, oracle.meanPoisons(), 1e-12);
        assertEquals(0.0, oracle.reEatRate(), 0.0);
        assertEquals(400.0, oracle.meanStepsAlive(), 0.0);
        assertEquals(0.0580625, inferring.meanFitness(), 1e-9);
        assertEquals(0.52, inferring.meanPoisons(), 1e-12);

        assertTrue(random.meanFitness() < fixed.meanFitness());
        double gap = oracle.meanFitness() - fixedReward.meanFitness();
        double se = Math.hypot(oracle.stderrFitness(), fixedReward.stderrFitness());
        assertTrue(gap > 10 * se, "oracle - best fixed = " + gap + ", standard error " + se);
        assertTrue(oracle.meanFitness() > 1.9 * fixedReward.meanFitness());
        assertTrue(inferring.meanFitness() > oracle.meanFitness());
        assertTrue(inferring.meanFitness() <= 0.06, "0.06 = 14 foods alive all episode");
    }

    @Test
    void oracleLearnsInOneShotAndFollowsTheColourAcrossSwaps() {
        int swapped = 0;
        for (long k : ENV) {
            TMaze m = Baselines.play(CFG, OracleLearner.oracle().forEpisode(k), k, Baselines.swapKey(k));
            assertEquals(0, m.score().poisonsAfterFirstPoison());
            assertEquals(400, m.score().stepsAlive());
            assertTrue(m.score().foods() >= 12, "foods " + m.score().foods());
            swapped += m.score().swaps() > 0 ? 1 : 0;
            TMaze inf = Baselines.play(CFG, OracleLearner.oracle(true).forEpisode(k), k, Baselines.swapKey(k));
            assertTrue(inf.score().poisons() <= 1);
        }
        assertTrue(swapped > 100, "swaps happen in most episodes: " + swapped);
    }

    @Test
    void oracleTurnsAroundAtAKnownPoisonAfterASwap() {
        // red poison on the left, green food on the right; the swap after food 5 is heads
        long k = TMazeTest.envWith(false, false);
        TMaze m = TMazeTest.withSwapFlips(TaskDefaults.maze(), k, true, false);
        MazePolicy p = OracleLearner.oracle().forEpisode(k);
        for (int i = 0; i < 7; i++) {
            m.act(p.act(m));
        }
        assertEquals(1, m.score().poisons(), "first trip: left, poison");
        for (int i = 0; i < 7 * 5; i++) {
            m.act(p.act(m));
        }
        assertEquals(5, m.score().foods(), "then straight to the right arm five times");
        assertEquals(1, m.score().swaps());
        // poison now on the right: walk to the arm (6), see red, turn round (2), go left and eat (3)
        for (int i = 0; i < 10; i++) {
            m.act(p.act(m));
        }
        assertEquals(5, m.score().foods());
        assertEquals(1, m.row());
        assertEquals(2, m.col());
        assertEquals(TMaze.WEST, m.heading());
        m.act(p.act(m));
        assertEquals(6, m.score().foods());
        assertEquals(1, m.score().poisons());
        for (int i = 0; i < 7; i++) {
            m.act(p.act(m));
        }
        assertEquals(7, m.score().foods(), "and now straight to the left arm");
    }

    @Test
    void keysMustMatchTheEnvironments() {
        assertThrows(IllegalArgumentException.class,
                () -> Baselines.meanFitness(CFG, OracleLearner.oracle(), new long[] {1, 2}, new long[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Baselines.stats(CFG, OracleLearner.oracle(), new long[0], new long[0]));
    }

    @Test
    void aMazeMakerPlaysTheSameMazesAndMustUseTheConfig() {
        long[] env = java.util.Arrays.copyOf(ENV, 20);
        java.util.function.LongFunction<TMaze> maker = k -> new TMaze(CFG, k, Baselines.swapKey(k));
        assertEquals(Baselines.stats(CFG, OracleLearner.oracle(), env), Baselines.stats(CFG, OracleLearner.oracle(), env, maker));
        assertEquals(FixedPolicies.bestFixedPolicy(CFG, env).policy().toString(),
                FixedPolicies.bestFixedPolicy(CFG, env, maker).policy().toString());
        MazeConfig other = TaskDefaults.maze("episode_steps", 200);
        assertThrows(IllegalArgumentException.class, () -> Baselines.stats(other, OracleLearner.oracle(), env, maker));
        TMaze used = new TMaze(CFG, 1, 2);
        used.act(TMaze.NONE);
        assertThrows(IllegalArgumentException.class, () -> Baselines.stats(CFG, OracleLearner.oracle(), env, k -> used));
    }
}
