package org.rdcodec.sw.ceo;

import java.util.Locale;
import org.rdcodec.core.spec.SpecException;

/**
 * The CEO codec's spec, parsed in codec-sw (not in the core catalog): {@code ceo:distortion=D} or
 * {@code ceo:rho=R}, plus optional {@code quantizer=scalar|e8} (e8: the bit-plane workers quantize on the E8
 * lattice, {@code CeoE8}), {@code margin=M} (multiplies the feedback-free
 * syndrome bits; 1 = the LDPC layer's measured rate choice), {@code mode=rate-adaptive|feedback-free} and
 * {@code block=n} (LDPC block length in bits). Rate-adaptive is the default: at K = 10, sx2 = 10, sn2 = 1,
 * rho = 1, P = 2^16, 16384-bit blocks it sent 12.17 bits per coordinate against 13.20 feedback-free.
 *
 * @param distortion target per-coordinate MSE, or NaN when rho is given
 * @param rho target rho = D K / sn2 - 1 (homogeneous definition; heterogeneous: D = (1 + rho) / sum_k 1/sn2_k), or NaN
 * @param margin multiplier on the feedback-free syndrome bits, &gt; 0
 * @param rateAdaptive true: a failed plane asks for more ladder bits before it falls back to raw bits
 * @param block LDPC block length in bits
 * @param e8 true: {@code quantizer=e8}
 */
public record CeoSpec(double distortion, double rho, double margin, boolean rateAdaptive, int block, boolean e8) {

    /**
     * The scalar-quantizer spec.
     *
     * @param distortion target per-coordinate MSE, or NaN when rho is given
     * @param rho target rho, or NaN
     * @param margin multiplier on the feedback-free syndrome bits
     * @param rateAdaptive rate-adaptive or feedback-free
     * @param block LDPC block length in bits
     */
    public CeoSpec(final double distortion, final double rho, final double margin, final boolean rateAdaptive, final int block) {
        this(distortion, rho, margin, rateAdaptive, block, false);
    }

    /** Spec prefix. */
    public static final String NAME = "ceo";

    /** Default LDPC block: the length the codes were measured at (src/site/ldpc.md). */
    public static final int DEFAULT_BLOCK = 65536;

    /** Smallest block accepted: below it the codes' finite-length losses dominate. */
    public static final int MIN_BLOCK = 256;

    /**
     * @param text e.g. {@code ceo:distortion=0.2,margin=1.0}
     * @return true if the text names this codec
     */
    public static boolean matches(final String text) {
        return text != null && (text.equals(NAME) || text.startsWith(NAME + ":"));
    }

    /**
     * @param text the spec
     * @return the parsed spec
     * @throws SpecException on an unknown parameter or a bad value, naming it
     */
    public static CeoSpec parse(final String text) {
        if (!matches(text)) {
            throw new SpecException("not a ceo spec: '" + text + "'");
        }
        double d = Double.NaN;
        double rho = Double.NaN;
        double margin = 1.0;
        boolean adaptive = true;
        int block = DEFAULT_BLOCK;
        boolean e8 = false;
        final String body = text.length() > NAME.length() ? text.substring(NAME.length() + 1) : "";
        for (final String cell : body.isEmpty() ? new String[0] : body.split(",")) {
            final int eq = cell.indexOf('=');
            if (eq < 0) {
                throw new SpecException("ceo: parameter '" + cell + "' needs a value (name=value)");
            }
            final String key = cell.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            final String value = cell.substring(eq + 1).trim();
            switch (key) {
                case "distortion" -> d = positive(key, value);
                case "rho" -> rho = positive(key, value);
                case "margin" -> margin = positive(key, value);
                case "block" -> {
                    final double b = positive(key, value);
                    if (b != Math.rint(b) || b < MIN_BLOCK || b > 1 << 24) {
                        throw new SpecException("ceo: block must be an integer in [" + MIN_BLOCK + ", 2^24], got " + value);
                    }
                    block = (int) b;
                }
                case "mode" -> {
                    if (!value.equals("rate-adaptive") && !value.equals("feedback-free")) {
                        throw new SpecException("ceo: mode must be feedback-free or rate-adaptive, got " + value);
                    }
                    adaptive = value.equals("rate-adaptive");
                }
                case "quantizer" -> {
                    if (!value.equals("scalar") && !value.equals("e8")) {
                        throw new SpecException("ceo: quantizer '" + value + "' is not implemented; valid: scalar, e8");
                    }
                    e8 = value.equals("e8");
                }
                default -> throw new SpecException("ceo: unknown parameter '" + key
                        + "'; valid: distortion, rho, margin, mode, block, quantizer");
            }
        }
        if (Double.isNaN(d) == Double.isNaN(rho)) {
            throw new SpecException("ceo: give exactly one of distortion=D or rho=R");
        }
        return new CeoSpec(d, rho, margin, adaptive, block, e8);
    }

    private static double positive(final String key, final String value) {
        final double v;
        try {
            v = Double.parseDouble(value);
        } catch (final NumberFormatException e) {
            throw new SpecException("ceo: " + key + " must be a number, got '" + value + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new SpecException("ceo: " + key + " must be finite and > 0, got " + value);
        }
        return v;
    }

    /**
     * @param precisionSum sum_k 1/sn2_k (estimated) of the layer
     * @return the per-coordinate target distortion for that layer
     */
    public double targetDistortion(final double precisionSum) {
        return Double.isNaN(rho) ? distortion : (1 + rho) / precisionSum;
    }

    @Override
    public String toString() {
        return NAME + ":" + (Double.isNaN(rho) ? "distortion=" + distortion : "rho=" + rho) + ",margin=" + margin
                + ",mode=" + (rateAdaptive ? "rate-adaptive" : "feedback-free") + ",block=" + block + (e8 ? ",quantizer=e8" : "");
    }
}
