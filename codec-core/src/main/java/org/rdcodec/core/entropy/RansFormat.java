package org.rdcodec.core.entropy;

/**
 * Constants and byte layout of one rANS-coded index stream (one layer). Everything is little-endian;
 * {@code varint} is unsigned LEB128 (7 bits per byte, low group first, at most 5 bytes for an int) and
 * {@code zvarint} is a zig-zag mapped signed int in a varint.
 *
 * <pre>
 * offset   size            field
 * 0        1               version, {@link #VERSION}
 * 1        1               precision P in [{@link #MIN_PRECISION_BITS}, {@link #MAX_PRECISION_BITS}]:
 *                          frequencies sum to 2^P
 * 2        varint          count n of symbols, at most {@link #MAX_SYMBOLS}; if n == 0 the stream ends here
 * .        zvarint         lo: the int value of alphabet symbol 0 (symbol s stands for value lo + s)
 * .        varint          m: in-range alphabet size, 0..{@link #MAX_ALPHABET}; values outside
 *                          [lo, lo + m) are escaped
 * .        varint          e: number of escaped values, 0..n; if e &gt; 0 symbol m is the ESCAPE symbol
 * .        1               (only if k &gt;= 2, k = m + (e &gt; 0 ? 1 : 0)) table coding: {@link #TABLE_VARINT} or an
 *                          Exp-Golomb order g in [0, {@link #MAX_GOLOMB_ORDER}]
 * .        table           frequencies of symbols 0..k-2; the last one is implied (2^P minus the others).
 *                          TABLE_VARINT: each entry is a varint f; f &gt; 0 is the frequency of the next
 *                          symbol, f == 0 is followed by a varint r and stands for r + 1 absent symbols.
 *                          Order g: a bit stream (LSB first, zero-padded to a byte) holding, per symbol,
 *                          zigzag(f_s - f_(s-1)) (f_(-1) = 0) as Exp-Golomb of order g: with
 *                          w = (v &gt;&gt; g) + 1 of n + 1 bits, n zero bits, a one bit, the low n bits of w,
 *                          then the low g bits of v
 * .        1               (only if e &gt; 0) raw width w in [1, {@link #MAX_RAW_WIDTH}]
 * .        ceil(e*w/8)     (only if e &gt; 0) escaped values in symbol order, each zigzag(value - lo) as a
 *                          w-bit field packed LSB first; padding bits are zero
 * .        varint          K: number of 16-bit renormalisation words (0 if only one symbol is present)
 * .        4 * 4           (only if two or more symbols are present) the {@link #STATES} final encoder
 *                          states, u32 each, state 0 first; each in [{@link #STATE_LOWER},
 *                          2^32)
 * .        2 * K           renormalisation words, u16 each, in decoder read order
 * </pre>
 *
 * <p>The stream ends exactly after the last word: a decoder given more bytes rejects the trailing ones. When a
 * single symbol is present its frequency is 2^P, rANS never emits bits for it and the states are not sent:
 * the stream costs its header and table only.
 *
 * <p>Coder: {@link #STATES} interleaved rANS states (symbol i uses state i mod 4), each a 32-bit unsigned value
 * kept in [2^16, 2^32) with 16-bit renormalisation, so encoding or decoding a symbol moves at most one word.
 * Precision trade-off: P bits bound the coding loss of a present symbol's probability rounded to a multiple of
 * 2^-P (a symbol rarer than 2^-P still gets frequency 1 and takes that mass from the others), while the decode
 * table has 2^P entries of 8 bytes (32 KiB at P = 12, 256 KiB at P = 15) built once per stream.
 */
public final class RansFormat {

    /** Stream format version written in byte 0. */
    public static final int VERSION = 1;

    /**
     * Number of interleaved states. Four independent dependency chains keep the decoder's table loads and
     * multiplies overlapped; each state costs 4 bytes of flush and about 2 bytes of coding overhead.
     */
    public static final int STATES = 4;

    /** log2 of the lower bound of a normalised state. */
    public static final int STATE_LOWER_BITS = 16;

    /** Lower bound L of a normalised state: states live in [L, 2^32). */
    public static final long STATE_LOWER = 1L << STATE_LOWER_BITS;

    /** Bits moved by one renormalisation step. */
    public static final int WORD_BITS = 16;

    /**
     * Smallest precision: 2^11 slots hold every symbol of the largest alphabet ({@link #MAX_ALPHABET} + escape)
     * with frequency at least 1.
     */
    public static final int MIN_PRECISION_BITS = 11;

    /**
     * Largest precision: a frequency up to 2^15 and a slot bias below 2^15 each fit the 16-bit fields of a
     * decode-table entry, and with L = 2^16 one 16-bit step always renormalises.
     */
    public static final int MAX_PRECISION_BITS = 15;

    /** Largest in-range alphabet an encoder may use (symbols 0..m-1; the escape symbol is extra). */
    public static final int MAX_ALPHABET = 1024;

    /** Table-coding byte value selecting varint frequencies with collapsed zero runs. */
    public static final int TABLE_VARINT = 0xFF;

    /** Largest Exp-Golomb order of the difference-coded table (frequencies are below 2^16). */
    public static final int MAX_GOLOMB_ORDER = 15;

    /** Most symbols in one stream (2^30): keeps every byte count of the stream inside an int. */
    public static final int MAX_SYMBOLS = 1 << 30;

    /** Widest escaped raw field: zigzag of a difference of two ints needs 33 bits. */
    public static final int MAX_RAW_WIDTH = 33;

    private RansFormat() {
    }
}
