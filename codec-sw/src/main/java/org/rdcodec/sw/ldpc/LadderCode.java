package org.rdcodec.sw.ldpc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate-adaptive LDPC-accumulate (LDPCA) syndrome code: a ladder of codes whose syndromes are prefixes of
 * one bit string that the encoder computes once ({@link SyndromeEncoder#encode}).
 *
 * <p>The base is a PEG code with M checks (rate M / n, {@link DegreeProfile}). Its syndrome s is accumulated,
 * a_j = s_0 xor ... xor s_j, and ladder bit k is a at position {@link #ladderPosition(int) P_k}, the
 * bit-reversal order of offsets from the end (P_0 = M - 1). After t bits the decoder knows a at t positions
 * q_1 &lt; ... &lt; q_t (always including M - 1), hence the parity of every segment (q_{k-1}, q_k] of base checks:
 * the syndrome of the code whose k-th row is the sum of those base rows ({@link #matrixFor(int)}). For every
 * t the known positions are spread evenly, so segments hold floor(M / t) or about 2 M / t rows. With t = M
 * every segment is one base row and the code is the base code itself: a feedback-free code is a ladder whose
 * M is the feedback-free bit count and whose decoder takes all M bits.
 *
 * <p>Merging costs rate as merges grow, so M should sit a little above the rates expected (measured at
 * n = 16384, BSC(0.11): M at 1.6 h(p) gave a mean stopping rate of 1.25-1.34 h(p), M at 1.25 h(p) gave
 * 1.16 h(p)); see {@link RateChoice#ADAPTIVE_HEADROOM} and src/site/ldpc.md. Adding extension checks
 * above a base code instead was tried and dropped: a base at 1.0-1.1 h(p) plus extension checks up to
 * 1.42 h(p) decoded 0 of 10 blocks.
 *
 * <p>Merged matrices are built on first use and kept in a small per-code LRU cache. Thread-safe.
 */
public final class LadderCode {

    /** Prefix matrices kept per code; a rate-adaptive search touches a few dozen ladder steps. */
    private static final int PREFIX_CACHE_SIZE = 48;

    private final ParityCheckMatrix base;
    private final int[] ladder;
    private final long seed;
    private final Map<Integer, ParityCheckMatrix> prefixes;

    private LadderCode(final ParityCheckMatrix base, final long seed) {
        this.base = base;
        this.seed = seed;
        this.ladder = ladderOrder(base.m());
        this.prefixes = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<Integer, ParityCheckMatrix> eldest) {
                return size() > PREFIX_CACHE_SIZE;
            }
        };
    }

    /**
     * Builds (without caching; see {@link CodeCache}) a ladder code.
     *
     * @param n source bits per block, &ge; 2
     * @param maxSyndromeBits M, 1 &le; M &le; n
     * @param seed construction seed
     * @return the code
     */
    public static LadderCode build(final int n, final int maxSyndromeBits, final long seed) {
        if (n < 2 || maxSyndromeBits < 1 || maxSyndromeBits > n) {
            throw new SyndromeCodingException("ladder code: need n >= 2 and 1 <= maxSyndromeBits <= n, got n=" + n
                    + " maxSyndromeBits=" + maxSyndromeBits);
        }
        return new LadderCode(PegBuilder.build(n, maxSyndromeBits, seed), seed);
    }

    /**
     * Wraps an existing base matrix (tests, custom codes).
     *
     * @param base the M-row base matrix
     * @param seed the seed it was built from (informational)
     * @return the code
     */
    public static LadderCode of(final ParityCheckMatrix base, final long seed) {
        return new LadderCode(base, seed);
    }

    static int[] ladderOrder(final int b) {
        int bits = 0;
        while ((1L << bits) < b) {
            bits++;
        }
        final int[] out = new int[b];
        int k = 0;
        for (long i = 0; i < (1L << bits); i++) {
            final long x = bits == 0 ? 0 : Long.reverse(i) >>> (64 - bits);
            if (x < b) {
                out[k++] = (int) (b - 1 - x);
            }
        }
        return out;
    }

    /** @return source bits per block */
    public int n() {
        return base.n();
    }

    /** @return M, the ladder bits the encoder produces */
    public int maxSyndromeBits() {
        return base.m();
    }

    /** @return the construction seed */
    public long seed() {
        return seed;
    }

    /** @return the base (rate M / n) matrix */
    public ParityCheckMatrix base() {
        return base;
    }

    /**
     * @param k ladder index, 0 &le; k &lt; M
     * @return the accumulator position sent as ladder bit k
     */
    public int ladderPosition(final int k) {
        return ladder[k];
    }

    /**
     * @param t prefix length, 1 &le; t &le; M
     * @return the code a decoder holding the first t ladder bits decodes with (t rows)
     */
    public ParityCheckMatrix matrixFor(final int t) {
        checkPrefix(t);
        if (t == base.m()) {
            return base;
        }
        synchronized (prefixes) {
            final ParityCheckMatrix cached = prefixes.get(t);
            if (cached != null) {
                return cached;
            }
        }
        final ParityCheckMatrix built = merge(segmentEnds(t));
        synchronized (prefixes) {
            prefixes.put(t, built);
        }
        return built;
    }

    /**
     * Turns the first t ladder bits into the syndrome of {@link #matrixFor(int)}.
     *
     * @param ladderBits the encoder's output (at least t bits)
     * @param t prefix length, 1 &le; t &le; M
     * @return t syndrome bits, packed
     */
    public long[] syndromeFor(final long[] ladderBits, final int t) {
        checkPrefix(t);
        if (ladderBits.length < ((t + 63) >>> 6)) {
            throw new SyndromeCodingException("ladder code: " + t + " ladder bits requested but only "
                    + ladderBits.length * 64L + " supplied");
        }
        final long[] out = new long[(t + 63) >>> 6];
        final long[] acc = new long[(base.m() + 63) >>> 6];
        for (int k = 0; k < t; k++) {
            final int p = ladder[k];
            acc[p >>> 6] |= ((ladderBits[k >>> 6] >>> k) & 1L) << p;
        }
        final int[] ends = segmentEnds(t);
        long prev = 0;
        for (int k = 0; k < t; k++) {
            final int q = ends[k];
            final long a = (acc[q >>> 6] >>> q) & 1L;
            out[k >>> 6] |= (a ^ prev) << k;
            prev = a;
        }
        return out;
    }

    /**
     * Ladder bits from the base syndrome s = H x: accumulate and reorder.
     *
     * @param syndrome M syndrome bits, packed
     * @return M ladder bits, packed
     */
    long[] ladderFromSyndrome(final long[] syndrome) {
        final int m = base.m();
        final long[] acc = Arrays.copyOf(syndrome, (m + 63) >>> 6);
        accumulateInPlace(acc, m);
        final long[] out = new long[(m + 63) >>> 6];
        for (int k = 0; k < m; k++) {
            final int p = ladder[k];
            out[k >>> 6] |= ((acc[p >>> 6] >>> p) & 1L) << k;
        }
        return out;
    }

    /** Prefix XOR over the first m bits: bit j becomes s_0 xor ... xor s_j; bits at or beyond m cleared. */
    static void accumulateInPlace(final long[] s, final int m) {
        long carry = 0;
        final int words = (m + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long x = s[w];
            x ^= x << 1;
            x ^= x << 2;
            x ^= x << 4;
            x ^= x << 8;
            x ^= x << 16;
            x ^= x << 32;
            x ^= carry;
            s[w] = x;
            carry = x >> 63;
        }
        if ((m & 63) != 0) {
            s[words - 1] &= (1L << (m & 63)) - 1;
        }
    }

    /**
     * @param t prefix length
     * @return the t known accumulator positions, ascending (the last is M - 1)
     */
    int[] segmentEnds(final int t) {
        final int[] ends = Arrays.copyOf(ladder, t);
        Arrays.sort(ends);
        return ends;
    }

    private ParityCheckMatrix merge(final int[] ends) {
        final int t = ends.length;
        final int[] rs = base.rowStart();
        final int[] rv = base.rowVars();
        final int[] rowStart = new int[t + 1];
        int[] rowVars = new int[base.edges()];
        int[] scratch = new int[64];
        int out = 0;
        int from = 0;
        for (int k = 0; k < t; k++) {
            final int to = ends[k] + 1;
            final int len = rs[to] - rs[from];
            if (scratch.length < len) {
                scratch = new int[Math.max(len, scratch.length * 2)];
            }
            System.arraycopy(rv, rs[from], scratch, 0, len);
            Arrays.sort(scratch, 0, len);
            // a variable that appears an even number of times in a segment cancels out of the sum
            int i = 0;
            while (i < len) {
                int j = i + 1;
                while (j < len && scratch[j] == scratch[i]) {
                    j++;
                }
                if (((j - i) & 1) == 1) {
                    rowVars[out++] = scratch[i];
                }
                i = j;
            }
            rowStart[k + 1] = out;
            from = to;
        }
        rowVars = Arrays.copyOf(rowVars, out);
        return ParityCheckMatrix.fromRows(base.n(), t, rowStart, rowVars);
    }

    private void checkPrefix(final int t) {
        if (t < 1 || t > base.m()) {
            throw new SyndromeCodingException("ladder code: prefix " + t + " outside [1, " + base.m() + "]");
        }
    }
}
