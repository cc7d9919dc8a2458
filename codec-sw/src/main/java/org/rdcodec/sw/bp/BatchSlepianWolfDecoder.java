package org.rdcodec.sw.bp;

import java.util.Arrays;

import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeCodingException;

/**
 * {@link SlepianWolfDecoder} for up to {@link #lanes()} blocks that share a code (e.g. the bit planes of one
 * layer from all workers), on the 16-bit batch decoder ({@link BatchFixedPointMinSumDecoder}): the fast path,
 * about 20x the single-block float decoder per core (src/site/ldpc.md). Per block, the outcome is exactly what
 * {@link SlepianWolfDecoder#fixedPoint(FixedPointCheckRule)} gives for that block alone (same rule) (same prefixes tried, same bits, same
 * iteration counts; tested), and as there a block is returned only if the syndrome holds and its CRC-32C
 * matches. Not thread-safe: one instance per thread.
 *
 * <p>With a stall window W &gt; 0 ({@link #BatchSlepianWolfDecoder(int, int)}) an attempt stops as failed once
 * its unsatisfied-check count has not reached a new minimum for W iterations
 * ({@link BatchFixedPointMinSumDecoder#decode(ParityCheckMatrix, float[][], long[][], int, long[][], int)}):
 * failing attempts get much cheaper, and a block may then fail where the scalar twin would have converged
 * later, never the reverse (success still needs the syndrome and the CRC).
 */
public final class BatchSlepianWolfDecoder {

    /**
     * One block's outcome: exactly one of result and failure is non-null.
     *
     * @param result the decoded block, or null
     * @param failure why it did not decode, or null
     */
    public record Outcome(DecodeResult result, DecodeFailure failure) {

        /** @return true if the block decoded and passed its CRC */
        public boolean ok() {
            return result != null;
        }
    }

    private final BatchFixedPointMinSumDecoder engine;
    private final int maxIterations;
    private final int stallWindow;

    /** @param maxIterations iteration limit per attempt, &ge; 1 */
    public BatchSlepianWolfDecoder(final int maxIterations) {
        this(maxIterations, 0);
    }

    /**
     * @param maxIterations iteration limit per attempt, &ge; 1
     * @param stallWindow iterations without a new minimum of unsatisfied checks before an attempt is given up
     *        as failed, &ge; 0 (0: run to the limit, exactly as {@link SlepianWolfDecoder#fixedPoint()})
     */
    public BatchSlepianWolfDecoder(final int maxIterations, final int stallWindow) {
        this(maxIterations, stallWindow, FixedPointCheckRule.defaultRule());
    }

    /**
     * @param maxIterations iteration limit per attempt, &ge; 1
     * @param stallWindow as in {@link #BatchSlepianWolfDecoder(int, int)}, &ge; 0
     * @param rule the check rule ({@link FixedPointCheckRule#defaultRule()} unless chosen)
     */
    public BatchSlepianWolfDecoder(final int maxIterations, final int stallWindow, final FixedPointCheckRule rule) {
        if (maxIterations < 1) {
            throw new SyndromeCodingException("batch decoder: maxIterations must be >= 1, got " + maxIterations);
        }
        if (stallWindow < 0) {
            throw new SyndromeCodingException("batch decoder: stallWindow must be >= 0, got " + stallWindow);
        }
        this.maxIterations = maxIterations;
        this.stallWindow = stallWindow;
        this.engine = new BatchFixedPointMinSumDecoder(rule);
    }

    /** @return the check rule */
    public FixedPointCheckRule rule() {
        return engine.rule();
    }

    /** @return a decoder with {@link SlepianWolfDecoder#DEFAULT_MAX_ITERATIONS} */
    public static BatchSlepianWolfDecoder fast() {
        return new BatchSlepianWolfDecoder(SlepianWolfDecoder.DEFAULT_MAX_ITERATIONS);
    }

    /** @return the largest number of blocks per call (32 with AVX-512, 16 with AVX2) */
    public static int lanes() {
        return BatchFixedPointMinSumDecoder.lanes();
    }

    /**
     * Feedback-free decoding of every block with the first syndromeBits ladder bits.
     *
     * @param code the code the encoder used for every block
     * @param llr per block, n side-information LLRs (1 to {@link #lanes()} blocks)
     * @param ladderBits per block, the encoder's ladder bits
     * @param syndromeBits prefix length t, B &le; t &le; M
     * @param crc32c per block, the encoder's CRC-32C
     * @return per block, its outcome
     */
    public Outcome[] decode(final LadderCode code, final float[][] llr, final long[][] ladderBits,
            final int syndromeBits, final int[] crc32c) {
        final int blocks = check(llr, ladderBits, crc32c);
        final int[] t = new int[blocks];
        Arrays.fill(t, syndromeBits);
        final Outcome[] outcomes = new Outcome[blocks];
        final int[] attempts = new int[blocks];
        final long[] work = new long[blocks];
        round(code, llr, ladderBits, crc32c, t, outcomes, attempts, work, syndromeBits);
        for (int j = 0; j < blocks; j++) {
            if (outcomes[j].failure() != null) {
                final DecodeFailure f = outcomes[j].failure();
                outcomes[j] = new Outcome(null, new DecodeFailure(f.reason(), syndromeBits, 1,
                        "batch fixed16, " + maxIterations + " iterations, n=" + code.n()));
            }
        }
        return outcomes;
    }

