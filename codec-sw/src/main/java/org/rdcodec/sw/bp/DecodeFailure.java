package org.rdcodec.sw.bp;

import org.rdcodec.core.RdcodecException;

/**
 * Slepian-Wolf decoding did not produce a block it can vouch for: belief propagation did not satisfy the
 * syndrome, or it did but the CRC-32C of the result differs from the encoder's (a false convergence).
 * No bits are returned with it; the caller asks for more syndrome bits or falls back to raw bits.
 */
public final class DecodeFailure extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /** Why decoding stopped. */
    public enum Reason {
        /** the syndrome was still unsatisfied after the iteration limit */
        NOT_CONVERGED,
        /** the syndrome was satisfied but the CRC-32C did not match */
        CRC_MISMATCH
    }

    private final Reason reason;
    private final int syndromeBitsTried;
    private final int attempts;

    /**
     * @param reason why the last attempt failed
     * @param syndromeBitsTried syndrome bits in the last attempt
     * @param attempts decoding attempts made
     * @param detail where it happened
     */
    public DecodeFailure(final Reason reason, final int syndromeBitsTried, final int attempts, final String detail) {
        super("Slepian-Wolf decode failed (" + reason + ") with " + syndromeBitsTried + " syndrome bits after "
                + attempts + " attempt(s): " + detail);
        this.reason = reason;
        this.syndromeBitsTried = syndromeBitsTried;
        this.attempts = attempts;
    }

    /** @return why the last attempt failed */
    public Reason reason() {
        return reason;
    }

    /** @return syndrome bits used in the last attempt (all of them were received) */
    public int syndromeBitsTried() {
        return syndromeBitsTried;
    }

    /** @return decoding attempts made */
    public int attempts() {
        return attempts;
    }
}
