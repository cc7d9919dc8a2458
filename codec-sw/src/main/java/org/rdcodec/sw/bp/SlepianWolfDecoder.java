package org.rdcodec.sw.bp;

import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeCodingException;

/**
 * Slepian-Wolf decoder: side-information LLRs + a prefix of the encoder's syndrome ladder + the source's
 * CRC-32C in, the source block out, or a {@link DecodeFailure}. A block is returned only when belief
 * propagation satisfied the syndrome AND the CRC matches, so a false convergence is never success.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #decode}: feedback-free, all of the given prefix at once.</li>
 *   <li>{@link #decodeRateAdaptive}: starts at {@link RateChoice#adaptiveStartBits} and asks for
 *       {@link RateChoice#adaptiveStepBits} more ladder bits after each failure, up to M. The encoder
 *       computed all M bits once; the caller hands the whole array in and the result says how many were
 *       used (in a networked set-up those are the bits that crossed the wire).</li>
 * </ul>
 * Not thread-safe (the BP engine holds scratch buffers): one instance per thread.
 */
public final class SlepianWolfDecoder {

    /** Iteration limit of the default decoder; more rarely rescues a block at these lengths (measured). */
    public static final int DEFAULT_MAX_ITERATIONS = 60;

    private final BeliefPropagation engine;
    private final int maxIterations;

    /**
     * @param engine the BP engine
     * @param maxIterations iteration limit per attempt, &ge; 1
     */
    public SlepianWolfDecoder(final BeliefPropagation engine, final int maxIterations) {
        if (maxIterations < 1) {
            throw new SyndromeCodingException("decoder: maxIterations must be >= 1, got " + maxIterations);
        }
        this.engine = engine;
        this.maxIterations = maxIterations;
    }

    /**
     * @return the single-block decoder the rate choice ({@link RateChoice}) is calibrated for: {@link #fixedPoint()}
     *         (16-bit layered corrected min-sum, {@link #DEFAULT_MAX_ITERATIONS} iterations), per block exactly
     *         what the default {@link BatchSlepianWolfDecoder} gives; the batch decoder is the fast one
     */
    public static SlepianWolfDecoder fast() {
        return fixedPoint();
    }

    /**
     * @return layered normalized min-sum with float messages ({@link LayeredMinSumDecoder}),
     *         {@link #DEFAULT_MAX_ITERATIONS} iterations: about twice the speed of {@link #fast()} one block at a
     *         time (n = 65536, rate 0.5: 2.9 against 1.4 Mbit/s, src/site/ldpc.md), but it needs more syndrome bits than {@link RateChoice} sends (src/site/ldpc.md: at BSC(0.2),
     *         n = 65536, it fails 1.6% of blocks at 1.21 h(p), where the rate choice now sends 1.08 h(p))
     */
    public static SlepianWolfDecoder floatMinSum() {
        return new SlepianWolfDecoder(new LayeredMinSumDecoder(), DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @return layered min-sum in 16-bit fixed point ({@link LayeredFixedPointMinSumDecoder}) with
     *         {@link FixedPointCheckRule#defaultRule()}, {@link #DEFAULT_MAX_ITERATIONS} iterations: per block
     *         exactly what the default {@link BatchSlepianWolfDecoder} gives, one block at a time
     */
    public static SlepianWolfDecoder fixedPoint() {
        return fixedPoint(FixedPointCheckRule.defaultRule());
    }

    /**
     * @param rule the check rule
     * @return {@link #fixedPoint()} with that rule
     */
    public static SlepianWolfDecoder fixedPoint(final FixedPointCheckRule rule) {
        return new SlepianWolfDecoder(new LayeredFixedPointMinSumDecoder(rule), DEFAULT_MAX_ITERATIONS);
    }

    /** @return the BP engine */
    public BeliefPropagation engine() {
        return engine;
    }

    /**
     * Feedback-free decoding with the first syndromeBits ladder bits.
     *
     * @param code the code the encoder used
     * @param llr n side-information LLRs, ln P(x=0|y)/P(x=1|y)
     * @param ladderBits the encoder's ladder bits (at least syndromeBits of them)
     * @param syndromeBits prefix length t, B &le; t &le; M
     * @param crc32c the encoder's {@link SourceBlock#crc32c} of the block
     * @return the block
     * @throws DecodeFailure if BP does not converge or the CRC does not match
     */
    public DecodeResult decode(final LadderCode code, final float[] llr, final long[] ladderBits,
            final int syndromeBits, final int crc32c) {
        final long[] out = new long[SourceBlock.words(code.n())];
        final int it = attempt(code, llr, ladderBits, syndromeBits, out);
        if (it < 0) {
            throw new DecodeFailure(DecodeFailure.Reason.NOT_CONVERGED, syndromeBits, 1,
                    engine.name() + ", " + maxIterations + " iterations, n=" + code.n());
        }
        if (SourceBlock.crc32c(out, code.n()) != crc32c) {
            throw new DecodeFailure(DecodeFailure.Reason.CRC_MISMATCH, syndromeBits, 1,
                    engine.name() + " converged to a different block after " + it + " iterations, n=" + code.n());
        }
        return new DecodeResult(out, syndromeBits, it, 1, it);
    }

    /**
     * Rate-adaptive decoding: tries growing ladder prefixes until one decodes with a matching CRC.
     *
     * @param code the code the encoder used
     * @param llr n side-information LLRs
     * @param ladderBits all M ladder bits from the encoder
     * @param crc32c the encoder's CRC-32C of the block
     * @return the block and the prefix length that decoded it
     * @throws DecodeFailure if even all M bits fail
     */
    public DecodeResult decodeRateAdaptive(final LadderCode code, final float[] llr, final long[] ladderBits,
            final int crc32c) {
        final int n = code.n();
        final int max = code.maxSyndromeBits();
        final double entropy = RateChoice.conditionalEntropy(llr);
        final int step = RateChoice.adaptiveStepBits(n, entropy);
        int t = Math.max(code.baseChecks(), Math.min(max, RateChoice.adaptiveStartBits(n, entropy)));
        final long[] out = new long[SourceBlock.words(n)];
        int attempts = 0;
        long work = 0;
        DecodeFailure.Reason last = DecodeFailure.Reason.NOT_CONVERGED;
        while (true) {
            attempts++;
            final int it = attempt(code, llr, ladderBits, t, out);
            work += it < 0 ? maxIterations : it;
            if (it >= 0) {
                if (SourceBlock.crc32c(out, n) == crc32c) {
                    return new DecodeResult(out, t, it, attempts, work);
                }
                last = DecodeFailure.Reason.CRC_MISMATCH;
            } else {
                last = DecodeFailure.Reason.NOT_CONVERGED;
            }
            if (t == max) {
                throw new DecodeFailure(last, t, attempts, "rate-adaptive " + engine.name() + " exhausted all "
                        + max + " ladder bits, n=" + n);
            }
            t = Math.min(max, t + step);
        }
    }

    private int attempt(final LadderCode code, final float[] llr, final long[] ladderBits, final int t,
            final long[] out) {
        final ParityCheckMatrix h = code.matrixFor(t);
        final long[] syndrome = code.syndromeFor(ladderBits, t);
        return engine.decode(h, llr, syndrome, maxIterations, out);
    }
}
