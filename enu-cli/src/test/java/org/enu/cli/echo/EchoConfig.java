package org.enu.cli.echo;

import org.enu.check.Check;

/**
 * Settings of the echo task, a task defined only in the tests: it shows that a task is its own
 * files and one registration line ({@code META-INF/services/org.enu.task.TaskType}).
 *
 * @param environments environments per offspring
 * @param steps        steps per episode
 * @param delay        the output should repeat the input of this many steps before
 * @param level        the input when on (off: 0)
 * @param target       the part of the episode scored: all of it, or only the second half
 */
public record EchoConfig(int environments, int steps, int delay, double level, Scored target) {
    /** Which steps count. */
    public enum Scored { ALL, SECOND_HALF }

    public EchoConfig {
        Check.atLeast("environments", environments, 1);
        Check.atLeast("steps", steps, 2);
        Check.inRange("delay", delay, 0, steps - 1);
        Check.openUnit("level", level);
    }
}
