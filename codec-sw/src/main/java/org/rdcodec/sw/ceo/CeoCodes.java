package org.rdcodec.sw.ceo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rdcodec.sw.ldpc.DegreeProfile;
import org.rdcodec.sw.ldpc.LadderCode;

/**
 * Which LDPC code carries a syndrome plane of t bits. Building a PEG code at n = 65536 takes seconds, so
 * syndrome lengths are rounded UP to a geometric grid ({@link #MIN_SYNDROME} x {@link #GRID}^j): a run uses a
 * handful of codes, all cached, at a rate cost of at most 4% (2% on average) of the syndrome bits. Up to
 * syndrome rate {@link DegreeProfile#DEGREE_TWO_CAP} a dedicated code; above it the check-split ladder of a
 * base with B = {@link #LADDER_BASE} t (CodeCache.feedbackFree's rule: its base is about 1.14/1.28 of n H
 * against 1.28 n H sent). Codes are kept in a cache of their own, larger than the shared CodeCache's 32: a
 * sweep over targets touches a few dozen grid lengths, and evicting a PEG code costs seconds to rebuild.
 */
final class CeoCodes {

    /** Fewest syndrome bits of a plane: below this PEG has to give each check thousands of edges. */
    static final int MIN_SYNDROME = 64;

    /**
     * Fewest bits a SYNDROME block may hold: a PEG code needs n &ge; 2. A layer of k x block + 1 coordinates would
     * otherwise end every plane with a 1-bit block, so the encoder sends such planes CHECK or RAW and the server
     * refuses a SYNDROME block below this.
     */
    static final int MIN_SYNDROME_BLOCK = 2;

    /** Grid ratio of syndrome lengths. */
    static final double GRID = 1.04;

    /** B / M of high-rate ladders. */
    static final double LADDER_BASE = 0.89;

    /** Codes kept (a code at n = 65536 is a few MB); beyond it the cache starts afresh. */
    static final int CAPACITY = 160;

    private record Key(int n, int b, int m) {
    }

    private static final Map<Key, LadderCode> CODES = new ConcurrentHashMap<>();

    private CeoCodes() {
    }

    /**
     * @param n block length
     * @param base B
     * @param max M
     * @return the code with seed {@link CeoFrame#CODE_SEED}, built on first use
     */
    static LadderCode get(final int n, final int base, final int max) {
        final Key key = new Key(n, base, max);
        final LadderCode c = CODES.get(key);
        if (c != null) {
            return c;
        }
        if (CODES.size() >= CAPACITY) {
            CODES.clear();
        }
        return CODES.computeIfAbsent(key, x -> LadderCode.build(n, base, max, CeoFrame.CODE_SEED));
    }

    /**
     * @param n block length
     * @param bits wanted syndrome bits
     * @return the grid length at or above bits, at most n
     */
    static int gridBits(final int n, final int bits) {
        double t = MIN_SYNDROME;
        while (t < bits) {
            t *= GRID;
        }
        return (int) Math.min(n, Math.ceil(t));
    }

    /**
     * The rate-adaptive ladder with base B (a grid value): M = min(n, 2B), every check can be split once.
     *
     * @param n block length
     * @param base B
     * @return the code
     */
    static LadderCode ladder(final int n, final int base) {
        return get(n, base, Math.min(n, 2 * base));
    }

    /**
     * Ladder bits added per rate-adaptive request: 2.5% of B (the LDPC layer adds 2% of n H per request,
     * and B is 1.1-1.28 n H), so the mean overshoot past the threshold is about 1.3% of the rate; and at least
     * {@link CeoServerDecoder#REQUEST_BITS}, what the request itself costs: a smaller step spends more on
     * requests than it can save in overshoot (the top planes' B of 64-1500 bits took up to 15 requests of 3-37
     * bits each, and every request is a full BP attempt at the server).
     *
     * @param base B
     * @return bits per request
     */
    static int adaptiveStep(final int base) {
        return Math.max(CeoServerDecoder.REQUEST_BITS, (int) Math.ceil(ADAPTIVE_STEP * base));
    }

    /** Fraction of B added per rate-adaptive request. */
    static final double ADAPTIVE_STEP = 0.025;

    /**
     * @param n block length
     * @param t syndrome bits (a grid value)
     * @return the code, from the cache
     */
    static LadderCode code(final int n, final int t) {
        if (t <= DegreeProfile.DEGREE_TWO_CAP * n) {
            return get(n, t, t);
        }
        final int base = Math.max((t + 1) / 2, (int) Math.ceil(LADDER_BASE * t));
        return get(n, base, t);
    }
}
