package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jdk.incubator.vector.IntVector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Vector API plane extraction against the scalar reference and the definition, on every tail size. */
class PlaneBitsKernelTest {

    private static final int FROM = 3;

    static IntStream sizes() {
        final int lanes = IntVector.SPECIES_PREFERRED.length();
        return IntStream.of(0, 1, lanes - 1, lanes + 1, 63, 64, 65, 1000, 4099);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void vectorEqualsScalarEqualsDefinition(final int n) {
        final SplittableRandom rnd = new SplittableRandom(n);
        final int[] r = new int[FROM + n + 5];
        for (int i = 0; i < r.length; i++) {
            r[i] = i % 5 == 0 ? -rnd.nextInt(1 << 20) : rnd.nextInt();
        }
        for (final int plane : new int[] {0, 1, 5, 30, 31}) {
            final long[] expected = new long[(n + 63) >>> 6];
            for (int i = 0; i < n; i++) {
                expected[i >>> 6] |= (long) ((r[FROM + i] >>> plane) & 1) << (i & 63);
            }
            final long[] scalar = new long[expected.length];
            final long[] vector = new long[expected.length];
            // stale words must be overwritten
            Arrays.fill(scalar, -1L);
            Arrays.fill(vector, -1L);
            new ScalarPlaneBitsKernel().extract(r, FROM, n, plane, scalar);
            new PanamaPlaneBitsKernel().extract(r, FROM, n, plane, vector);
            assertArrayEquals(expected, scalar, "scalar, plane " + plane);
            assertArrayEquals(expected, vector, "vector, plane " + plane);
        }
    }
}
