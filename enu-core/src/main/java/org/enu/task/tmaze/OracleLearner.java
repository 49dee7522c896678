package org.enu.task.tmaze;

/**
 * Hand-written learners of the T-maze that know the maze and the rules but not which colour is
 * poison: the oracle learner (roughly what learning can reach) and the colour-blind side learner.
 */
public final class OracleLearner {
    private OracleLearner() {
    }

    /**
     * The oracle learner that learns only from poison: see {@link #oracle(boolean)} with
     * {@code inferFromFood = false}.
     */
    public static MazePolicy.Factory oracle() {
        return oracle(false);
    }

    /**
     * A hand-written learner that knows the maze and the rules but not which colour is poison.
     * It walks the shortest path to a target arm (first the left one) and eats what is there. A
     * negative reward teaches it the poison colour (the colour that was in front when it ate);
     * from then on, when that colour is in front it turns round and goes to the other arm. It
     * also keeps as its target the arm where it last ate food, so it walks straight to food and
     * pays the detour only after a swap; it remembers the colour, not the side, so swaps do not
     * fool it. With {@code inferFromFood} it also concludes from a first food that the other
     * colour is poison (so it never eats poison unless its very first meal is poison). It reads
     * its own position and heading from the maze, which a dead-reckoning agent that knows the
     * map could track itself.
     */
    public static MazePolicy.Factory oracle(boolean inferFromFood) {
        return envKey -> new Oracle(inferFromFood, false);
    }

    /**
     * The colour-blind side learner (win-stay, lose-shift): it walks to a target arm (first the
     * left one) and eats what is there; a poison makes it switch arms, food keeps it. It never
     * looks at the colours, so it eats poison again after every swap that moves the poison into
     * its arm: the learner that fitness alone cannot tell from the oracle, but the re-eat rate can.
     */
    public static MazePolicy.Factory sideLearner() {
        return envKey -> new Oracle(false, true);
    }

    private static final class Oracle implements MazePolicy {
        private final boolean inferFromFood;
        private final boolean colourBlind;
        private int badColour = -1; // Baselines.FRONT_GREEN or Baselines.FRONT_RED once known
        private int target = 0; // the arm to walk to: 0 = left (A), 1 = right (B)
        private int frontBefore = Baselines.FRONT_NOTHING; // front cell when the previous action was chosen

        Oracle(boolean inferFromFood, boolean colourBlind) {
            this.inferFromFood = inferFromFood;
            this.colourBlind = colourBlind;
        }

        @Override
        public int act(TMaze m) {
            double r = m.lastReward();
            if (r != 0 && (frontBefore == Baselines.FRONT_GREEN || frontBefore == Baselines.FRONT_RED)) {
                // It ate the item at targetCol, whose colour was in front before the move.
                if (r < 0) {
                    badColour = colourBlind ? -1 : frontBefore;
                    target = 1 - target;
                } else if (inferFromFood && badColour < 0) {
                    badColour = frontBefore == Baselines.FRONT_GREEN ? Baselines.FRONT_RED : Baselines.FRONT_GREEN;
                }
            }
            int f = Baselines.front(m);
            if (f == badColour) {
                // The poison is in front, so it is at the end of the arm being walked: go to the other.
                target = 1 - target;
            }
            frontBefore = f;
            if (m.direct()) {
                if (m.col() < TMaze.D_JUNCTION_COL) {
                    return TMaze.MOVE_RIGHT; // in the stem
                }
                // at the junction or in an arm: towards the target item (eats it from the arm cell)
                return target == 0 ? TMaze.MOVE_UP : TMaze.MOVE_DOWN;
            }
            return steer(m, desiredHeading(m));
        }

        private int desiredHeading(TMaze m) {
            if (m.row() > TMaze.ARM_ROW) {
                return TMaze.NORTH; // in the stem
            }
            int targetCol = target == 0 ? TMaze.LEFT_ITEM_COL : TMaze.RIGHT_ITEM_COL;
            return targetCol < m.col() ? TMaze.WEST : TMaze.EAST;
        }

        private static int steer(TMaze m, int want) {
            int diff = (want - m.heading()) & 3;
            return switch (diff) {
                case 0 -> TMaze.FORWARD;
                case 3 -> TMaze.LEFT;
                default -> TMaze.RIGHT; // 1, or 2 (half turn, either way)
            };
        }
    }
}
