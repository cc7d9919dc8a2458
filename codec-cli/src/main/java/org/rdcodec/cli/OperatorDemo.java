package org.rdcodec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.GradientDecoder;
import org.rdcodec.core.quant.WorkerEncoder;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.theory.CompressionBounds;

/**
 * The {@code rdc demo} section for one worker's compressors against the seed-003 bounds: for a unit
 * Gaussian and a heavy-tailed source (Student-t with 3 degrees of freedom, scaled to unit variance), each
 * operator's measured bits per coordinate (frame bytes) and relative variance omega = ||xhat - x||^2 / ||x||^2
 * (mean over {@link #ROUNDS} rounds of fresh shared randomness), the worst-case bound at that omega, and
 * QSGD's omega at the same bits (log-log interpolation between the measured QSGD points). Biased codecs (M22,
 * Lloyd-Max) are listed with their relative MSE in the omega column, marked biased: the bounds do not apply.
 */
final class OperatorDemo {

    /**
     * Coordinates per run. A frame has ~140 fixed bytes (header with the spec string, layer table, CRC, coder
     * states): 0.07 bits per coordinate at 2^14, which swamped the low-rate points; 0.004 at 2^18, the size
     * of a small layer. omega has a relative error of about 0.3% at 2^18.
     */
    static final int DIM = 1 << 18;

    /** Rounds averaged per point (one round of 2^18 values already pins omega to ~0.3%). */
    static final int ROUNDS = 1;

    /**
     * Coordinates for spherical compression: its encoder tries 2^(bits dim) directions per block (2.7 s per
     * round at 2^18 for dim 8, bits 1), and at its rates (&gt;= 0.85 bits) the frame's fixed bytes are
     * under 2% at 2^16. Its rows use the first 2^16 values of the same data.
     */
    static final int SPHERICAL_DIM = 1 << 16;

    static final long SEED = 2026;

