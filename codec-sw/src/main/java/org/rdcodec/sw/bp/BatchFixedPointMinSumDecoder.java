package org.rdcodec.sw.bp;

import java.util.Arrays;

import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.SyndromeCodingException;

/**
 * Layered min-sum (corrected or normalized, {@link FixedPointCheckRule}) with 16-bit saturated fixed-point
 * messages on {@link #lanes()} blocks at once
 * (same matrix, different sources and side information; 32 with AVX-512, 16 with AVX2, or fewer as chosen by
 * {@value #VECTOR_BITS_PROPERTY}): lane j of every
 * {@code ShortVector} belongs to block j, and posteriors and messages are stored interleaved (variable v,
 * block j at {@code v * lanes + j}), so each edge is one contiguous 64-byte load. The arithmetic is
 * {@link FixedPointRules}, the same as {@link LayeredFixedPointMinSumDecoder} (same rule) lane for lane, so every block's
 * bits and iteration count equal decoding it alone with the scalar twin (tested).
 *
 * <p>A block's result is taken at the first iteration in which its syndrome holds (its hard decisions are
 * extracted then); the batch runs until every block has converged or the limit is reached. With a stall window
 * W &gt; 0 ({@link #decode(ParityCheckMatrix, float[][], long[][], int, long[][], int)}) a block also stops, as
 * failed, when its count of unsatisfied checks (taken at each check's turn in the sweep) has not reached a new
 * minimum for W iterations: a failing attempt then costs about W iterations past its plateau instead of the
 * whole limit. The rule can only turn a late success into a failure, never the reverse. Not thread-safe.
 */
public final class BatchFixedPointMinSumDecoder {

    /** System property choosing the vector width in bits (128, 256 or 512, at most the preferred width). */
    public static final String VECTOR_BITS_PROPERTY = "rdcodec.bp.vectorBits";

    private static final VectorSpecies<Short> S = configuredSpecies(System.getProperty(VECTOR_BITS_PROPERTY));
    private static final int L = S.length();
    private static final short MAX = (short) FixedPointRules.MAX;
    /** Lanes in a block of variables loaded together: 64 variables x L lanes x 2 bytes stay in L1. */
    private static final int LOAD_BLOCK = 64;

    private short[] post = new short[0];
    private short[] msgs = new short[0];
    private short[] ext = new short[0];
    private short[] synSign = new short[0];
    private long[] signs = new long[0];
    private ParityCheckMatrix last;
    private int[] shifts = new int[0];
    /** Variable v's posteriors live at slot[v] * L: variables numbered in order of first use by the sweep. */
    private int[] slot = new int[0];
    /** Per edge, slot[rowVars[e]] * L: where the sweep loads and stores that edge's posterior vector. */
    private int[] edgeOffset = new int[0];
    private long lastIterations;
    /** Per lane, the unsatisfied checks counted by the last sweep. */
    private final int[] unsatisfiedCount = new int[L];
    private final short[] countLanes = new short[L];
    private final FixedPointCheckRule rule;

    /** A decoder with {@link FixedPointCheckRule#defaultRule()}. */
    public BatchFixedPointMinSumDecoder() {
        this(FixedPointCheckRule.defaultRule());
    }

    /** @param rule the check rule */
    public BatchFixedPointMinSumDecoder(final FixedPointCheckRule rule) {
        this.rule = rule;
    }

    /** @return the check rule */
    public FixedPointCheckRule rule() {
        return rule;
    }

    /**
     * The species named by the property's value, or the preferred one when it is unset. A bad value is reported
     * once, naming the property, and the preferred width is used: throwing here, in class initialization, would
     * surface as ExceptionInInitializerError and then NoClassDefFoundError on every later use.
     *
     * @param value the property's value, or null
     * @return the species
     */
    static VectorSpecies<Short> configuredSpecies(final String value) {
        if (value == null || value.isBlank()) {
            return ShortVector.SPECIES_PREFERRED;
        }
        try {
            return species(Integer.parseInt(value.trim()));
        } catch (final NumberFormatException | SyndromeCodingException e) {
            System.getLogger(BatchFixedPointMinSumDecoder.class.getName()).log(System.Logger.Level.WARNING,
                    "-D" + VECTOR_BITS_PROPERTY + "=" + value + " ignored (" + e.getMessage() + "); using the preferred "
                            + ShortVector.SPECIES_PREFERRED.vectorBitSize() + " bits");
            return ShortVector.SPECIES_PREFERRED;
        }
    }

