package org.rdcodec.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.rdcodec.core.layout.GradientLayout;

/**
 * A multilayer perceptron with ReLU hidden layers and a softmax cross-entropy output, in float32, with a
 * hand-written backward pass. Layer {@code j} maps {@code sizes[j]} inputs to {@code sizes[j+1]} outputs with
 * weights {@code W_j} (row-major, out x in) and biases {@code b_j}; the parameters and gradients are one flat
 * vector laid out as the {@link GradientLayout} {@code fc1.weight, fc1.bias, fc2.weight, ...}, so a codec sees
 * each weight matrix and bias vector as its own layer.
 *
 * <p>Deterministic: the initial weights come from the seed (uniform on +-1/sqrt(in) for weights and biases,
 * the usual fan-in scaling), every sum runs in a fixed order through {@link MatrixKernel}, and the softmax uses
 * StrictMath (Math.exp may differ by an ulp between the interpreter and a JIT intrinsic).
 * Not thread-safe (it owns its workspace); make one per thread.
 */
public final class Mlp {

    /** Examples per forward/backward chunk: bounds the workspace for large evaluation sets. */
    public static final int CHUNK = 128;

    private final int[] sizes;
    private final GradientLayout layout;
    private final float[] params;
    private final MatrixKernel kernel;
    /** act[j]: layer j's input for each example of the chunk (act[0] = features; hidden ones after ReLU). */
    private final float[][] act;
    /** delta[j]: d loss / d pre-activation of layer j's output, per example. */
    private final float[][] delta;
    private final double[] probs;
    /** Non-zero deltas of one backward row and the offsets of the vectors they scale (at most max(CHUNK, widest layer)). */
    private final float[] nzScale;
    private final int[] nzOffset;

    private Mlp(final int[] sizes, final float[] params, final MatrixKernel kernel) {
        this.sizes = sizes.clone();
        this.layout = layoutOf(sizes);
        this.params = params;
        this.kernel = kernel;
        final int layers = sizes.length - 1;
        act = new float[layers + 1][];
        delta = new float[layers + 1][];
        for (int j = 0; j <= layers; j++) {
            act[j] = new float[CHUNK * sizes[j]];
            delta[j] = new float[CHUNK * sizes[j]];
        }
        probs = new double[sizes[layers]];
        int widest = CHUNK;
        for (final int w : sizes) {
            widest = Math.max(widest, w);
        }
        nzScale = new float[widest];
        nzOffset = new int[widest];
    }

    /**
     * @param sizes layer widths, input first and classes last, at least two entries, each &gt;= 1
     * @param seed initialisation seed
     * @return a freshly initialised network using {@link MatrixKernels#get()}
     */
    public static Mlp create(final int[] sizes, final long seed) {
        return create(sizes, seed, MatrixKernels.get());
    }

    /**
     * @param sizes layer widths
     * @param seed initialisation seed
     * @param kernel the matrix kernel
     * @return a freshly initialised network
     */
    public static Mlp create(final int[] sizes, final long seed, final MatrixKernel kernel) {
        final GradientLayout layout = layoutOf(sizes);
        final float[] w = new float[layout.totalSize()];
        final SplittableRandom rnd = new SplittableRandom(seed);
        for (int j = 0; j + 1 < sizes.length; j++) {
            final double bound = 1 / Math.sqrt(sizes[j]);
            final int from = layout.offset(2 * j);
            final int to = layout.offset(2 * j + 2);
            for (int i = from; i < to; i++) {
                w[i] = (float) ((2 * rnd.nextDouble() - 1) * bound);
            }
        }
        return new Mlp(sizes, w, kernel);
    }

