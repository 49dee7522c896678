package org.enu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelBenchTest {
    @Test
    void theCeilingIsTheProductsShareOfProductsPlusNonlinearities() {
        // 100 flops at 50 GFLOP/s = 2 ns of products; 4 cells at 0.5 ns = 2 ns more: half the peak at best
        assertEquals(0.5, KernelBench.ceiling(100, 4, 50, 0.5), 1e-12);
        assertEquals(1.0, KernelBench.ceiling(100, 4, 50, 0), 1e-12, "free nonlinearities leave the whole peak");
        // more memory per product flop (a smaller unit) lowers the ceiling
        assertTrue(KernelBench.ceiling(2 * (3 * 8 * 21 + 4 * 9), 8, 150, 0.3)
                < KernelBench.ceiling(2 * (3 * 32 * 81 + 16 * 33), 32, 150, 0.3));
        assertThrows(IllegalArgumentException.class, () -> KernelBench.ceiling(0, 4, 50, 0.5));
        assertThrows(IllegalArgumentException.class, () -> KernelBench.ceiling(100, 4, 50, -1));
        assertThrows(IllegalArgumentException.class, () -> KernelBench.ceiling(100, 0, 50, 0.5));
    }

    @Test
    void theNonlinearPartIsMeasuredInNanosecondsPerCell() {
        Steady.Spread s = KernelBench.nonlinearNanosPerCell(0.01, 2);
        assertEquals(2, s.values().length);
        // a cell is three exponentials and three divisions on one lane of a vector: far above 1 ps, far below 1 us
        assertTrue(s.min() > 1e-3 && s.max() < 1e3, "ns per cell: " + s.median());
    }
}
