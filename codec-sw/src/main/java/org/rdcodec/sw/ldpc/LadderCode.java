package org.rdcodec.sw.ldpc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate-adaptive syndrome code: a ladder of nested codes whose syndromes are prefixes of one bit string that
 * the encoder computes once ({@link SyndromeEncoder#encode}).
 *
 * <p><b>Check splitting.</b> The base is a PEG code with B checks (rate B / n, {@link DegreeProfile}). Ladder
 * bits 0 .. B-1 are its syndrome. Each further bit B + r splits one base check c = {@link #splitCheck(int)
 * S_r} into two halves (its variables at even and at odd positions) and carries the parity of the first half;
 * the second half's parity is the base bit xor that one. So the code after t bits (B &le; t &le; M) is the base
 * code with t - B of its checks split: t checks, strictly more information than the base, and every step is
 * one more bit. Splits follow the bit-reversal order of check indices, so they spread evenly over the code.
 * With M = B there is no ladder: that is the feedback-free code.
 *
 * <p><b>Why splitting and not LDPCA merging.</b> LDPCA (accumulate the syndrome of a high-rate code, reach
 * lower rates by merging checks) was implemented first and measured: merging even a few percent of checks
 * of these IRA codes costs more rate than it saves (n = 65536, BSC(0.11): mean stopping rate 1.23 h(p) with
 * the top code at 1.30 h(p), while the unmerged code at 1.15 h(p) decoded 100% of blocks). Splitting starts
 * from a code that already nearly works and only adds information. Adding unrelated extension checks was
 * also tried: a base at 1.0-1.1 h(p) plus extension checks up to 1.42 h(p) decoded 0 of 10 blocks.
 *
 * <p>Split matrices are built on first use and kept in a small per-code LRU cache. Thread-safe.
 */
public final class LadderCode {

    /** Split matrices kept per code; a rate-adaptive search touches a few dozen ladder steps. */
    private static final int PREFIX_CACHE_SIZE = 48;

    private final ParityCheckMatrix base;
    private final ParityCheckMatrix halves;
    private final int maxSyndromeBits;
    private final int[] splitOrder;
    private final int[] splitRank;
    private final long seed;
    private final Map<Integer, ParityCheckMatrix> prefixes;

    private LadderCode(final ParityCheckMatrix base, final int maxSyndromeBits, final long seed) {
        final int b = base.m();
        if (maxSyndromeBits < b || maxSyndromeBits > Math.min(2 * b, base.n())) {
            throw new SyndromeCodingException("ladder code: need B <= M <= min(2B, n), got B=" + b + " M="
                    + maxSyndromeBits + " n=" + base.n());
        }
        this.base = base;
        this.maxSyndromeBits = maxSyndromeBits;
        this.seed = seed;
        this.halves = halvesOf(base);
        this.splitOrder = bitReversalOrder(b);
        this.splitRank = new int[b];
        for (int r = 0; r < b; r++) {
            splitRank[splitOrder[r]] = r;
        }
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
     * @param baseChecks B, 1 &le; B &le; n
     * @param maxSyndromeBits M, B &le; M &le; min(2B, n)
     * @param seed construction seed
     * @return the code
     */
    public static LadderCode build(final int n, final int baseChecks, final int maxSyndromeBits, final long seed) {
        if (n < 2 || baseChecks < 1 || baseChecks > n) {
            throw new SyndromeCodingException("ladder code: need n >= 2 and 1 <= baseChecks <= n, got n=" + n
                    + " baseChecks=" + baseChecks);
        }
        return new LadderCode(PegBuilder.build(n, baseChecks, seed), maxSyndromeBits, seed);
    }

    /**
     * A feedback-free code: B = M.
     *
     * @param n source bits per block
     * @param syndromeBits M = B
     * @param seed construction seed
     * @return the code
     */
    public static LadderCode build(final int n, final int syndromeBits, final long seed) {
        return build(n, syndromeBits, syndromeBits, seed);
    }

    /**
     * Wraps an existing base matrix (tests, custom codes).
     *
     * @param base the B-row base matrix
     * @param maxSyndromeBits M
     * @param seed the seed it was built from (informational)
     * @return the code
     */
    public static LadderCode of(final ParityCheckMatrix base, final int maxSyndromeBits, final long seed) {
        return new LadderCode(base, maxSyndromeBits, seed);
    }

    static int[] bitReversalOrder(final int b) {
        int bits = 0;
        while ((1L << bits) < b) {
            bits++;
        }
        final int[] out = new int[b];
        int k = 0;
        for (long i = 0; i < (1L << bits); i++) {
            final long x = bits == 0 ? 0 : Long.reverse(i) >>> (64 - bits);
            if (x < b) {
                out[k++] = (int) x;
            }
        }
        return out;
    }

    /** Row 2c holds the variables of base row c at even positions, row 2c + 1 those at odd positions. */
    private static ParityCheckMatrix halvesOf(final ParityCheckMatrix base) {
        final int b = base.m();
        final int[] rs = base.rowStart();
        final int[] rv = base.rowVars();
        final int[] rowStart = new int[2 * b + 1];
        final int[] rowVars = new int[base.edges()];
        int at = 0;
        for (int c = 0; c < b; c++) {
            for (int parity = 0; parity < 2; parity++) {
                for (int e = rs[c] + parity; e < rs[c + 1]; e += 2) {
                    rowVars[at++] = rv[e];
                }
                rowStart[2 * c + parity + 1] = at;
            }
        }
        return ParityCheckMatrix.fromRows(base.n(), 2 * b, rowStart, rowVars);
    }

    /** @return source bits per block */
    public int n() {
        return base.n();
    }

    /** @return B, the base code's checks: the shortest usable prefix */
    public int baseChecks() {
        return base.m();
    }

    /** @return M, the ladder bits the encoder produces */
    public int maxSyndromeBits() {
        return maxSyndromeBits;
    }

    /** @return the construction seed */
    public long seed() {
        return seed;
    }

    /** @return the base (rate B / n) matrix */
    public ParityCheckMatrix base() {
        return base;
    }

    /** @return the 2B half rows the encoder computes (row 2c and 2c + 1 are the halves of base row c) */
    public ParityCheckMatrix halves() {
        return halves;
    }

    /**
     * @param r split index, 0 &le; r &lt; B
     * @return the base check that ladder bit B + r splits
     */
    public int splitCheck(final int r) {
        return splitOrder[r];
    }

    /**
     * @param t prefix length, B &le; t &le; M
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
        final int splits = t - base.m();
        final int[] rs = base.rowStart();
        final int[] rv = base.rowVars();
        final int[] hs = halves.rowStart();
        final int[] hv = halves.rowVars();
        final int[] rowStart = new int[t + 1];
        final int[] rowVars = new int[base.edges()];
        int row = 0;
        int at = 0;
        for (int c = 0; c < base.m(); c++) {
            if (splitRank[c] < splits) {
                for (int half = 2 * c; half <= 2 * c + 1; half++) {
                    final int len = hs[half + 1] - hs[half];
                    System.arraycopy(hv, hs[half], rowVars, at, len);
                    at += len;
                    rowStart[++row] = at;
                }
            } else {
                final int len = rs[c + 1] - rs[c];
                System.arraycopy(rv, rs[c], rowVars, at, len);
                at += len;
                rowStart[++row] = at;
            }
        }
        final ParityCheckMatrix built = ParityCheckMatrix.fromRows(base.n(), t, rowStart, rowVars);
        synchronized (prefixes) {
            prefixes.put(t, built);
        }
        return built;
    }

    /**
     * Turns the first t ladder bits into the syndrome of {@link #matrixFor(int)}.
     *
     * @param ladderBits the encoder's output (at least t bits)
     * @param t prefix length, B &le; t &le; M
     * @return t syndrome bits, packed
     */
    public long[] syndromeFor(final long[] ladderBits, final int t) {
        checkPrefix(t);
        if (ladderBits.length < ((t + 63) >>> 6)) {
            throw new SyndromeCodingException("ladder code: " + t + " ladder bits requested but only "
                    + ladderBits.length * 64L + " supplied");
        }
        final int b = base.m();
        final int splits = t - b;
        final long[] out = new long[(t + 63) >>> 6];
        int row = 0;
        for (int c = 0; c < b; c++) {
            final long whole = bit(ladderBits, c);
            final int r = splitRank[c];
            if (r < splits) {
                final long first = bit(ladderBits, b + r);
                out[row >>> 6] |= first << row;
                row++;
                out[row >>> 6] |= (first ^ whole) << row;
            } else {
                out[row >>> 6] |= whole << row;
            }
            row++;
        }
        return out;
    }

    /**
     * Ladder bits from the half-row syndrome (2B bits of {@link #halves()} times x).
     *
     * @param halfSyndrome 2B bits, packed
     * @return M ladder bits, packed
     */
    long[] ladderFromHalves(final long[] halfSyndrome) {
        final int b = base.m();
        final long[] out = new long[(maxSyndromeBits + 63) >>> 6];
        for (int c = 0; c < b; c++) {
            out[c >>> 6] |= (bit(halfSyndrome, 2 * c) ^ bit(halfSyndrome, 2 * c + 1)) << c;
        }
        for (int k = b; k < maxSyndromeBits; k++) {
            out[k >>> 6] |= bit(halfSyndrome, 2 * splitOrder[k - b]) << k;
        }
        return out;
    }

    private static long bit(final long[] words, final int i) {
        return (words[i >>> 6] >>> i) & 1L;
    }

    private void checkPrefix(final int t) {
        if (t < base.m() || t > maxSyndromeBits) {
            throw new SyndromeCodingException("ladder code: prefix " + t + " outside [" + base.m() + ", "
                    + maxSyndromeBits + "]");
        }
    }
}