    /**
     * @param sizes layer widths
     * @return the gradient layout: {@code fcN.weight} (out x in) and {@code fcN.bias} (out) per layer N = 1..
     */
    public static GradientLayout layoutOf(final int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least input and output sizes, have " + Arrays.toString(sizes));
        }
        final List<String> names = new ArrayList<>();
        final int[] s = new int[2 * (sizes.length - 1)];
        for (int j = 0; j + 1 < sizes.length; j++) {
            if (sizes[j] < 1 || sizes[j + 1] < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1: " + Arrays.toString(sizes));
            }
            names.add("fc" + (j + 1) + ".weight");
            names.add("fc" + (j + 1) + ".bias");
            s[2 * j] = Math.multiplyExact(sizes[j], sizes[j + 1]);
            s[2 * j + 1] = sizes[j + 1];
        }
        return GradientLayout.of(names, s);
    }

    /** @return the layer widths */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return the parameter/gradient layout */
    public GradientLayout layout() {
        return layout;
    }

    /** @return the live parameter vector (the optimiser updates it in place) */
    public float[] parameters() {
        return params;
    }

    /** @return a deep copy with its own workspace */
    public Mlp copy() {
        return new Mlp(sizes, params.clone(), kernel);
    }

    /**
     * The mean loss and mean gradient over examples {@code idx[from .. from + count)}.
     *
     * @param data examples
     * @param idx example indices
     * @param from first position in idx
     * @param count how many, &gt;= 1
     * @param grad receives the mean gradient (overwritten), length P
     * @return the mean cross-entropy loss (nats)
     */
    public double gradient(final LabeledImages data, final int[] idx, final int from, final int count, final float[] grad) {
        Arrays.fill(grad, 0f);
        return accumulateGradient(data, idx, from, count, 1f / count, grad) / count;
    }

    /**
     * Adds {@code scale} times the sum of the examples' gradients to {@code grad}.
     *
     * @param data examples
     * @param idx example indices
     * @param from first position in idx
     * @param count how many
     * @param scale factor on each example's gradient (e.g. 1/count for a mean)
     * @param grad accumulator, length P
     * @return the sum of the examples' losses
     */
    public double accumulateGradient(final LabeledImages data, final int[] idx, final int from, final int count, final float scale,
            final float[] grad) {
        double loss = 0;
        for (int c = 0; c < count; c += CHUNK) {
            final int n = Math.min(CHUNK, count - c);
            loss += forward(data, idx, from + c, n, scale, true, null);
            backward(n, grad);
        }
        return loss;
    }

    /**
     * Loss and accuracy over examples {@code [from, from + count)} of a data set.
     *
     * @param data examples
     * @param from first example
     * @param count how many
     * @return mean loss and accuracy
     */
    public Evaluation evaluate(final LabeledImages data, final int from, final int count) {
        final int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = from + i;
        }
        double loss = 0;
        final int[] correct = new int[1];
        for (int c = 0; c < count; c += CHUNK) {
            final int n = Math.min(CHUNK, count - c);
            loss += forward(data, idx, c, n, 0f, false, correct);
        }
        return new Evaluation(loss / count, (double) correct[0] / count, count);
    }

    /** Mean loss and accuracy over a set of examples. @param loss mean cross-entropy (nats) @param accuracy fraction correct @param examples how many */
    public record Evaluation(double loss, double accuracy, int examples) {
    }

    /** Forward pass of one chunk; with {@code withDelta}, also the output deltas scaled by {@code scale}. Returns the summed loss. */
    private double forward(final LabeledImages data, final int[] idx, final int from, final int n, final float scale, final boolean withDelta,
            final int[] correct) {
        final int layers = sizes.length - 1;
        final int in0 = sizes[0];
        if (data.features() != in0) {
            throw new IllegalArgumentException("examples have " + data.features() + " features, the network takes " + in0);
        }
        for (int s = 0; s < n; s++) {
            data.copyFeatures(idx[from + s], act[0], s * in0);
        }
        for (int j = 0; j < layers; j++) {
            final int in = sizes[j];
            final int out = sizes[j + 1];
            final int wOff = layout.offset(2 * j);
            final int bOff = layout.offset(2 * j + 1);
            final float[] x = act[j];
            final float[] z = act[j + 1];
            final boolean hidden = j + 1 < layers;
            // Row o of W stays in cache while the chunk's inputs stream past it, two examples per pass (dot2).
            for (int o = 0; o < out; o++) {
                final float b = params[bOff + o];
                final int row = wOff + o * in;
                int s = 0;
                for (; s + 1 < n; s += 2) {
                    kernel.dot2(params, row, x, s * in, (s + 1) * in, in, z, s * out + o, (s + 1) * out + o);
                }
                if (s < n) {
                    z[s * out + o] = kernel.dot(params, row, x, s * in, in);
                }
                for (s = 0; s < n; s++) {
                    final float v = b + z[s * out + o];
                    z[s * out + o] = hidden && !(v > 0f) ? 0f : v;
                }
            }
        }
        final int classes = sizes[layers];
        final float[] logits = act[layers];
        final float[] d = delta[layers];
        double loss = 0;
        for (int s = 0; s < n; s++) {
            final int base = s * classes;
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int o = 0; o < classes; o++) {
                if (logits[base + o] > max) {
                    max = logits[base + o];
                    arg = o;
                }
            }
            double sum = 0;
            for (int o = 0; o < classes; o++) {
                probs[o] = StrictMath.exp(logits[base + o] - max);
                sum += probs[o];
            }
            final int label = data.label(idx[from + s]);
            loss += StrictMath.log(sum) - (logits[base + label] - max);
            if (correct != null && arg == label) {
                correct[0]++;
            }
            if (withDelta) {
                for (int o = 0; o < classes; o++) {
                    final double p = probs[o] / sum;
                    d[base + o] = (float) (scale * (p - (o == label ? 1 : 0)));
                }
            }
        }
        return loss;
    }

    /** Backward pass of the chunk whose forward pass ran last: adds the weight and bias gradients to {@code grad}. */
    private void backward(final int n, final float[] grad) {
        final int layers = sizes.length - 1;
        for (int j = layers - 1; j >= 0; j--) {
            final int in = sizes[j];
            final int out = sizes[j + 1];
            final int wOff = layout.offset(2 * j);
            final int bOff = layout.offset(2 * j + 1);
            final float[] d = delta[j + 1];
            final float[] x = act[j];
            // The examples with a non-zero delta, four axpys per pass over the gradient row (axpy4, same rounding).
            for (int o = 0; o < out; o++) {
                float gb = grad[bOff + o];
                int cnt = 0;
                for (int s = 0; s < n; s++) {
                    final float ds = d[s * out + o];
                    if (ds != 0f) {
                        nzScale[cnt] = ds;
                        nzOffset[cnt] = s * in;
                        cnt++;
                        gb += ds;
                    }
                }
                axpyAll(cnt, x, grad, wOff + o * in, in);
                grad[bOff + o] = gb;
            }
            if (j > 0) {
                final float[] dx = delta[j];
                Arrays.fill(dx, 0, n * in, 0f);
                for (int s = 0; s < n; s++) {
                    int cnt = 0;
                    for (int o = 0; o < out; o++) {
                        final float ds = d[s * out + o];
                        if (ds != 0f) {
                            nzScale[cnt] = ds;
                            nzOffset[cnt] = wOff + o * in;
                            cnt++;
                        }
                    }
                    axpyAll(cnt, params, dx, s * in, in);
                    // ReLU: the stored activation is positive exactly where the pre-activation was.
                    for (int i = s * in; i < (s + 1) * in; i++) {
                        if (!(x[i] > 0f)) {
                            dx[i] = 0f;
                        }
                    }
                }
            }
        }
    }

    /** y[yOff ..] += sum_c nzScale[c] * src[nzOffset[c] ..] for c &lt; cnt, in order c = 0, 1, ... (as cnt axpys). */
    private void axpyAll(final int cnt, final float[] src, final float[] y, final int yOff, final int len) {
        int c = 0;
        for (; c + 3 < cnt; c += 4) {
            kernel.axpy4(nzScale[c], nzScale[c + 1], nzScale[c + 2], nzScale[c + 3], src, nzOffset[c], nzOffset[c + 1], nzOffset[c + 2],
                    nzOffset[c + 3], y, yOff, len);
        }
        for (; c < cnt; c++) {
            kernel.axpy(nzScale[c], src, nzOffset[c], y, yOff, len);
        }
    }
}
