package org.enu.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The range checks: what each lets through, and the one message each kind of setting gets. */
class CheckTest {
    private static void refused(String message, Executable check) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, check).getMessage());
    }

    @Test
    void finiteNumbersAndTheirSigns() {
        assertEquals(-2.5, Check.finite("a", -2.5));
        assertEquals(1e-300, Check.positive("a", 1e-300));
        assertEquals(0.0, Check.nonNegative("a", 0.0));
        assertEquals(0.0, Check.nonPositive("a", 0.0));
        refused("a: must be a finite number, got NaN", () -> Check.finite("a", Double.NaN));
        refused("tau: must be a finite number > 0, got 0.0", () -> Check.positive("tau", 0));
        refused("tau: must be a finite number > 0, got Infinity", () -> Check.positive("tau", Double.POSITIVE_INFINITY));
        refused("w: must be a finite number >= 0, got -1.0", () -> Check.nonNegative("w", -1));
        refused("w: must be a finite number >= 0, got NaN", () -> Check.nonNegative("w", Double.NaN));
        refused("r: must be a finite number <= 0, got 0.5", () -> Check.nonPositive("r", 0.5));
        refused("r: must be a finite number <= 0, got -Infinity", () -> Check.nonPositive("r", Double.NEGATIVE_INFINITY));
    }

    @Test
    void intervals() {
        assertEquals(1.0, Check.fraction("p", 1));
        refused("p: must be in [0, 1], got 1.5", () -> Check.fraction("p", 1.5));
        refused("p: must be in [0, 1], got NaN", () -> Check.fraction("p", Double.NaN));
        refused("m: must be in [0, 1), got 1.0", () -> Check.belowOne("m", 1));
        refused("s: must be in (0, 1), got 0.0", () -> Check.openUnit("s", 0));
        refused("high: must be finite and > low, got 0.5", () -> Check.above("high", 0.5, "low", 0.5));
        refused("high: must be finite and > low, got Infinity", () -> Check.above("high", Double.POSITIVE_INFINITY,
                "low", 0));
    }

    @Test
    void floatSettingsShowTheValueAsSet() {
        refused("sigma: must be a finite number > 0, got -0.1", () -> Check.positive("sigma", -0.1f));
        refused("momentum: must be in [0, 1), got 1.1", () -> Check.belowOne("momentum", 1.1f));
        refused("noise: must be a finite number >= 0, got NaN", () -> Check.nonNegative("noise", Float.NaN));
        refused("shift: must be a finite number, got Infinity", () -> Check.finite("shift", Float.POSITIVE_INFINITY));
    }

    @Test
    void counts() {
        assertEquals(3, Check.atLeast("n", 3, 3));
        refused("n: must be >= 1, got 0", () -> Check.atLeast("n", 0, 1));
        refused("cap: must be in 1..1000, got 1001", () -> Check.inRange("cap", 1001, 1, 1000));
    }
}
