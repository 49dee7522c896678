package org.enu.task.tmaze;

/** A T-maze episode's state as text (the terminal replay draws it). */
public final class MazeText {
    private MazeText() {
    }

    /**
     * The maze as text for a terminal replay: walls #, open cells ., items G and R (the poison
     * named beside the maze), the agent as {@code ^ > v <} ({@code @} in the direct layout, x when dead), then a
     * status line.
     */
    public static String render(TMaze m) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < TMaze.SIZE; r++) {
            for (int c = 0; c < TMaze.SIZE; c++) {
                char ch = m.cell(r, c);
                if (r == m.row() && c == m.col()) {
                    ch = !m.alive() ? 'x' : m.direct() ? '@' : "^>v<".charAt(m.heading());
                }
                sb.append(ch);
            }
            if (r == 1) {
                sb.append("   poison: ").append(m.poisonIsGreen() ? 'G' : 'R');
            }
            sb.append('\n');
        }
        sb.append(String.format(java.util.Locale.ROOT, "action %d/%d  energy %.2f  foods %d  poisons %d  swaps %d  "
                        + "reward %+d  fitness %.5f%s%n", m.actionsTaken(), m.totalActions(), m.energy(), m.score().foods(),
                m.score().poisons(), m.score().swaps(), (int) m.lastReward(), m.fitness(),
                m.alive() ? "" : m.frozen() ? "  DEAD" : "  STARVING"));
        return sb.toString();
    }
}
