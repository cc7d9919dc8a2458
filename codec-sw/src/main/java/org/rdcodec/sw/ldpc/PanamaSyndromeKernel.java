package org.rdcodec.sw.ldpc;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-wise syndrome with gathers, {@code lanes} checks at a time (16 with AVX-512): the source bits are first
 * expanded to one int per bit (a vector shift of the broadcast word per {@code lanes} bits), then for a group
 * of checks the k-th variables of all of them are gathered in one instruction and XORed, d times for rows of
 * (padded) length d; the lanes' low bits are the group's syndrome bits. Layout: {@link ParityCheckMatrix#checkGroups}
 * (short rows and the last group padded with a phantom variable n whose expanded bit is 0). This trades the
 * scalar kernel's data-dependent loop (one iteration per set bit, with unpredictable exits) for a fixed number of
 * gathers, m * d / lanes.
 */
public final class PanamaSyndromeKernel implements SyndromeKernel {

    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int L = I.length();
    private static final ThreadLocal<int[]> BITS = ThreadLocal.withInitial(() -> new int[0]);

    /** For {@link org.rdcodec.core.simd.VectorizationProvider}. */
    public PanamaSyndromeKernel() {
        // stateless apart from per-thread scratch
    }

    @Override
    public void syndrome(final ParityCheckMatrix h, final long[] sourceWords, final long[] s) {
        final int n = h.n();
        final int words = SourceBlock.words(n);
        int[] bits = BITS.get();
        if (bits.length < words * 64 + 1) {
            bits = new int[words * 64 + 1];
            BITS.set(bits);
        }
        final IntVector shifts = IntVector.zero(I).addIndex(1);
        for (int w = 0; w < words; w++) {
            final long x = sourceWords[w];
            for (int q = 0; q < 64; q += L) {
                IntVector.broadcast(I, (int) (x >>> q)).lanewise(VectorOperators.LSHR, shifts).and(1)
                        .intoArray(bits, (w << 6) + q);
            }
        }
        bits[n] = 0; // the phantom variable (n < words * 64: it is a cleared bit anyway, n = words * 64: past the end)
        final ParityCheckMatrix.CheckGroups g = h.checkGroups(L);
        final int[] idx = g.vars();
        final int d = g.degree();
        final int m = h.m();
        for (int c0 = 0, e = 0; c0 < m; c0 += L) {
            IntVector acc = IntVector.fromArray(I, bits, 0, idx, e);
            e += L;
            for (int k = 1; k < d; k++, e += L) {
                acc = acc.lanewise(VectorOperators.XOR, IntVector.fromArray(I, bits, 0, idx, e));
            }
            // L divides 64, so a group's bits never straddle two words; phantom checks of the last group are 0
            s[c0 >>> 6] |= acc.compare(VectorOperators.NE, 0).toLong() << (c0 & 63);
        }
    }
}