    /**
     * The kernel's species: a static final, so that C2 compiles the vector code for one constant shape (a species
     * chosen per instance would not be a compile-time constant, and the Vector API would then box its vectors).
     * A narrower species than the preferred one pays when calls carry few blocks: n = 65536, rate 0.5, 16 blocks
     * per call take about half the time in 16 lanes of 256 bits as in 32 lanes of 512 (src/site/ldpc.md).
     *
     * @param bits 0 for the preferred width, else 128, 256 or 512 (at most the preferred width)
     * @return the species
     */
    static VectorSpecies<Short> species(final int bits) {
        final int preferred = ShortVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits == 0) {
            return ShortVector.SPECIES_PREFERRED;
        }
        if ((bits != 128 && bits != 256 && bits != 512) || bits > preferred) {
            throw new SyndromeCodingException("batch decoder: -D" + VECTOR_BITS_PROPERTY + " must be 128, 256 or 512"
                    + " and at most this CPU's preferred " + preferred + " bits, got " + bits);
        }
        return VectorSpecies.of(short.class, VectorShape.forBitSize(bits));
    }

    /** @return blocks decoded per call (16-bit lanes of the kernel's vector species) */
    public static int lanes() {
        return L;
    }

    /** @return iterations run by the last call */
    public long lastIterations() {
        return lastIterations;
    }

    /**
     * @param h the matrix
     * @param llr {@link #lanes()} arrays of n LLRs (null entries are skipped: their result is -1)
     * @param syndromes {@link #lanes()} packed syndromes of h.m() bits (entries of skipped blocks may be null)
     * @param maxIterations iteration limit
     * @param out {@link #lanes()} arrays receiving the hard decisions (entries of skipped blocks may be null)
     * @return per block: iterations used, or -1
     */
    public int[] decode(final ParityCheckMatrix h, final float[][] llr, final long[][] syndromes,
            final int maxIterations, final long[][] out) {
        return decode(h, llr, syndromes, maxIterations, out, 0);
    }

    /**
     * As {@link #decode(ParityCheckMatrix, float[][], long[][], int, long[][])}, and a block whose count of
     * unsatisfied checks has not reached a new minimum for {@code stallWindow} iterations stops as failed.
     *
     * @param h the matrix
     * @param llr {@link #lanes()} arrays of n LLRs (null entries are skipped: their result is -1)
     * @param syndromes {@link #lanes()} packed syndromes of h.m() bits (entries of skipped blocks may be null)
     * @param maxIterations iteration limit
     * @param out {@link #lanes()} arrays receiving the hard decisions (entries of skipped blocks may be null)
     * @param stallWindow W, iterations without a new minimum before a block is given up; 0: never
     * @return per block: iterations used, or -1
     */
    public int[] decode(final ParityCheckMatrix h, final float[][] llr, final long[][] syndromes,
            final int maxIterations, final long[][] out, final int stallWindow) {
        if (stallWindow < 0) {
            throw new SyndromeCodingException("batch decoder: stallWindow must be >= 0, got " + stallWindow);
        }
        if (llr.length != L || syndromes.length != L || out.length != L) {
            throw new SyndromeCodingException("batch decoder: need " + L + " blocks, got " + llr.length
                    + " LLR arrays, " + syndromes.length + " syndromes, " + out.length + " outputs");
        }
        final int n = h.n();
        final int m = h.m();
        final int edges = h.edges();
        prepare(h, n, m, edges);
        final boolean[] active = new boolean[L];
        for (int j = 0; j < L; j++) {
            active[j] = llr[j] != null;
            if (active[j]) {
                checkShapes(h, llr[j], syndromes[j], out[j], j);
            }
        }
        load(n, m, llr, syndromes, active);
        Arrays.fill(msgs, 0, edges * L, (short) 0);
        final int[] result = new int[L];
        Arrays.fill(result, -1);
        final int[] rs = h.rowStart();
        final int[] off = edgeOffset;
        long pending = 0;
        for (int j = 0; j < L; j++) {
            pending |= active[j] ? 1L << j : 0L;
        }
        final int[] best = new int[L];
        final int[] bestAt = new int[L];
        Arrays.fill(best, Integer.MAX_VALUE);
        long stalled = 0;
        int it = 0;
        while (it < maxIterations && pending != 0) {
            it++;
            final long unsatisfied = rule == FixedPointCheckRule.CORRECTED_MIN_SUM ? correctedSweep(m, rs, off)
                    : sweep(m, rs, off);
            if (stallWindow > 0) {
                for (long c = pending & unsatisfied; c != 0; c &= c - 1) {
                    final int j = Long.numberOfTrailingZeros(c);
                    if (unsatisfiedCount[j] < best[j]) {
                        best[j] = unsatisfiedCount[j];
                        bestAt[j] = it;
                    } else if (it - bestAt[j] >= stallWindow) {
                        stalled |= 1L << j;
                    }
                }
                pending &= ~stalled;
            }
            long candidates = pending & ~unsatisfied;
            if (candidates != 0) {
                candidates &= ~unsatisfiedLanes(m, rs, off);
                if (candidates != 0) {
                    extract(n, candidates, out);
                    for (long c = candidates; c != 0; c &= c - 1) {
                        result[Long.numberOfTrailingZeros(c)] = it;
                    }
                    pending &= ~candidates;
                }
            }
        }
        lastIterations = it;
        if ((pending | stalled) != 0) {
            extract(n, pending | stalled, out);
        }
        return result;
    }

    private void prepare(final ParityCheckMatrix h, final int n, final int m, final int edges) {
        if (post.length < n * L) {
            post = new short[n * L];
            signs = new long[n];
        }
        if (msgs.length < edges * L) {
            msgs = new short[edges * L];
        }
        if (ext.length < h.maxRowDegree() * L) {
            ext = new short[h.maxRowDegree() * L];
        }
        if (synSign.length < m * L) {
            synSign = new short[m * L];
        }
        if (last != h) {
            final int[] rs = h.rowStart();
            shifts = new int[2 * m];
            final boolean corrected = rule == FixedPointCheckRule.CORRECTED_MIN_SUM;
            for (int c = 0; c < m; c++) {
                final int d = rs[c + 1] - rs[c];
                shifts[2 * c] = corrected ? FixedPointRules.correctedShift1(d) : FixedPointRules.shift1(d);
                shifts[2 * c + 1] = corrected ? FixedPointRules.correctedShift2(d) : FixedPointRules.shift2(d);
            }
            layOut(h, n, m, edges);
            last = h;
        }
    }

    /**
     * Numbers the variables in the order the sweep first reaches them: consecutive checks then load mostly
     * neighbouring posterior lines on a variable's first use, where the code's own numbering scatters them over
     * all n x 64 bytes (n = 65536: 4 MB, above L2). Only the memory layout changes, not the arithmetic.
     */
    private void layOut(final ParityCheckMatrix h, final int n, final int m, final int edges) {
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        if (slot.length < n) {
            slot = new int[n];
        }
        Arrays.fill(slot, 0, n, -1);
        int next = 0;
        for (int e = rs[0]; e < rs[m]; e++) {
            if (slot[rv[e]] < 0) {
                slot[rv[e]] = next++;
            }
        }
        for (int v = 0; v < n; v++) {
            if (slot[v] < 0) {
                slot[v] = next++;
            }
        }
        if (edgeOffset.length < edges) {
            edgeOffset = new int[edges];
        }
        for (int e = 0; e < edges; e++) {
            edgeOffset[e] = slot[rv[e]] * L;
        }
    }

    private static void checkShapes(final ParityCheckMatrix h, final float[] llr, final long[] syndrome,
            final long[] out, final int j) {
        if (llr.length != h.n() || syndrome == null || syndrome.length < ((h.m() + 63) >>> 6) || out == null
                || out.length < ((h.n() + 63) >>> 6)) {
            throw new SyndromeCodingException("batch decoder: block " + j + " has " + llr.length + " LLRs, "
                    + (syndrome == null ? "no" : syndrome.length * 64L + " bits of") + " syndrome, "
                    + (out == null ? "no" : out.length * 64L + " bits of") + " output; the code has n=" + h.n()
                    + ", m=" + h.m());
        }
    }

    /** Quantizes and interleaves the inputs, a block of variables at a time so the strided writes stay in L1. */
    private void load(final int n, final int m, final float[][] llr, final long[][] syndromes,
            final boolean[] active) {
        final short[] p = post;
        final int[] sl = slot;
        for (int v0 = 0; v0 < n; v0 += LOAD_BLOCK) {
            final int v1 = Math.min(n, v0 + LOAD_BLOCK);
            for (int j = 0; j < L; j++) {
                final float[] x = llr[j];
                if (x == null) {
                    for (int v = v0; v < v1; v++) {
                        p[sl[v] * L + j] = MAX;
                    }
                    continue;
                }
                for (int v = v0; v < v1; v++) {
                    if (Float.isNaN(x[v])) {
                        throw new SyndromeCodingException("batch decoder: block " + j + ", LLR " + v + " is NaN");
                    }
                    p[sl[v] * L + j] = FixedPointRules.quantize(x[v]);
                }
            }
        }
        final short signBit = Short.MIN_VALUE;
        for (int j = 0; j < L; j++) {
            final long[] s = syndromes[j];
            for (int c = 0; c < m; c++) {
                synSign[c * L + j] = active[j] && ((s[c >>> 6] >>> c) & 1L) != 0 ? signBit : 0;
            }
        }
    }

    /**
     * One layered sweep over every check (its own method so the JIT compiles the kernel whole; no vector
     * crosses the call).
     *
     * @return bit j set if some check of block j was unsatisfied at its turn
     */
    private long sweep(final int m, final int[] rs, final int[] off) {
        final short[] p = post;
        final short[] r = msgs;
        final short[] t = ext;
        final short[] syns = synSign;
        final int[] sh = shifts;
        final ShortVector maxV = ShortVector.broadcast(S, MAX);
        final ShortVector negMax = ShortVector.broadcast(S, (short) -MAX);
        ShortVector unsatisfied = ShortVector.zero(S);
        // per-lane count of unsatisfied checks, flushed to int before a 16-bit lane can overflow
        ShortVector count = ShortVector.zero(S);
        final int[] counts = unsatisfiedCount;
        Arrays.fill(counts, 0);
        int sinceFlush = 0;
        for (int c = 0; c < m; c++) {
            final int start = rs[c];
            final int end = rs[c + 1];
            final ShortVector syn = ShortVector.fromArray(S, syns, c * L);
            ShortVector sign = syn;
            ShortVector min1 = maxV;
            ShortVector min2 = maxV;
            for (int e = start, k = 0; e < end; e++, k += L) {
                final ShortVector x = ShortVector.fromArray(S, p, off[e])
                        .lanewise(VectorOperators.SSUB, ShortVector.fromArray(S, r, e * L)).max(negMax);
                x.intoArray(t, k);
                sign = sign.lanewise(VectorOperators.XOR, x);
                final ShortVector mag = x.abs();
                min2 = min2.min(min1.max(mag));
                min1 = min1.min(mag);
            }
            final int s1 = sh[2 * c];
            final int s2 = sh[2 * c + 1];
            final ShortVector m1 = min1.sub(min1.lanewise(VectorOperators.ASHR, s1))
                    .sub(min1.lanewise(VectorOperators.ASHR, s2));
            final ShortVector m2 = min2.sub(min2.lanewise(VectorOperators.ASHR, s1))
                    .sub(min2.lanewise(VectorOperators.ASHR, s2));
            ShortVector parity = syn;
            for (int e = start, k = 0; e < end; e++, k += L) {
                final ShortVector x = ShortVector.fromArray(S, t, k);
                // 0 or -1 per lane: negate when the other signs and the syndrome bit multiply to odd
                final ShortVector neg = sign.lanewise(VectorOperators.XOR, x).lanewise(VectorOperators.ASHR, 15);
                final ShortVector mag = m1.blend(m2, x.abs().eq(min1));
                final ShortVector msg = mag.lanewise(VectorOperators.XOR, neg).sub(neg);
                msg.intoArray(r, e * L);
                final ShortVector nl = x.lanewise(VectorOperators.SADD, msg);
                nl.intoArray(p, off[e]);
                parity = parity.lanewise(VectorOperators.XOR, nl);
            }
            unsatisfied = unsatisfied.or(parity);
            count = count.sub(parity.lanewise(VectorOperators.ASHR, 15));
            if (++sinceFlush == Short.MAX_VALUE || c == m - 1) {
                count.intoArray(countLanes, 0);
                for (int j = 0; j < L; j++) {
                    counts[j] += countLanes[j];
                }
                count = ShortVector.zero(S);
                sinceFlush = 0;
            }
        }
        return unsatisfied.compare(VectorOperators.LT, 0).toLong();
    }

    /**
     * {@link #sweep} with the corrected min-sum check rule ({@link FixedPointRules}): the three smallest
     * magnitudes, box-plus of two of them per edge, attenuated by the row's shifts (none below degree 10).
     *
     * @return bit j set if some check of block j was unsatisfied at its turn
     */
    private long correctedSweep(final int m, final int[] rs, final int[] off) {
        final short[] p = post;
        final short[] r = msgs;
        final short[] t = ext;
        final short[] syns = synSign;
        final ShortVector maxV = ShortVector.broadcast(S, MAX);
        final ShortVector negMax = ShortVector.broadcast(S, (short) -MAX);
        final ShortVector zero = ShortVector.zero(S);
        final ShortVector c22 = ShortVector.broadcast(S, (short) 22);
        final ShortVector c18 = ShortVector.broadcast(S, (short) 18);
        final ShortVector c7 = ShortVector.broadcast(S, (short) 7);
        final int[] sh = shifts;
        ShortVector unsatisfied = zero;
        ShortVector count = zero;
        final int[] counts = unsatisfiedCount;
        Arrays.fill(counts, 0);
        int sinceFlush = 0;
        for (int c = 0; c < m; c++) {
            final int start = rs[c];
            final int end = rs[c + 1];
            final ShortVector syn = ShortVector.fromArray(S, syns, c * L);
            ShortVector sign = syn;
            ShortVector min1 = maxV;
            ShortVector min2 = maxV;
            ShortVector min3 = maxV;
            for (int e = start, k = 0; e < end; e++, k += L) {
                final ShortVector x = ShortVector.fromArray(S, p, off[e])
                        .lanewise(VectorOperators.SSUB, ShortVector.fromArray(S, r, e * L)).max(negMax);
                x.intoArray(t, k);
                sign = sign.lanewise(VectorOperators.XOR, x);
                final ShortVector mag = x.abs();
                min3 = min3.min(min2.max(mag));
                min2 = min2.min(min1.max(mag));
                min1 = min1.min(mag);
            }
            // box(a, b) = max(0, a + F(sat16(a + b)) - F(b - a)), F(q) = max(0, 22 - q/2, 18 - q/4, 7 - q/16),
            // written out: a helper taking vectors is not always inlined, and a boxed vector allocates per call
            final ShortVector s12 = min1.lanewise(VectorOperators.SADD, min2);
            final ShortVector s13 = min1.lanewise(VectorOperators.SADD, min3);
            final ShortVector s23 = min2.lanewise(VectorOperators.SADD, min3);
            final ShortVector d12 = min2.sub(min1);
            final ShortVector d13 = min3.sub(min1);
            final ShortVector d23 = min3.sub(min2);
            final ShortVector f12 = c22.sub(s12.lanewise(VectorOperators.ASHR, 1))
                    .max(c18.sub(s12.lanewise(VectorOperators.ASHR, 2)))
                    .max(c7.sub(s12.lanewise(VectorOperators.ASHR, 4))).max(zero);
            final ShortVector f13 = c22.sub(s13.lanewise(VectorOperators.ASHR, 1))
                    .max(c18.sub(s13.lanewise(VectorOperators.ASHR, 2)))
                    .max(c7.sub(s13.lanewise(VectorOperators.ASHR, 4))).max(zero);
            final ShortVector f23 = c22.sub(s23.lanewise(VectorOperators.ASHR, 1))
                    .max(c18.sub(s23.lanewise(VectorOperators.ASHR, 2)))
                    .max(c7.sub(s23.lanewise(VectorOperators.ASHR, 4))).max(zero);
            final ShortVector g12 = c22.sub(d12.lanewise(VectorOperators.ASHR, 1))
                    .max(c18.sub(d12.lanewise(VectorOperators.ASHR, 2)))
                    .max(c7.sub(d12.lanewise(VectorOperators.ASHR, 4))).max(zero);
            final ShortVector g13 = c22.sub(d13.lanewise(VectorOperators.ASHR, 1))
                    .max(c18.sub(d13.lanewise(VectorOperators.ASHR, 2)))
                    .max(c7.sub(d13.lanewise(VectorOperators.ASHR, 4))).max(zero);
            final ShortVector g23 = c22.sub(d23.lanewise(VectorOperators.ASHR, 1))
                    .max(c18.sub(d23.lanewise(VectorOperators.ASHR, 2)))
                    .max(c7.sub(d23.lanewise(VectorOperators.ASHR, 4))).max(zero);
            final ShortVector b12 = min1.add(f12).sub(g12).max(zero);
            final ShortVector b13 = min1.add(f13).sub(g13).max(zero);
            final ShortVector b23 = min2.add(f23).sub(g23).max(zero);
            // attenuation of the row by shifts (15 on both for none: x >> 15 is 0 for 0 <= x <= 32767)
            final int s1 = sh[2 * c];
            final int s2 = sh[2 * c + 1];
            final ShortVector m12 = b12.sub(b12.lanewise(VectorOperators.ASHR, s1))
                    .sub(b12.lanewise(VectorOperators.ASHR, s2));
            final ShortVector m13 = b13.sub(b13.lanewise(VectorOperators.ASHR, s1))
                    .sub(b13.lanewise(VectorOperators.ASHR, s2));
            final ShortVector m23 = b23.sub(b23.lanewise(VectorOperators.ASHR, s1))
                    .sub(b23.lanewise(VectorOperators.ASHR, s2));
            ShortVector parity = syn;
            for (int e = start, k = 0; e < end; e++, k += L) {
                final ShortVector x = ShortVector.fromArray(S, t, k);
                final ShortVector neg = sign.lanewise(VectorOperators.XOR, x).lanewise(VectorOperators.ASHR, 15);
                final ShortVector a = x.abs();
                final ShortVector mag = m12.blend(m13, a.eq(min2)).blend(m23, a.eq(min1));
                final ShortVector msg = mag.lanewise(VectorOperators.XOR, neg).sub(neg);
                msg.intoArray(r, e * L);
                final ShortVector nl = x.lanewise(VectorOperators.SADD, msg);
                nl.intoArray(p, off[e]);
                parity = parity.lanewise(VectorOperators.XOR, nl);
            }
            unsatisfied = unsatisfied.or(parity);
            count = count.sub(parity.lanewise(VectorOperators.ASHR, 15));
            if (++sinceFlush == Short.MAX_VALUE || c == m - 1) {
                count.intoArray(countLanes, 0);
                for (int j = 0; j < L; j++) {
                    counts[j] += countLanes[j];
                }
                count = zero;
                sinceFlush = 0;
            }
        }
        return unsatisfied.compare(VectorOperators.LT, 0).toLong();
    }

    /** @return bit j set if block j's posteriors violate some check (the full syndrome test, all lanes) */
    private long unsatisfiedLanes(final int m, final int[] rs, final int[] off) {
        final short[] p = post;
        ShortVector bad = ShortVector.zero(S);
        for (int c = 0; c < m; c++) {
            ShortVector parity = ShortVector.fromArray(S, synSign, c * L);
            for (int e = rs[c], end = rs[c + 1]; e < end; e++) {
                parity = parity.lanewise(VectorOperators.XOR, ShortVector.fromArray(S, p, off[e]));
            }
            bad = bad.or(parity);
        }
        return bad.compare(VectorOperators.LT, 0).toLong();
    }

    /** Hard decisions of the blocks in lanes into out: one sign mask per variable, then bit j of each. */
    private void extract(final int n, final long lanes, final long[][] out) {
        final short[] p = post;
        final long[] sg = signs;
        final int[] sl = slot;
        for (int v = 0; v < n; v++) {
            sg[v] = ShortVector.fromArray(S, p, sl[v] * L).compare(VectorOperators.LT, 0).toLong();
        }
        final int words = (n + 63) >>> 6;
        for (long ls = lanes; ls != 0; ls &= ls - 1) {
            final int j = Long.numberOfTrailingZeros(ls);
            final long[] o = out[j];
            for (int w = 0; w < words; w++) {
                long x = 0;
                final int base = w << 6;
                final int lim = Math.min(64, n - base);
                for (int b = 0; b < lim; b++) {
                    x |= (sg[base + b] >>> j & 1L) << b;
                }
                o[w] = x;
            }
            Arrays.fill(o, words, o.length, 0L);
        }
    }
}
