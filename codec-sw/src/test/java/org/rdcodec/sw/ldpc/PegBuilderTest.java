package org.rdcodec.sw.ldpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PegBuilderTest {

    @Test
    void columnDegreesFollowTheProfile() {
        for (final int m : new int[] {205, 600, 1024, 1800}) {
            final int n = 2048;
            final ParityCheckMatrix h = PegBuilder.build(n, m, 3);
            final DegreeProfile profile = DegreeProfile.forShape(n, m);
            final int[] count = new int[64];
            for (int v = 0; v < n; v++) {
                count[h.columnDegree(v)]++;
            }
            assertEquals(profile.degreeTwo(), count[2], "degree-2 variables, m=" + m);
            assertEquals(profile.edges(m), h.edges(), "edges, m=" + m);
            assertEquals(Math.min(m - 1, Math.round(DegreeProfile.DEGREE_TWO_CAP * n)), profile.degreeTwo());
        }
    }

    /** Each syndrome-rate band gets its own high degree and fraction of the information variables. */
    @Test
    void highDegreeFollowsTheSyndromeRateBand() {
        final int n = 65536;
        final int[][] expect = {{6554, 9}, {22938, 10}, {37683, 12}}; // m = 0.1 n, 0.35 n, 0.575 n
        final double[] fraction = {0.3, 0.25, 0.2};
        for (int b = 0; b < expect.length; b++) {
            final int m = expect[b][0];
            final DegreeProfile profile = DegreeProfile.forShape(n, m);
            assertEquals(expect[b][1], profile.highDegree(), "band of m=" + m);
            assertEquals(Math.round((n - profile.degreeTwo()) * fraction[b]), profile.highCount(), "band of m=" + m);
        }
        assertEquals(0, DegreeProfile.band(0.2));
        assertEquals(1, DegreeProfile.band(0.2000001));
        assertEquals(2, DegreeProfile.band(0.46));
    }

    @Test
    void checkDegreesAreConcentrated() {
        final ParityCheckMatrix h = PegBuilder.build(4096, 2048, 5);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c = 0; c < h.m(); c++) {
            final int d = h.rowStart()[c + 1] - h.rowStart()[c];
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        // PEG always picks a lowest-degree check, so degrees differ by at most 2 (one from the chain ends)
        assertTrue(max - min <= 2, "check degrees " + min + ".." + max);
    }

    /**
     * Where the graph is sparse enough (a variable's distance-2 neighbourhood does not cover every check) PEG
     * never closes a 4-cycle. At high code rates (few checks of high degree, e.g. n = 2048, m = 300) it may have
     * to, exactly as textbook PEG does.
     */
    @Test
    void hasNoFourCycles() {
        for (final int m : new int[] {1024, 1800}) {
            final ParityCheckMatrix h = PegBuilder.build(2048, m, 11);
            final int[] seen = new int[h.m()];
            Arrays.fill(seen, -1);
            final int[] rs = h.rowStart();
            final int[] rv = h.rowVars();
            final int[] cs = h.colStart();
            final int[] cc = h.colChecks();
            for (int c = 0; c < h.m(); c++) {
                for (int e = rs[c]; e < rs[c + 1]; e++) {
                    final int v = rv[e];
                    for (int k = cs[v]; k < cs[v + 1]; k++) {
                        final int other = cc[k];
                        if (other == c) {
                            continue;
                        }
                        assertFalse(seen[other] == c, "checks " + c + " and " + other + " share two variables, m=" + m);
                        seen[other] = c;
                    }
                }
            }
        }
    }

    /**
     * The CEO codec's smallest grid code at 65536-bit blocks: 64 checks of degree about 4900. Before the search
     * stopped at the level that reaches every check, this build took 72 s on an idle core (each placed edge
     * walked its first check's thousands of variables); now a fraction of a second. The timeout is a hang
     * guard with a wide margin for a loaded machine, not a speed measurement.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fewChecksOfHighDegreeBuildQuickly() {
        final int n = 65536;
        final int m = 64;
        final ParityCheckMatrix h = PegBuilder.build(n, m, 7);
        assertEquals(DegreeProfile.forShape(n, m).edges(m), h.edges());
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c = 0; c < m; c++) {
            final int d = h.rowStart()[c + 1] - h.rowStart()[c];
            min = Math.min(min, d);
            max = Math.max(max, d);
            for (int e = h.rowStart()[c] + 1; e < h.rowStart()[c + 1]; e++) {
                assertTrue(h.rowVars()[e] > h.rowVars()[e - 1], "repeated edge in check " + c);
            }
        }
        assertTrue(max - min <= 2, "check degrees " + min + ".." + max);
    }

    /**
     * Fingerprints (31 x hash(rowStart) + hash(rowVars)) of codes built before the search was rewritten for
     * speed (flat adjacency arrays, a dropped level's checks no longer walked): the rewrite must build exactly
     * the same matrices, since codes are identified by (n, m, seed) alone. Shapes cover all three syndrome-rate
     * bands of {@link DegreeProfile}; a deliberate profile change updates the pins of its band.
     */
    @Test
    void buildsTheSameCodesAsBefore() {
        final int[][] pins = {
            {1000, 950, 1, -472941860},
            {2048, 1024, 3, -749993437},
            {2048, 1800, 11, 1873624189},
            {3000, 1100, 42, -1734586223},
            {4096, 330, 7, 1014323815},
            {16384, 5600, 7, -12875918},
            {16384, 9000, 7, -1043480349},
        };
        for (final int[] pin : pins) {
            final ParityCheckMatrix h = PegBuilder.build(pin[0], pin[1], pin[2]);
            assertEquals(pin[3], 31 * Arrays.hashCode(h.rowStart()) + Arrays.hashCode(h.rowVars()),
                    "code n=" + pin[0] + " m=" + pin[1] + " seed=" + pin[2]);
        }
    }

    @Test
    void isDeterministicInTheSeed() {
        final ParityCheckMatrix a = PegBuilder.build(3000, 1100, 42);
        final ParityCheckMatrix b = PegBuilder.build(3000, 1100, 42);
        final ParityCheckMatrix c = PegBuilder.build(3000, 1100, 43);
        assertArrayEquals(a.rowStart(), b.rowStart());
        assertArrayEquals(a.rowVars(), b.rowVars());
        assertFalse(Arrays.equals(a.rowVars(), c.rowVars()));
    }

    @Test
    void tinyAndExtremeShapesWork() {
        for (final int[] nm : new int[][] {{2, 1}, {2, 2}, {5, 1}, {5, 3}, {64, 64}, {1000, 50}, {1000, 950}}) {
            final ParityCheckMatrix h = PegBuilder.build(nm[0], nm[1], 1);
            assertEquals(nm[0], h.n());
            assertEquals(nm[1], h.m());
            for (int v = 0; v < h.n(); v++) {
                assertTrue(h.columnDegree(v) >= 1, "variable " + v + " unconnected in " + Arrays.toString(nm));
            }
        }
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(SyndromeCodingException.class, () -> PegBuilder.build(100, 0, 1));
        assertThrows(SyndromeCodingException.class, () -> PegBuilder.build(100, 101, 1));
        assertThrows(SyndromeCodingException.class, () -> PegBuilder.build(1, 1, 1));
    }
}
