package org.rdcodec.sw.ldpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Process-wide cache of {@link LadderCode}s keyed by (n, M, seed): building a PEG code at n = 65536 takes
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

    private record Key(int n, int m, long seed) {
    }

    private CodeCache() {
    }

    /**
     * @param n source bits per block
     * @param maxSyndromeBits M
     * @param seed construction seed
     * @return the cached code, built on first use
     */
    public static LadderCode get(final int n, final int maxSyndromeBits, final long seed) {
        final Key key = new Key(n, maxSyndromeBits, seed);
        synchronized (CODES) {
            final LadderCode c = CODES.get(key);
            if (c != null) {
                return c;
            }
        }
        final LadderCode built = LadderCode.build(n, maxSyndromeBits, seed);
        synchronized (CODES) {
            final LadderCode raced = CODES.putIfAbsent(key, built);
            return Objects.requireNonNullElse(raced, built);
        }
    }
}
