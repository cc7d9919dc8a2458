package org.rdcodec.sw.ldpc;

import java.lang.foreign.MemorySegment;

/**
 * Slepian-Wolf encoder: computes the syndrome H x of a bit-packed source block, and for a rate-adaptive
 * {@link LadderCode} all M ladder bits at once (from the half-check syndromes; the decoder uses a prefix).
 *
 * <p>One block: column by column ({@code ColumnSyndrome}: for each set source bit, flip the syndrome bits of its
 * checks). Many blocks of one code: {@link #encodeBatch}, bit-sliced, about 10x faster per block. Stateless, thread-safe.
 */
public final class SyndromeEncoder {

    private SyndromeEncoder() {
    }

    /**
     * @param h the matrix
     * @param sourceWords n source bits (validated)
     * @return the m syndrome bits of H x, packed
     */
    public static long[] syndrome(final ParityCheckMatrix h, final long[] sourceWords) {
        final int n = h.n();
        SourceBlock.validate(sourceWords, n, "syndrome encoder source");
        final long[] s = new long[(h.m() + 63) >>> 6];
        ColumnSyndrome.syndrome(h, sourceWords, s);
        return s;
    }

    /**
     * Encodes a block: all M ladder bits of the code (a decoder uses a prefix of them).
     *
     * @param code the ladder code
     * @param sourceWords n source bits
     * @return M syndrome bits, bit k at bit k % 64 of word k / 64
     */
    public static long[] encode(final LadderCode code, final long[] sourceWords) {
        return code.baseChecks() == code.maxSyndromeBits()
                ? syndrome(code.base(), sourceWords)
                : code.ladderFromHalves(syndrome(code.halves(), sourceWords));
    }

    /** Blocks per {@link #encodeBatch} call: one per bit of a long. */
    public static final int BATCH = 64;

    /**
     * Encodes up to {@value #BATCH} blocks of one code at once, bit-sliced: the blocks are transposed so that
     * one long holds a variable's bit of every block (64 x 64 bit transposes), each check's syndrome word is
     * then the XOR of its variables' words (one load per edge for all blocks together), and the syndrome words
     * are transposed back. Identical to {@link #encode(LadderCode, long[])} per block (tested); the way to
     * encode many blocks of a layer that share a code.
     *
     * @param code the ladder code
     * @param sourceWords 1 to {@value #BATCH} blocks of n source bits
     * @return per block, its M ladder bits
     */
    public static long[][] encodeBatch(final LadderCode code, final long[][] sourceWords) {
        final int blocks = sourceWords.length;
        if (blocks < 1 || blocks > BATCH) {
            throw new SyndromeCodingException("batch syndrome encoder: need 1.." + BATCH + " blocks, got " + blocks);
        }
        final int n = code.n();
        for (int j = 0; j < blocks; j++) {
            SourceBlock.validate(sourceWords[j], n, "batch syndrome encoder source " + j);
        }
        final boolean split = code.baseChecks() != code.maxSyndromeBits();
        final ParityCheckMatrix h = split ? code.halves() : code.base();
        final long[][] syn = BitSlicedSyndrome.syndromes(h, sourceWords);
        if (split) {
            for (int j = 0; j < blocks; j++) {
                syn[j] = code.ladderFromHalves(syn[j]);
            }
        }
        return syn;
    }

    /**
     * The syndromes H x of up to {@value #BATCH} blocks at once, bit-sliced as in {@link #encodeBatch}: for a
     * matrix used without a ladder (e.g. a ladder's base, whose syndrome is the ladder's first B bits).
     *
     * @param h the matrix
     * @param sourceWords 1 to {@value #BATCH} blocks of n source bits
     * @return per block, its m syndrome bits
     */
    public static long[][] syndromeBatch(final ParityCheckMatrix h, final long[][] sourceWords) {
        final int blocks = sourceWords.length;
        if (blocks < 1 || blocks > BATCH) {
            throw new SyndromeCodingException("batch syndrome encoder: need 1.." + BATCH + " blocks, got " + blocks);
        }
        for (int j = 0; j < blocks; j++) {
            SourceBlock.validate(sourceWords[j], h.n(), "batch syndrome encoder source " + j);
        }
        return BitSlicedSyndrome.syndromes(h, sourceWords);
    }

    /**
     * Encodes a block held off-heap as little-endian longs.
     *
     * @param code the ladder code
     * @param source at least ceil(n / 64) * 8 bytes
     * @return M syndrome bits
     */
    public static long[] encode(final LadderCode code, final MemorySegment source) {
        return encode(code, SourceBlock.fromSegment(source, code.n()));
    }
}
