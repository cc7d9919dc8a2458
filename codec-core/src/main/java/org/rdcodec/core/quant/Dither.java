package org.rdcodec.core.quant;

/**
 * The shared-seed, counter-based random numbers of rdcodec: worker and server regenerate the same value
 * for (seed, round, worker, layer, stream, index) without sending any bits, in any order, in parallel.
 *
 * <p>Definition (bit-exact; the SIMD kernels reproduce it lane by lane):
 * <pre>
 * key      = {@link #key}(seed, round, worker, layer, stream)               a 32-bit stream key
 * hash(i)  = mix32(i XOR key)                                                 i = index within the layer
 * unit(i)  = (hash(i) &gt;&gt;&gt; 8) * 2^-24                                        in [0, 1), 24 exact bits
 * centred(i) = unit(i) - 0.5                                                  in [-0.5, 0.5), exact in float
 * </pre>
 * {@code mix32} is a bijective xorshift-multiply finaliser (constants 0x7feb352d and 0x846ca68b, shifts
 * 16, 15, 16) with full avalanche, so distinct indices give distinct hashes within a stream, and two
 * streams see the same index through different XOR masks: their values are not shifted copies of each
 * other (as with {@code i + key}) and are uncorrelated. One round keeps the vector kernels memory-bound.
 */
public final class Dither {

    /** Stream of subtractive dither values. */
    public static final int STREAM_DITHER = 0;
    /** Stream of stochastic-rounding decisions (QSGD, TernGrad, natural compression). */
    public static final int STREAM_ROUNDING = 1;
    /** Stream of sparsification masks (random-k). */
    public static final int STREAM_MASK = 2;
    /** Stream of the random signs of the randomized Hadamard rotation. */
    public static final int STREAM_ROTATION = 3;
    /**
     * Stream of a stand-in dither for choices that change the reconstruction and so must not depend on the real
     * dither (e.g. the CEO worker's E8-or-scalar choice): a choice made from the real dither would make the
     * error's conditional mean given the data a mixture selected by the dither, no longer exactly zero.
     */
    public static final int STREAM_CHOICE = 4;

    /** 2^-24 as a float. */
    public static final float UNIT = 0x1p-24f;

    private Dither() {
    }

    /**
     * The 32-bit key of one stream.
     *
     * @param seed the shared seed
     * @param round training round
     * @param worker worker index
     * @param layer layer index
     * @param stream one of the {@code STREAM_*} constants
     * @return the key
     */
    public static int key(final long seed, final long round, final int worker, final int layer, final int stream) {
        long h = mix64(seed ^ 0x6a09e667f3bcc909L);
        h = mix64(h ^ round);
        h = mix64(h ^ (((long) worker << 32) | (layer & 0xffffffffL)));
        h = mix64(h ^ stream);
        return (int) (h ^ (h >>> 32));
    }

    /**
     * @param key a stream key
     * @param index coordinate index within the layer
     * @return the 32-bit hash
     */
    public static int hash(final int key, final int index) {
        return mix32(index ^ key);
    }

    /**
     * @param key a stream key
     * @param index coordinate index within the layer
     * @return a uniform value in [0, 1) with 24 random bits
     */
    public static float unit(final int key, final int index) {
        return (hash(key, index) >>> 8) * UNIT;
    }

    /**
     * @param key a stream key
     * @param index coordinate index within the layer
     * @return a uniform value in [-0.5, 0.5)
     */
    public static float centred(final int key, final int index) {
        return unit(key, index) - 0.5f;
    }

    /**
     * The 32-bit finaliser (bijective on int).
     *
     * @param x input
     * @return mixed value
     */
    public static int mix32(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }

    /**
     * SplitMix64's finaliser, used only to derive keys.
     *
     * @param z input
     * @return mixed value
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
