package org.enu.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether enu talks to a person at a terminal (progress bars, redrawn replays) or to a pipe or file. */
final class Terminal {
    /** {@code Console.isTerminal()}, from JDK 22 on; null before. */
    private static final Method IS_TERMINAL = isTerminalMethod();

    private Terminal() {
    }

    /**
     * True when standard input and output are a terminal. Up to JDK 21 {@code System.console()} is
     * null otherwise; from JDK 22 on it is never null, and {@code Console.isTerminal()} tells.
     */
    @SuppressWarnings("SystemConsoleNull") // a null console is the JDK 17-21 answer; isTerminal() is asked below
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true;
        }
        try {
            return (Boolean) IS_TERMINAL.invoke(console);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Method isTerminalMethod() {
        try {
            return Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
