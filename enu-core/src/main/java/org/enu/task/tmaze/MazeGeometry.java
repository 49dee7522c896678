package org.enu.task.tmaze;

import static org.enu.task.tmaze.TMaze.*;

/**
 * The cells of a T-maze layout, where its items, start and junction are, and what the sensors
 * report at a position. The turn layout (the paper):
 * <pre>
 *   #######   row 0
 *   #A...B#   row 1: the arms, columns 1..5; items at (1,1) and (1,5)
 *   ###.###   row 2: the stem, column 3
 *   ###.###   row 3
 *   ###.###   row 4
 *   ###S###   row 5: start (5,3), facing north
 *   #######   row 6
 * </pre>
 * The direct layout (the authors' published maze):
 * <pre>
 *   #######   row 0
 *   #####A#   row 1: item A (the "left" item, top) at (1,5)
 *   #####.#   row 2
 *   ##S..J#   row 3: start (3,2), junction (3,5)
 *   #####.#   row 4
 *   #####B#   row 5: item B (the "right" item, bottom) at (5,5)
 *   #######   row 6
 * </pre>
 *
 * @param itemRow row of item A (index 0) and item B (index 1)
 * @param itemCol column of item A and item B
 */
record MazeGeometry(boolean direct, String[] map, int[] itemRow, int[] itemCol, int startRow, int startCol,
                    int startHeading, int junctionRow, int junctionCol) {
    static final int[] DROW = {-1, 0, 1, 0};
    static final int[] DCOL = {0, 1, 0, -1};

    static final MazeGeometry TURN = new MazeGeometry(false, new String[] {
        "#######",
        "#.....#",
        "###.###",
        "###.###",
        "###.###",
        "###.###",
        "#######",
    }, new int[] {ARM_ROW, ARM_ROW}, new int[] {LEFT_ITEM_COL, RIGHT_ITEM_COL}, START_ROW, START_COL, NORTH,
            ARM_ROW, START_COL);

    static final MazeGeometry DIRECT = new MazeGeometry(true, new String[] {
        "#######",
        "#####.#",
        "#####.#",
        "##....#",
        "#####.#",
        "#####.#",
        "#######",
    }, new int[] {D_ITEM_A_ROW, D_ITEM_B_ROW}, new int[] {D_ITEM_COL, D_ITEM_COL}, D_START_ROW, D_START_COL, EAST,
            D_JUNCTION_ROW, D_JUNCTION_COL);

    static MazeGeometry of(MazeConfig cfg) {
        return cfg.direct() ? DIRECT : TURN;
    }

    boolean isWall(int r, int c) {
        return r < 0 || c < 0 || r >= SIZE || c >= SIZE || map[r].charAt(c) == '#';
    }

    /** The item at a cell (0 = A, 1 = B), or -1. */
    int itemAt(int r, int c) {
        for (int i = 0; i < 2; i++) {
            if (r == itemRow[i] && c == itemCol[i]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sensor s of an agent at (row, col) with a heading, green being item {@code greenItem}. Turn
     * layout: whether the cell in front is a wall, green or red. Direct layout: whether the cell to
     * the right is a wall, whether green (red) is next to the agent.
     */
    boolean sense(int s, int row, int col, int heading, int greenItem) {
        if (direct) {
            if (s == SENSOR_WALL) {
                return isWall(row, col + 1);
            }
            int item = s == SENSOR_GREEN ? greenItem : 1 - greenItem;
            return Math.abs(itemRow[item] - row) + Math.abs(itemCol[item] - col) == 1;
        }
        int r = row + DROW[heading];
        int c = col + DCOL[heading];
        return switch (s) {
            case SENSOR_WALL -> isWall(r, c);
            case SENSOR_GREEN -> r == itemRow[greenItem] && c == itemCol[greenItem];
            default -> r == itemRow[1 - greenItem] && c == itemCol[1 - greenItem];
        };
    }

    /** The arm (0 = A, 1 = B) a move from (row, col) to the open cell (r, c) enters from the junction, or -1. */
    int armEntered(int row, int col, int r, int c) {
        if (row != junctionRow || col != junctionCol || (r == junctionRow + 1 && c == junctionCol && !direct)) {
            return -1;
        }
        return direct ? (r < junctionRow ? 0 : 1) : (c < junctionCol ? 0 : 1);
    }

    /** The cell (row · SIZE + col) a move leads to: forward (turn layout) or right, up, down (direct). */
    int target(int action, int row, int col, int heading) {
        if (!direct) {
            return (row + DROW[heading]) * SIZE + col + DCOL[heading];
        }
        return switch (action) {
            case MOVE_RIGHT -> row * SIZE + col + 1;
            case MOVE_UP -> (row - 1) * SIZE + col;
            default -> (row + 1) * SIZE + col;
        };
    }
}
