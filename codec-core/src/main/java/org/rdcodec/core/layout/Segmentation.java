package org.rdcodec.core.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.rdcodec.core.buffer.GradientBuffer;

/**
 * The paper's segmentation of a flat gradient of P coordinates in L equal layers into n = P / L vectors
 * of dimension L: component {@code l} of vector {@code j} is coordinate {@code j} of layer {@code l}.
 *
 * <p>In memory this is a transpose of an L x n float32 matrix: the <i>layer-major</i> order
 * ({@code src[l * n + j]}, the flat gradient) becomes the <i>vector-major</i> order
 * ({@code dst[j * L + l]}, the n vectors one after another) and back. It runs in tiles of
 * {@value #TILE} coordinates per layer so that both the L read streams and the written tile stay in
 * cache; plain scalar code, because a transpose is bound by memory traffic, not arithmetic.
 *
 * <p>Source and destination must not overlap (no in-place transpose).
 */
public final class Segmentation {

    /** Floats are moved as their 32 bits, so every NaN payload survives the round trip. */
    private static final ValueLayout.OfInt BITS = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Coordinates per layer handled per tile: {@code TILE * L * 4} bytes of output per tile. */
    static final int TILE = 256;

    private final int layers;
    private final int vectors;
    private final int total;

    private Segmentation(final int layers, final int vectors) {
        this.layers = layers;
        this.vectors = vectors;
        this.total = layers * vectors;
    }

    /**
     * The segmentation of a layout whose layers all have the same size.
     *
     * @param layout the layout
     * @return its segmentation into {@code n = P / L} vectors of dimension {@code L}
     * @throws LayoutException if the layer sizes differ
     */
    public static Segmentation of(final GradientLayout layout) {
        if (!layout.isUniform()) {
            int l = 1;
            while (layout.size(l) == layout.size(0)) {
                l++;
            }
            throw new LayoutException("segmentation needs layers of equal size, but layer 0 ('" + layout.name(0)
                    + "') has " + layout.size(0) + " coordinates and layer " + l + " ('" + layout.name(l) + "') has "
                    + layout.size(l));
        }
        return new Segmentation(layout.layerCount(), layout.size(0));
    }

    /** @return the dimension L of each vector (the number of layers) */
    public int dimension() {
        return layers;
    }

    /** @return the number n of vectors (the size of each layer) */
    public int vectorCount() {
        return vectors;
    }

    /** @return P = n * L */
    public int totalSize() {
        return total;
    }

    /**
     * Layer-major to vector-major: {@code dst[j * L + l] = src[l * n + j]}.
     *
     * @param layerMajor the flat gradient, P floats
     * @param vectorMajor receives the n vectors, P floats
     * @throws LayoutException if a length is not P or the buffers overlap
     */
    public void interleave(final GradientBuffer layerMajor, final GradientBuffer vectorMajor) {
        interleave(layerMajor.segment(), vectorMajor.segment());
    }

    /**
     * Vector-major to layer-major, the inverse of {@link #interleave(GradientBuffer, GradientBuffer)}.
     *
     * @param vectorMajor the n vectors, P floats
     * @param layerMajor receives the flat gradient, P floats
     * @throws LayoutException if a length is not P or the buffers overlap
     */
    public void deinterleave(final GradientBuffer vectorMajor, final GradientBuffer layerMajor) {
        deinterleave(vectorMajor.segment(), layerMajor.segment());
    }

    /**
     * {@link #interleave(GradientBuffer, GradientBuffer)} over segments of exactly {@code 4 * P} bytes.
     *
     * @param layerMajor source
     * @param vectorMajor destination
     */
    public void interleave(final MemorySegment layerMajor, final MemorySegment vectorMajor) {
        check(layerMajor, "interleave source (layer-major)", vectorMajor, "interleave destination (vector-major)");
        transpose(layerMajor, vectorMajor, layers, vectors);
    }

    /**
     * {@link #deinterleave(GradientBuffer, GradientBuffer)} over segments of exactly {@code 4 * P} bytes.
     *
     * @param vectorMajor source
     * @param layerMajor destination
     */
    public void deinterleave(final MemorySegment vectorMajor, final MemorySegment layerMajor) {
        check(vectorMajor, "deinterleave source (vector-major)", layerMajor, "deinterleave destination (layer-major)");
        transpose(vectorMajor, layerMajor, vectors, layers);
    }

    private void check(final MemorySegment src, final String srcName, final MemorySegment dst, final String dstName) {
        requireFloats(src, srcName);
        requireFloats(dst, dstName);
        if (src.asOverlappingSlice(dst).isPresent()) {
            throw new LayoutException("segmentation: " + srcName + " and " + dstName + " overlap; in-place is not supported");
        }
    }

    private void requireFloats(final MemorySegment s, final String what) {
        if (s.byteSize() != (long) total * Float.BYTES) {
            throw new LayoutException("segmentation: " + what + " has " + s.byteSize() + " bytes but P = " + total
                    + " floats (" + (long) total * Float.BYTES + " bytes) are needed for n = " + vectors
                    + " vectors of dimension L = " + layers);
        }
    }

    /**
     * Transposes a {@code rows x cols} row-major float matrix into a {@code cols x rows} one, in tiles
     * of {@value #TILE} columns so the {@code rows} read streams advance together.
     */
    private static void transpose(final MemorySegment src, final MemorySegment dst, final int rows, final int cols) {
        for (int c0 = 0; c0 < cols; c0 += TILE) {
            final int c1 = Math.min(cols, c0 + TILE);
            for (int r = 0; r < rows; r++) {
                final long rowBase = (long) r * cols;
                for (int c = c0; c < c1; c++) {
                    dst.setAtIndex(BITS, (long) c * rows + r, src.getAtIndex(BITS, rowBase + c));
                }
            }
        }
    }
}
