package org.rdcodec.sw.ceo;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.rdcodec.core.frame.Crc32cChecksum;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;

/**
 * The byte layout of one worker's CEO frame (all little-endian). Address table:
 * <pre>
 * header (HEADER_BYTES = 24)
 *   0  int32  magic 0x4F454352 ("RCEO" as LE bytes)
 *   4  int16  version (1; 2 when a layer is in mode 3)
 *   6  int16  layer count L
 *   8  int32  worker k
 *   12 int64  round
 *   20 int32  body length B (bytes from 24 to the trailer)
 * layer section, L times, in layer order
 *   +0 int8   mode: 0 silent (nothing follows), 1 entropy, 2 bit-planes, 3 E8 bit-planes (version 2 only)
 *   +1 3 zero bytes
 *   +4 float32 step (mode 3: the scalar-equivalent step sqrt(12 sv2); the lattice step is step / sqrt(12 G_E8))
 *   +8 int32  coordinates n_l
 *   entropy: +12 int32 contexts C (1..16), C x int32 stream lengths, the C rANS streams (indices q of the
 *            coordinates whose dither bin is c, in coordinate order)
 *   bit-planes: +12 int32 qmin, +16 int8 planes (1..30), 3 zero bytes; then per plane, most significant first:
 *            int8 kind (0 check, 1 raw, 2 syndrome), 3 zero bytes, then per block of the layer (blocks of
 *            the spec's block length, the last one shorter):
 *              check:    int32 CRC-32C of the block's bits ({@code SourceBlock.crc32c})
 *              raw:      ceil(n_b / 8) bytes, the block's bits (bit i at byte i / 8, position i % 8)
 *              syndrome: int32 base checks B, int32 ladder length M, int32 bits sent t, int32 CRC-32C,
 *                        ceil(t / 8) bytes of ladder bits 0..t-1 (same bit order)
 *   E8 bit-planes (blocks of 8 coordinates: nb = n / 8 of them, ne = 8 nb): +12 int32 zmin, +16 int32 planes
 *            P (1..30); n - ne int32 scalar indices of the tail coordinates (scalar step and dither); then the
 *            planes, each as a bit-plane above (kind, then per block of the spec's length): the coset plane
 *            (nb bits), then z - zmin's planes P - 1 .. 1 (ne bits each), then plane 0 in two parts: the bits of
 *            coordinates 0..5 of each block (6 nb bits), then of coordinate 6 (nb bits); coordinate 7's follows
 *            from the parity
 * trailer
 *   24+B int32 CRC-32C of bytes [0, 24 + B)
 * </pre>
 * The LDPC codes are {@code LadderCode.build(n_b, B, M, CODE_SEED)} (cached).
 */
public final class CeoFrame {

    /** Magic number. */
    public static final int MAGIC = 0x4F454352;
    /** Format version. */
    public static final short VERSION = 1;
    /** Format version of a frame with at least one E8 layer section (mode 3); otherwise the same layout. */
    public static final short VERSION_E8 = 2;
    /** Header size. */
    public static final int HEADER_BYTES = 24;
    /** Trailer size. */
    public static final int TRAILER_BYTES = 4;
    /** Seed of every LDPC code (both sides know it). */
    public static final long CODE_SEED = 7;

    /** Layer modes. */
    public static final byte MODE_SILENT = 0;
    /** Entropy-coded indices. */
    public static final byte MODE_ENTROPY = 1;
    /** Bit-planes. */
    public static final byte MODE_PLANES = 2;
    /** E8 bit-planes ({@code CeoE8}); only in version {@link #VERSION_E8}. */
    public static final byte MODE_E8 = 3;

    private CeoFrame() {
    }

    /**
     * Checks magic, version, length and CRC.
     *
     * @param frame the bytes
     * @param length frame length
     * @param layers expected layer count
     * @return the worker id in the header
     * @throws FrameException TRUNCATED, BAD_MAGIC, UNSUPPORTED_VERSION, CORRUPTED or WRONG_LAYOUT
     */
    static int check(final DirectBuffer frame, final int length, final int layers) {
        if (length < HEADER_BYTES + TRAILER_BYTES || frame.capacity() < length) {
            throw new FrameException(FrameError.TRUNCATED, "ceo frame: " + length + " bytes, the header and trailer need "
                    + (HEADER_BYTES + TRAILER_BYTES));
        }
        if (frame.getInt(0, ByteOrder.LITTLE_ENDIAN) != MAGIC) {
            throw new FrameException(FrameError.BAD_MAGIC, "ceo frame: bad magic 0x"
                    + Integer.toHexString(frame.getInt(0, ByteOrder.LITTLE_ENDIAN)));
        }
        final short version = frame.getShort(4, ByteOrder.LITTLE_ENDIAN);
        if (version != VERSION && version != VERSION_E8) {
            throw new FrameException(FrameError.UNSUPPORTED_VERSION, "ceo frame: version " + version + ", supported "
                    + VERSION + " and " + VERSION_E8);
        }
        final int body = frame.getInt(20, ByteOrder.LITTLE_ENDIAN);
        if (body < 0 || (long) HEADER_BYTES + body + TRAILER_BYTES > length) {
            throw new FrameException(FrameError.TRUNCATED, "ceo frame: body of " + body + " bytes does not fit in " + length);
        }
        if ((long) HEADER_BYTES + body + TRAILER_BYTES != length) {
            throw new FrameException(FrameError.MALFORMED, "ceo frame: " + length + " bytes, header says "
                    + (HEADER_BYTES + body + TRAILER_BYTES));
        }
        final int crc = frame.getInt(HEADER_BYTES + body, ByteOrder.LITTLE_ENDIAN);
        if (Crc32cChecksum.compute(frame, 0, HEADER_BYTES + body) != crc) {
            throw new FrameException(FrameError.CORRUPTED, "ceo frame: CRC-32C mismatch");
        }
        final int l = frame.getShort(6, ByteOrder.LITTLE_ENDIAN);
        if (l != layers) {
            throw new FrameException(FrameError.WRONG_LAYOUT, "ceo frame: " + l + " layers, the layout has " + layers);
        }
        return frame.getInt(8, ByteOrder.LITTLE_ENDIAN);
    }
}