    /** QSGD levels measured for the equal-bits comparison. */
    static final int[] QSGD_LEVELS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 1024};

    /** The operators of the section. */
    static final List<String> OPERATORS = List.of(
            // sparse dithering in its original form (step ||x|| / levels, stochastic rounding), for comparison
            "sparse-dither:fraction=0.125,levels=1", "sparse-dither:fraction=1,levels=64",
            // sparse dithering, step in RMS units, subtractive dither (site page section 2.2)
            "sparse-dither:fraction=1,step=1,rounding=subtractive", "sparse-dither:fraction=1,step=3,rounding=subtractive",
            "sparse-dither:fraction=0.5,step=3,rounding=subtractive", "sparse-dither:fraction=0.2,step=3,rounding=subtractive",
            "sparse-dither:fraction=0.05,step=3,rounding=subtractive", "sparse-dither:fraction=0.01,step=3,rounding=subtractive",
            "spherical:dim=8,bits=0.5,normlevels=2", "spherical:dim=8,bits=1,normlevels=2", "spherical:dim=4,bits=1,normlevels=2",
            "spherical:dim=4,bits=1.5,normlevels=2", "spherical:dim=2,bits=2,normlevels=2",
            "m22:family=gennorm,m=0,bits=2", "m22:family=gennorm,m=1,bits=2", "m22:family=weibull,m=0,bits=2",
            "m22:family=gennorm,m=0,bits=3,rounding=stochastic", "lloydmax:bits=2");

    /**
     * One measured point.
     *
     * @param source gaussian or student-t3
     * @param codec the spec
     * @param unbiased whether the codec is unbiased (the bounds apply)
     * @param bitsPerCoordinate measured
     * @param omega measured relative variance (relative MSE for biased codecs)
     * @param worstCaseBits the bound at that omega
     * @param averageCaseBits the fixed-length cap bound at that omega for the block dimension (spherical only, else NaN)
     * @param qsgdOmegaAtEqualBits QSGD's omega at the same bits (NaN outside the measured QSGD range)
     */
    record Row(String source, String codec, boolean unbiased, double bitsPerCoordinate, double omega, double worstCaseBits,
            double averageCaseBits, double qsgdOmegaAtEqualBits) {
    }

    private OperatorDemo() {
    }

    /**
     * Measures every point, prints the table unless quiet, writes {@code operators.json}.
     *
     * @param out output directory
     * @param pw where the table goes
     * @param quiet whether to skip the table
     * @return the JSON file written
     * @throws IOException if it cannot be written
     */
    static Path run(final Path out, final PrintWriter pw, final boolean quiet) throws IOException {
        final List<Row> rows = measure();
        if (!quiet) {
            print(rows, pw);
        }
        final Path file = out.resolve("operators.json");
        Files.writeString(file, BoundCommand.toJson(rows));
        return file;
    }

    static List<Row> measure() {
        final List<Row> rows = new ArrayList<>();
        for (final String source : List.of("gaussian", "student-t3")) {
            final float[] x = source.equals("gaussian") ? gaussian(DIM, SEED) : studentT3(DIM, SEED + 1);
            final double[] qBits = new double[QSGD_LEVELS.length];
            final double[] qOmega = new double[QSGD_LEVELS.length];
            for (int i = 0; i < QSGD_LEVELS.length; i++) {
                final double[] m = measure("qsgd:levels=" + QSGD_LEVELS[i], x);
                qBits[i] = m[0];
                qOmega[i] = m[1];
                rows.add(row(source, "qsgd:levels=" + QSGD_LEVELS[i], m, qBits, qOmega, i + 1));
            }
            for (final String op : OPERATORS) {
                final float[] data = op.startsWith("spherical") ? Arrays.copyOf(x, SPHERICAL_DIM) : x;
                rows.add(row(source, op, measure(op, data), qBits, qOmega, qBits.length));
            }
        }
        return rows;
    }

    private static Row row(final String source, final String codec, final double[] m, final double[] qBits, final double[] qOmega, final int known) {
        final CodecSpec spec = CodecSpec.parse(codec);
        final boolean unbiased = spec.definition().unbiased();
        final double avg = spec.name().equals("spherical") ? CompressionBounds.averageCaseBitsPerCoordinate(spec.getInt("dim"), m[1]) : Double.NaN;
        return new Row(source, spec.toString(), unbiased, m[0], m[1], CompressionBounds.worstCaseBitsPerCoordinate(m[1]), avg,
                interpolate(m[0], qBits, qOmega, known));
    }

    /** QSGD's omega at the given bits: log-log linear between the two measured QSGD points around it. */
    static double interpolate(final double bits, final double[] qBits, final double[] qOmega, final int known) {
        for (int i = 0; i + 1 < known; i++) {
            if (qBits[i] <= bits && bits <= qBits[i + 1]) {
                final double f = Math.log(bits / qBits[i]) / Math.log(qBits[i + 1] / qBits[i]);
                return Math.exp(Math.log(qOmega[i]) + f * Math.log(qOmega[i + 1] / qOmega[i]));
            }
        }
        return Double.NaN;
    }

    /** Bits per coordinate (frame bytes) and omega, each the mean over the rounds. */
    private static double[] measure(final String spec, final float[] x) {
        final GradientLayout layout = GradientLayout.ofSizes(x.length);
        final GradientCodec codec = Codecs.create(spec);
        double energy = 0;
        for (final float v : x) {
            energy += (double) v * v;
        }
        double bits = 0;
        double omega = 0;
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, SEED);
             GradientBuffer in = GradientBuffer.of(x);
             GradientBuffer outBuf = GradientBuffer.allocate(x.length)) {
            final GradientDecoder dec = codec.newDecoder(layout, SEED);
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            for (int r = 0; r < ROUNDS; r++) {
                final int len = enc.encode(in, r, frame, 0, frame.capacity());
                dec.decode(frame, 0, len, outBuf);
                double se = 0;
                for (int i = 0; i < x.length; i++) {
                    final double e = (double) outBuf.get(i) - x[i];
                    se += e * e;
                }
                bits += 8.0 * len / x.length;
                omega += se / energy;
            }
        }
        return new double[] {bits / ROUNDS, omega / ROUNDS};
    }

    private static void print(final List<Row> rows, final PrintWriter pw) {
        pw.println();
        pw.println("One worker, unbiased compressors vs the seed-003 bounds (" + DIM + " coordinates, spherical " + SPHERICAL_DIM + "; "
                + ROUNDS + " round(s))");
        pw.printf(Locale.ROOT, "%-11s %-58s %9s %10s %11s %9s %10s %12s%n", "source", "codec", "bits/coord", "omega", "worst bound", "ratio",
                "avg bound", "QSGD omega@b");
        for (final Row r : rows) {
            pw.printf(Locale.ROOT, "%-11s %-58s %9.4f %10.4g %11.4f %9s %10s %12s%n", r.source(), r.codec() + (r.unbiased() ? "" : " (biased)"),
                    r.bitsPerCoordinate(), r.omega(), r.worstCaseBits(), r.unbiased() ? String.format(Locale.ROOT, "%.3f", r.bitsPerCoordinate() / r.worstCaseBits()) : "-",
                    Double.isNaN(r.averageCaseBits()) ? "-" : String.format(Locale.ROOT, "%.4f", r.averageCaseBits()),
                    Double.isNaN(r.qsgdOmegaAtEqualBits()) || r.codec().startsWith("qsgd") ? "-" : String.format(Locale.ROOT, "%.4g", r.qsgdOmegaAtEqualBits()));
        }
    }

    private static float[] gaussian(final int n, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** Student-t(3) / sqrt(3): unit variance, a gradient-like heavy tail (kurtosis infinite). */
    private static float[] studentT3(final int n, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double chi2 = 0;
            for (int k = 0; k < 3; k++) {
                final double g = r.nextGaussian();
                chi2 += g * g;
            }
            x[i] = (float) (r.nextGaussian() / Math.sqrt(chi2 / 3) / Math.sqrt(3));
        }
        return x;
    }
}
