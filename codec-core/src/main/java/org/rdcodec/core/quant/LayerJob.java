package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.stats.LayerStats;

/**
 * One layer of one round, as seen by a {@link LayerwiseCodec}: where its floats are, who and when it
 * belongs to (for the shared-seed streams), its statistics at the encoder, and reusable scratch.
 * Mutable and reused across layers and rounds so the hot path does not allocate.
 */
public final class LayerJob {

    /** The worker's (encode) or output (decode) floats. */
    MemorySegment data;
    /** Float index of the layer's first coordinate in {@link #data}. */
    long from;
    /** Coordinates in the layer. */
    int size;
    /** Layer index. */
    int layer;
    /** Layer name, for messages. */
    String layerName;
    /** Training round. */
    long round;
    /** Worker index. */
    int worker;
    /** Shared seed. */
    long seed;
    /** Statistics of the layer's input (encoder only). */
    LayerStats stats;
    /** Scratch indices, at least {@link #size} long. */
    int[] ints = new int[0];
    /** Second scratch indices, at least {@link #size} long. */
    int[] ints2 = new int[0];
    /** Scratch words (e.g. packed sign bits). */
    long[] longs = new long[0];
    /** Scratch floats (e.g. magnitudes for top-k). */
    float[] floats = new float[0];
    /** Scratch contexts, at least {@link #size} long. */
    byte[] contexts = new byte[0];
    /** Entropy coder of index streams, with its scratch tables. */
    final IndexCoder indexCoder = new IndexCoder();

    LayerJob() {
    }

    /**
     * @param stream one of {@link Dither}'s {@code STREAM_*}
     * @return the stream key of this layer, round and worker
     */
    int key(final int stream) {
        return Dither.key(seed, round, worker, layer, stream);
    }

    /** @return scratch ints of at least {@link #size} */
    int[] ints() {
        if (ints.length < size) {
            ints = new int[size];
        }
        return ints;
    }

    /** @return second scratch ints of at least {@link #size} */
    int[] ints2() {
        if (ints2.length < size) {
            ints2 = new int[size];
        }
        return ints2;
    }

    /**
     * @param n words needed
     * @return scratch longs of at least n
     */
    long[] longs(final int n) {
        if (longs.length < n) {
            longs = new long[n];
        }
        return longs;
    }

    /** @return scratch floats of at least {@link #size} */
    float[] floats() {
        if (floats.length < size) {
            floats = new float[size];
        }
        return floats;
    }

    /** @return scratch contexts of at least {@link #size} */
    byte[] contexts() {
        if (contexts.length < size) {
            contexts = new byte[size];
        }
        return contexts;
    }

    /** @return where this is, for messages */
    String where() {
        return "layer " + layer + " ('" + layerName + "'), worker " + worker + ", round " + round;
    }
}
