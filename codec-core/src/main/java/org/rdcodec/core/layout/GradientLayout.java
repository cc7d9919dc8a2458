package org.rdcodec.core.layout;

import java.util.Arrays;
import java.util.List;


/**
 * The layers of a model's flat float32 gradient: names, sizes and offsets. Layer {@code l} occupies
 * coordinates {@code [offset(l), offset(l) + size(l))} of the flat vector; the total is P.
 *
 * <p>Immutable. Validated on construction: at least one layer, every size &gt; 0, names unique and
 * non-blank, and P representable as an {@code int} (one gradient is at most 2^31 - 1 floats).
 */
public final class GradientLayout {

    private final String[] names;
    private final int[] sizes;
    private final int[] offsets;
    private final int total;

    private GradientLayout(final String[] names, final int[] sizes) {
        if (names.length != sizes.length) {
            throw new LayoutException("layout: " + names.length + " names but " + sizes.length + " sizes");
        }
        if (sizes.length == 0) {
            throw new LayoutException("layout: at least one layer is needed");
        }
        this.names = names.clone();
        this.sizes = sizes.clone();
        this.offsets = new int[sizes.length + 1];
        long sum = 0;
        for (int l = 0; l < sizes.length; l++) {
            if (this.names[l] == null || this.names[l].isBlank()) {
                throw new LayoutException("layout: layer " + l + " has no name");
            }
            for (int j = 0; j < l; j++) {
                if (this.names[j].equals(this.names[l])) {
                    throw new LayoutException("layout: layer name '" + names[l] + "' is used by layers " + j + " and " + l);
                }
            }
            if (this.sizes[l] <= 0) {
                throw new LayoutException("layout: layer " + l + " ('" + this.names[l] + "') has size " + this.sizes[l] + "; sizes must be > 0");
            }
            offsets[l] = (int) sum;
            sum += this.sizes[l];
            if (sum > Integer.MAX_VALUE) {
                throw new LayoutException("layout: total size exceeds " + Integer.MAX_VALUE + " coordinates at layer " + l);
            }
        }
        offsets[sizes.length] = (int) sum;
        this.total = (int) sum;
    }

    /**
     * A layout from layer names and sizes.
     *
     * @param names one unique name per layer
     * @param sizes coordinates per layer, each &gt; 0
     * @return the layout
     * @throws LayoutException if the layout is invalid
     */
    public static GradientLayout of(final List<String> names, final int[] sizes) {
        return new GradientLayout(names.toArray(new String[0]), sizes);
    }

    /**
     * A layout with layers named {@code layer0, layer1, ...}.
     *
     * @param sizes coordinates per layer, each &gt; 0
     * @return the layout
     */
    public static GradientLayout ofSizes(final int... sizes) {
        final String[] names = new String[sizes.length];
        for (int l = 0; l < sizes.length; l++) {
            names[l] = "layer" + l;
        }
        return new GradientLayout(names, sizes);
    }

    /**
     * {@code layers} layers of equal size {@code p / layers}, the paper's setting.
     *
     * @param p total coordinates, a positive multiple of {@code layers}
     * @param layers number of layers L
     * @return the layout
     */
    public static GradientLayout uniform(final int p, final int layers) {
        if (layers <= 0) {
            throw new LayoutException("layout: layers must be > 0, got " + layers);
        }
        if (p <= 0 || p % layers != 0) {
            throw new LayoutException("layout: P = " + p + " is not a positive multiple of L = " + layers);
        }
        final int[] sizes = new int[layers];
        Arrays.fill(sizes, p / layers);
        return ofSizes(sizes);
    }

    /**
     * Checks that a flat gradient's length matches this layout.
     *
     * @param length the length to check
     * @param what what the length belongs to, for the message
     * @throws LayoutException if {@code length != totalSize()}
     */
    public void requireTotal(final long length, final String what) {
        if (length != total) {
            throw new LayoutException(what + " has " + length + " coordinates but the layout has P = " + total);
        }
    }

    /** @return the number of layers L */
    public int layerCount() {
        return sizes.length;
    }

    /** @return the total number of coordinates P */
    public int totalSize() {
        return total;
    }

    /**
     * @param layer layer index
     * @return its name
     */
    public String name(final int layer) {
        return names[layer];
    }

    /**
     * @param layer layer index
     * @return its number of coordinates
     */
    public int size(final int layer) {
        return sizes[layer];
    }

    /**
     * @param layer layer index, or {@code layerCount()} for P
     * @return the index of its first coordinate in the flat gradient
     */
    public int offset(final int layer) {
        return offsets[layer];
    }

    /**
     * @param name a layer name
     * @return its index
     * @throws LayoutException if there is no such layer
     */
    public int indexOf(final String name) {
        for (int l = 0; l < names.length; l++) {
            if (names[l].equals(name)) {
                return l;
            }
        }
        throw new LayoutException("layout: no layer named '" + name + "'");
    }

    /** @return true if every layer has the same size (the paper's segmentation applies) */
    public boolean isUniform() {
        for (final int s : sizes) {
            if (s != sizes[0]) {
                return false;
            }
        }
        return true;
    }

    /** @return a copy of the layer sizes */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return the layer names */
    public List<String> names() {
        return List.of(names);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof GradientLayout other
                && Arrays.equals(sizes, other.sizes) && Arrays.equals(names, other.names);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder("GradientLayout[P=").append(total);
        for (int l = 0; l < sizes.length; l++) {
            sb.append(l == 0 ? "; " : ", ").append(names[l]).append('=').append(sizes[l]);
        }
        return sb.append(']').toString();
    }
}