    /**
     * Rate-adaptive decoding: each block starts at {@link RateChoice#adaptiveStartBits} of its own LLRs and
     * grows by {@link RateChoice#adaptiveStepBits} until it decodes or all M bits failed; blocks that need the
     * same prefix at the same time are decoded together.
     *
     * @param code the code the encoder used for every block
     * @param llr per block, n side-information LLRs (1 to {@link #lanes()} blocks)
     * @param ladderBits per block, all M ladder bits
     * @param crc32c per block, the encoder's CRC-32C
     * @return per block, its outcome
     */
    public Outcome[] decodeRateAdaptive(final LadderCode code, final float[][] llr, final long[][] ladderBits,
            final int[] crc32c) {
        final int blocks = check(llr, ladderBits, crc32c);
        final int n = code.n();
        final int max = code.maxSyndromeBits();
        final int[] t = new int[blocks];
        final int[] step = new int[blocks];
        for (int j = 0; j < blocks; j++) {
            final double entropy = RateChoice.conditionalEntropy(llr[j]);
            step[j] = RateChoice.adaptiveStepBits(n, entropy);
            t[j] = Math.max(code.baseChecks(), Math.min(max, RateChoice.adaptiveStartBits(n, entropy)));
        }
        final Outcome[] outcomes = new Outcome[blocks];
        final int[] attempts = new int[blocks];
        final long[] work = new long[blocks];
        while (true) {
            int prefix = Integer.MAX_VALUE;
            for (int j = 0; j < blocks; j++) {
                if (outcomes[j] == null) {
                    prefix = Math.min(prefix, t[j]);
                }
            }
            if (prefix == Integer.MAX_VALUE) {
                return outcomes;
            }
            round(code, llr, ladderBits, crc32c, t, outcomes, attempts, work, prefix);
            for (int j = 0; j < blocks; j++) {
                if (t[j] == prefix && outcomes[j] != null && outcomes[j].failure() != null) {
                    if (prefix == max) {
                        outcomes[j] = new Outcome(null, new DecodeFailure(outcomes[j].failure().reason(), max,
                                attempts[j], "rate-adaptive batch fixed16 exhausted all " + max
                                        + " ladder bits, n=" + n));
                    } else {
                        outcomes[j] = null;
                        t[j] = Math.min(max, prefix + step[j]);
                    }
                }
            }
        }
    }

    /** Decodes, as one batch call per {@link #lanes()} blocks, the pending blocks whose prefix is t[j] == prefix. */
    private void round(final LadderCode code, final float[][] llr, final long[][] ladderBits, final int[] crc32c,
            final int[] t, final Outcome[] outcomes, final int[] attempts, final long[] work, final int prefix) {
        final int lanes = lanes();
        final int n = code.n();
        final ParityCheckMatrix h = code.matrixFor(prefix);
        final float[][] inLlr = new float[lanes][];
        final long[][] inSyn = new long[lanes][];
        final long[][] inOut = new long[lanes][];
        final int[] which = new int[lanes];
        int used = 0;
        for (int j = 0; j <= llr.length; j++) {
            final boolean take = j < llr.length && outcomes[j] == null && t[j] == prefix;
            if (take) {
                inLlr[used] = llr[j];
                inSyn[used] = code.syndromeFor(ladderBits[j], prefix);
                inOut[used] = new long[SourceBlock.words(n)];
                which[used++] = j;
            }
            if (used == lanes || (j == llr.length && used > 0)) {
                final int[] its = engine.decode(h, inLlr, inSyn, maxIterations, inOut, stallWindow);
                for (int k = 0; k < used; k++) {
                    final int b = which[k];
                    attempts[b]++;
                    work[b] += its[k] < 0 ? engine.lastIterations() : its[k];
                    if (its[k] < 0) {
                        outcomes[b] = new Outcome(null, new DecodeFailure(DecodeFailure.Reason.NOT_CONVERGED, prefix,
                                attempts[b], "batch fixed16, " + maxIterations + " iterations (stall window "
                                        + stallWindow + "), n=" + n));
                    } else if (SourceBlock.crc32c(inOut[k], n) != crc32c[b]) {
                        outcomes[b] = new Outcome(null, new DecodeFailure(DecodeFailure.Reason.CRC_MISMATCH, prefix,
                                attempts[b], "batch fixed16 converged to a different block after " + its[k]
                                        + " iterations, n=" + n));
                    } else {
                        outcomes[b] = new Outcome(new DecodeResult(inOut[k], prefix, its[k], attempts[b], work[b]),
                                null);
                    }
                }
                Arrays.fill(inLlr, null);
                Arrays.fill(inSyn, null);
                Arrays.fill(inOut, null);
                used = 0;
            }
        }
    }

    private static int check(final float[][] llr, final long[][] ladderBits, final int[] crc32c) {
        if (llr.length < 1 || llr.length > lanes() || ladderBits.length != llr.length || crc32c.length != llr.length) {
            throw new SyndromeCodingException("batch decoder: need 1.." + lanes() + " blocks with one ladder and one"
                    + " CRC each, got " + llr.length + " LLR arrays, " + ladderBits.length + " ladders, "
                    + crc32c.length + " CRCs");
        }
        for (int j = 0; j < llr.length; j++) {
            if (llr[j] == null || ladderBits[j] == null) {
                throw new SyndromeCodingException("batch decoder: block " + j + " has no LLRs or no ladder bits");
            }
        }
        return llr.length;
    }
}
