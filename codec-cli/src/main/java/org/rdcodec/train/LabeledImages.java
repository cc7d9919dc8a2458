package org.rdcodec.train;

import java.util.Arrays;

/**
 * Images with class labels, kept as the raw unsigned bytes of the IDX files (47 MB for the 60k
 * training images instead of 188 MB as floats); {@link #copyFeatures} scales pixels to [0, 1] on the way out.
 *
 * @param count number of examples
 * @param features pixels per example
 * @param pixels row-major pixel bytes, count x features
 * @param labels class of each example, 0..classes-1
 * @param classes number of classes
 */
public record LabeledImages(int count, int features, byte[] pixels, byte[] labels, int classes) {

    /** Scale of a pixel byte to a feature in [0, 1]. */
    public static final float PIXEL_SCALE = 1f / 255f;

    /**
     * Pairs an image file with its label file, checking they agree.
     *
     * @param images an IDX file of count x rows x cols (or count x features) bytes
     * @param labels an IDX file of count bytes
     * @param classes number of classes; every label must be below it
     * @param where names the pair in error messages
     * @return the examples
     * @throws IdxFormatException if the counts differ or a label is out of range
     */
    public static LabeledImages of(final IdxFile images, final IdxFile labels, final int classes, final String where) {
        if (images.dims().length < 2) {
            throw new IdxFormatException(where + ": images need at least 2 dimensions, have " + Arrays.toString(images.dims()));
        }
        if (labels.dims().length != 1) {
            throw new IdxFormatException(where + ": labels need 1 dimension, have " + Arrays.toString(labels.dims()));
        }
        if (images.count() != labels.count()) {
            throw new IdxFormatException(where + ": " + images.count() + " images but " + labels.count() + " labels");
        }
        final byte[] l = labels.data();
        for (int i = 0; i < l.length; i++) {
            if ((l[i] & 0xff) >= classes) {
                throw new IdxFormatException(where + ": label " + (l[i] & 0xff) + " of example " + i + " is not below " + classes);
            }
        }
        return new LabeledImages(images.count(), images.itemSize(), images.data(), l, classes);
    }

    /**
     * @param example example index
     * @return its class
     */
    public int label(final int example) {
        return labels[example] & 0xff;
    }

    /**
     * Writes the example's features (pixel / 255) into {@code dst[offset .. offset + features)}.
     *
     * @param example example index
     * @param dst destination
     * @param offset first element written
     */
    public void copyFeatures(final int example, final float[] dst, final int offset) {
        final int from = example * features;
        for (int j = 0; j < features; j++) {
            dst[offset + j] = (pixels[from + j] & 0xff) * PIXEL_SCALE;
        }
    }

    /**
     * @param n how many leading examples to keep
     * @return the first n examples (a copy)
     */
    public LabeledImages head(final int n) {
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("head(" + n + ") of " + count + " examples");
        }
        return new LabeledImages(n, features, Arrays.copyOf(pixels, n * features), Arrays.copyOf(labels, n), classes);
    }
}
