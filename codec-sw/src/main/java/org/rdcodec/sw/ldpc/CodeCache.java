package org.rdcodec.sw.ldpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Process-wide cache of {@link LadderCode}s keyed by (n, B, M, seed): building a PEG code at n = 65536 takes
 * about a second, and every frame of a run uses the same few codes. Least-recently-used codes beyond
 * {@link #CAPACITY} are dropped. Thread-safe; building happens outside the lock.
 */
public final class CodeCache {

    /** Codes kept; a CEO run uses one per (block length, rate) in play. */
    public static final int CAPACITY = 32;

    private static final Map<Key, LadderCode> CODES = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<Key, LadderCode> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Key(int n, int b, int m, long seed) {
    }

    private CodeCache() {
    }

    /**
     * @param n source bits per block
     * @param maxSyndromeBits M = B (feedback-free)
     * @param seed construction seed
     * @return the cached code, built on first use
     */
    public static LadderCode get(final int n, final int maxSyndromeBits, final long seed) {
        return get(n, maxSyndromeBits, maxSyndromeBits, seed);
    }

    /**
     * @param n source bits per block
     * @param baseChecks B
     * @param maxSyndromeBits M
     * @param seed construction seed
     * @return the cached code, built on first use
     */
    public static LadderCode get(final int n, final int baseChecks, final int maxSyndromeBits, final long seed) {
        final Key key = new Key(n, baseChecks, maxSyndromeBits, seed);
        synchronized (CODES) {
            final LadderCode c = CODES.get(key);
            if (c != null) {
                return c;
            }
        }
        final LadderCode built = LadderCode.build(n, baseChecks, maxSyndromeBits, seed);
        synchronized (CODES) {
            final LadderCode raced = CODES.putIfAbsent(key, built);
            return Objects.requireNonNullElse(raced, built);
        }
    }

    /**
     * The feedback-free code for an estimated conditional entropy, M = {@link RateChoice#feedbackFreeBits}.
     *
     * @param n source bits per block
     * @param entropy H^ (bits per source bit)
     * @param dispersion V^ (bits^2 per source bit)
     * @param seed construction seed
     * @return the cached code; the encoder sends, and the decoder uses, all M bits
     */
    public static LadderCode feedbackFree(final int n, final double entropy, final double dispersion, final long seed) {
        return feedbackFree(n, RateChoice.feedbackFreeBits(n, entropy, dispersion), entropy, dispersion, seed);
    }

    /**
     * A feedback-free code with a given number of syndrome bits M. Up to syndrome rate
     * {@link DegreeProfile#DEGREE_TWO_CAP} it is a dedicated PEG code (B = M). Above it a dedicated code's
     * checks get too few edges (about 3) and it decodes poorly, so it is the rate-adaptive ladder's base
     * ({@link RateChoice#adaptiveBaseBits}) split up to M. Measured at n = 16384: BSC(0.2) at 1.30 h(p),
     * dedicated 48/50, split base 1.14 h(p) decodes 20/20 already; BSC(0.01) at 1.55 h(p) (rate 0.125),
     * dedicated 50/50, split 17/20.
     *
     * @param n source bits per block
     * @param bits M
     * @param entropy H^ (bits per source bit)
     * @param dispersion V^ (bits^2 per source bit)
     * @param seed construction seed
     * @return the cached code; decode with t = M
     */
    public static LadderCode feedbackFree(final int n, final int bits, final double entropy, final double dispersion,
            final long seed) {
        if (bits <= DegreeProfile.DEGREE_TWO_CAP * n) {
            return get(n, bits, seed);
        }
        final int base = Math.min(bits, RateChoice.adaptiveBaseBits(n, entropy, dispersion));
        return get(n, Math.max(base, (bits + 1) / 2), bits, seed);
    }

    /**
     * The rate-adaptive ladder for an estimated conditional entropy: B = {@link RateChoice#adaptiveBaseBits},
     * M = {@link RateChoice#adaptiveMaxBits}.
     *
     * @param n source bits per block
     * @param entropy H^ (bits per source bit)
     * @param dispersion V^ (bits^2 per source bit)
     * @param seed construction seed
     * @return the cached code
     */
    public static LadderCode rateAdaptive(final int n, final double entropy, final double dispersion, final long seed) {
        return get(n, RateChoice.adaptiveBaseBits(n, entropy, dispersion),
                RateChoice.adaptiveMaxBits(n, entropy, dispersion), seed);
    }
}
