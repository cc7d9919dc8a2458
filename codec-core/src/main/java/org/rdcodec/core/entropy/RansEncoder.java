package org.rdcodec.core.entropy;

import static org.rdcodec.core.entropy.RansFormat.MAX_ALPHABET;
import static org.rdcodec.core.entropy.RansFormat.MAX_PRECISION_BITS;
import static org.rdcodec.core.entropy.RansFormat.MAX_RAW_WIDTH;
import static org.rdcodec.core.entropy.RansFormat.MIN_PRECISION_BITS;
import static org.rdcodec.core.entropy.RansFormat.STATES;
import static org.rdcodec.core.entropy.RansFormat.STATE_LOWER;
import static org.rdcodec.core.entropy.RansFormat.WORD_BITS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes a stream of int quantization indices with interleaved rANS into the layout of {@link RansFormat}:
 * frequency table built from this stream's histogram and written in front of the payload, values outside the
 * chosen alphabet window escaped to a raw side stream, so every int round-trips.
 *
 * <p>The alphabet is a window {@code [lo, lo + m)} of at most {@code maxAlphabet} consecutive values: the whole
 * value range when it fits, otherwise the window holding the most values near the median. The precision is
 * {@code min(maxPrecisionBits, max(11, ceil(log2 n)))}: a short stream gets a short table.
 *
 * <p>An instance keeps its scratch arrays between calls, so the steady state does not allocate. Not
 * thread-safe: use one per thread.
 */
public final class RansEncoder {

    /**
     * Default in-range alphabet cap, the format's largest (1024 values): a Gaussian index stream of up to ~9.5 bits
     * per symbol fits without escapes, and a narrow stream only pays for the values present (zero runs in the
     * table are collapsed), so a smaller cap would only move values into the costlier escape side stream.
     */
    public static final int DEFAULT_MAX_ALPHABET = MAX_ALPHABET;

    /**
     * Default largest precision, 12 bits: the 32 KiB decode table stays in L1 and decodes about 1.5x as fast as
     * at 15 bits, for a measured coding loss of at most 0.25% of the entropy at 64 Ki symbols (0.03-0.1% at
     * 15 bits); see {@link RansFormat} and src/site/entropy.md.
     */
    public static final int DEFAULT_MAX_PRECISION_BITS = 12;

    /** Symbols sampled to locate the median when the value range is wider than the alphabet. */
    private static final int MEDIAN_SAMPLE = 1024;

    /** The histogram searched for the best window spans this many alphabets around the median. */
    private static final int SEARCH_SPAN = 8;

    /**
     * Independent partial histograms when counting a stream: equal neighbouring symbols (frequent in a peaked
     * stream) then increment different counters instead of waiting on each other's store.
     */
    private static final int HISTOGRAM_WAYS = 4;

    private static final VarHandle SHORT_LE =
        MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxAlphabet;
    private final int maxPrecisionBits;
    private final FrequencyNormalizer normalizer = new FrequencyNormalizer();
    private final ByteSink head = new ByteSink();
    private final long[] counts;
    private final int[] partialCounts;
    private final long[] searchCounts;
    private final int[] freqs;
    private final int[] cums;
    private final long[] reciprocals;
    private final long[] packed;
    private final int[] sample = new int[MEDIAN_SAMPLE];
    private final long[] states = new long[STATES];
    private byte[] words = new byte[0];
    private int pos;

    // Per-call results of the alphabet choice.
    private int lo;
    private int lastTableBytes;
    private int lastEscapeBytes;
    private int lastPayloadBytes;
    private int alphabet;
    private int escapes;

    /** An encoder with the default alphabet cap and precision. */
    public RansEncoder() {
        this(DEFAULT_MAX_ALPHABET, DEFAULT_MAX_PRECISION_BITS);
    }

    /**
     * @param maxAlphabet largest in-range alphabet, 0..{@link RansFormat#MAX_ALPHABET} (0 escapes everything)
     * @param maxPrecisionBits largest precision, {@link RansFormat#MIN_PRECISION_BITS}..{@link RansFormat#MAX_PRECISION_BITS}
     */
    public RansEncoder(final int maxAlphabet, final int maxPrecisionBits) {
        if (maxAlphabet < 0 || maxAlphabet > MAX_ALPHABET) {
            throw new IllegalArgumentException("maxAlphabet " + maxAlphabet + " not in [0, " + MAX_ALPHABET + "]");
        }
        if (maxPrecisionBits < MIN_PRECISION_BITS || maxPrecisionBits > MAX_PRECISION_BITS) {
            throw new IllegalArgumentException("maxPrecisionBits " + maxPrecisionBits + " not in ["
                + MIN_PRECISION_BITS + ", " + MAX_PRECISION_BITS + "]");
        }
        this.maxAlphabet = maxAlphabet;
        this.maxPrecisionBits = maxPrecisionBits;
        this.counts = new long[maxAlphabet + 1];
        this.partialCounts = new int[HISTOGRAM_WAYS * Math.max(1, maxAlphabet)];
        this.searchCounts = new long[SEARCH_SPAN * Math.max(1, maxAlphabet)];
        this.freqs = new int[maxAlphabet + 1];
        this.cums = new int[maxAlphabet + 1];
        this.reciprocals = new long[maxAlphabet + 1];
        this.packed = new long[maxAlphabet + 1];
    }

    /**
     * Upper bound on the coded size of {@code count} symbols, for sizing destination buffers.
     *
     * @param count number of symbols
     * @return bytes that always suffice
     */
    public static long maxEncodedLength(final int count) {
        // version, precision, four varints (n, lo, m, e), table coding, raw width, word-count varint
        final long header = 2 + 4 * 5 + 1 + 1 + 5;
        final long table = 3L * (MAX_ALPHABET + 1);
        final long raw = ((long) count * MAX_RAW_WIDTH + 7) / 8;
        return header + table + raw + 4L * STATES + 2L * count;
    }

    /**
     * Encodes {@code symbols[off, off + len)} into {@code dst} at {@code dstOffset}.
     *
     * @param symbols quantization indices, any int values
     * @param off first symbol
     * @param len number of symbols, &gt;= 0
     * @param dst destination; only {@code [dstOffset, capacity)} is written
     * @param dstOffset where the stream starts
     * @return bytes written
     * @throws EntropyCapacityException if the stream does not fit; nothing is written then
     */
    public int encode(final int[] symbols, final int off, final int len, final MutableDirectBuffer dst,
        final int dstOffset) {
        return encode(symbols, off, len, dst, dstOffset, dst.capacity() - dstOffset);
    }

    /**
     * Encodes {@code symbols[off, off + len)} into at most {@code maxBytes} bytes of {@code dst} at
     * {@code dstOffset}.
     *
     * @param symbols quantization indices, any int values
     * @param off first symbol
     * @param len number of symbols, &gt;= 0
     * @param dst destination
     * @param dstOffset where the stream starts
     * @param maxBytes bytes available from {@code dstOffset}
     * @return bytes written
     * @throws EntropyCapacityException if the stream does not fit; nothing is written then
     */
    public int encode(final int[] symbols, final int off, final int len, final MutableDirectBuffer dst,
        final int dstOffset, final int maxBytes) {
        if (off < 0 || len < 0 || off > symbols.length - len) {
            throw new IllegalArgumentException("symbol range [" + off + ", " + off + " + " + len
                + ") outside an array of " + symbols.length);
        }
        if (len > RansFormat.MAX_SYMBOLS) {
            throw new EntropyCapacityException("a stream holds at most " + RansFormat.MAX_SYMBOLS + " symbols, not "
                + len + ": split the layer");
        }
        if (dstOffset < 0 || maxBytes < 0 || dstOffset > dst.capacity() - maxBytes) {
            throw new IllegalArgumentException("destination range [" + dstOffset + ", " + dstOffset + " + "
                + maxBytes + ") outside a buffer of " + dst.capacity());
        }
        head.reset();
        head.u8(RansFormat.VERSION);
        final int precisionBits = precisionFor(len);
        head.u8(precisionBits);
        head.varint(len);
        lastEscapeBytes = 0;
        lastPayloadBytes = 0;
        if (len == 0) {
            lastTableBytes = head.length();
            return copyOut(dst, dstOffset, maxBytes, 0, 0);
        }
        chooseAlphabet(symbols, off, len);
        final int k = alphabet + (escapes > 0 ? 1 : 0);
        if (escapes > 0) {
            counts[alphabet] = escapes;
        }
        normalizer.normalize(counts, k, precisionBits, freqs);
        head.zvarint(lo);
        head.varint(alphabet);
        head.varint(escapes);
        int present = 0;
        int cum = 0;
        for (int s = 0; s < k; s++) {
            cums[s] = cum;
            cum += freqs[s];
            present += freqs[s] > 0 ? 1 : 0;
        }
        writeTable(k);
        final int tableEnd = head.length();
        if (escapes > 0) {
            writeEscapes(symbols, off, len);
        }
        lastEscapeBytes = head.length() - tableEnd;
        if (present == 1) {
            head.varint(0);
            lastTableBytes = tableEnd + 1;
            return copyOut(dst, dstOffset, maxBytes, 0, 0);
        }
        final int wordBytes = encodePayload(symbols, off, len, precisionBits, k);
        final int beforeCount = head.length();
        head.varint(wordBytes / 2);
        lastTableBytes = tableEnd + head.length() - beforeCount;
        lastPayloadBytes = 4 * STATES + wordBytes;
        head.ensure(4L * STATES);
        for (int j = 0; j < STATES; j++) {
            final long x = states[j];
            for (int b = 0; b < 4; b++) {
                head.u8((int) (x >>> (8 * b)));
            }
        }
        return copyOut(dst, dstOffset, maxBytes, words.length - wordBytes, wordBytes);
    }

    /**
     * @return bytes of the last stream spent on the model: header fields, frequency table and the word count
     *     (everything that is neither escape side stream nor rANS payload)
     */
    public int lastTableBytes() {
        return lastTableBytes;
    }

    /** @return bytes of the last stream's escape side stream (raw width byte and packed values) */
    public int lastEscapeBytes() {
        return lastEscapeBytes;
    }

    /** @return bytes of the last stream's rANS payload (flushed states and renormalisation words) */
    public int lastPayloadBytes() {
        return lastPayloadBytes;
    }

    private int precisionFor(final int count) {
        final int ceilLog2 = count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
        return Math.min(maxPrecisionBits, Math.max(MIN_PRECISION_BITS, ceilLog2));
    }

    private int copyOut(final MutableDirectBuffer dst, final int dstOffset, final int maxBytes,
        final int wordsFrom, final int wordBytes) {
        final long total = (long) head.length() + wordBytes;
        if (total > maxBytes) {
            throw new EntropyCapacityException("entropy stream needs " + total + " bytes but only " + maxBytes
                + " are available at offset " + dstOffset);
        }
        dst.putBytes(dstOffset, head.array(), 0, head.length());
        if (wordBytes > 0) {
            dst.putBytes(dstOffset + head.length(), words, wordsFrom, wordBytes);
        }
        return (int) total;
    }

    /** Picks [lo, lo + alphabet), fills counts[0..alphabet) and the escape count. */
    private void chooseAlphabet(final int[] symbols, final int off, final int len) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = off; i < off + len; i++) {
            final int v = symbols[i];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (maxAlphabet == 0) {
            lo = 0;
            alphabet = 0;
            escapes = len;
            return;
        }
        if ((long) max - min < maxAlphabet) {
            lo = min;
            alphabet = max - min + 1;
            countInRange(symbols, off, len, min, alphabet);
            escapes = 0;
            return;
        }
        // Wide range: histogram a span of SEARCH_SPAN alphabets around the median and keep the densest window.
        final int samples = Math.min(MEDIAN_SAMPLE, len);
        for (int j = 0; j < samples; j++) {
            sample[j] = symbols[off + (int) ((long) j * len / samples)];
        }
        Arrays.sort(sample, 0, samples);
        final long median = sample[samples / 2];
        final int span = searchCounts.length;
        final long spanLo = Math.max(Integer.MIN_VALUE, Math.min(median - span / 2, (long) Integer.MAX_VALUE - span + 1));
        Arrays.fill(searchCounts, 0L);
        for (int i = off; i < off + len; i++) {
            final long b = symbols[i] - spanLo;
            if (b >= 0 && b < span) {
                searchCounts[(int) b]++;
            }
        }
        long window = 0;
        for (int b = 0; b < maxAlphabet; b++) {
            window += searchCounts[b];
        }
        long best = window;
        int bestStart = 0;
        for (int b = maxAlphabet; b < span; b++) {
            window += searchCounts[b] - searchCounts[b - maxAlphabet];
            if (window > best) {
                best = window;
                bestStart = b - maxAlphabet + 1;
            }
        }
        int first = bestStart;
        int last = bestStart + maxAlphabet - 1;
        while (first <= last && searchCounts[first] == 0) {
            first++;
        }
        while (last >= first && searchCounts[last] == 0) {
            last--;
        }
        if (first > last) {
            lo = (int) (spanLo + bestStart);
            alphabet = 0;
            escapes = len;
            return;
        }
        lo = (int) (spanLo + first);
        alphabet = last - first + 1;
        System.arraycopy(searchCounts, first, counts, 0, alphabet);
        escapes = (int) (len - best);
    }

    /** counts[s] = occurrences of min + s, for a stream whose values all lie in [min, min + a). */
    private void countInRange(final int[] symbols, final int off, final int len, final int min, final int a) {
        final int[] h = partialCounts;
        Arrays.fill(h, 0, HISTOGRAM_WAYS * a, 0);
        final int end = off + len;
        final int bound = off + (len & -HISTOGRAM_WAYS);
        final int b1 = a - min;
        final int b2 = 2 * a - min;
        final int b3 = 3 * a - min;
        int i = off;
        for (; i < bound; i += HISTOGRAM_WAYS) {
            h[symbols[i] - min]++;
            h[symbols[i + 1] + b1]++;
            h[symbols[i + 2] + b2]++;
            h[symbols[i + 3] + b3]++;
        }
        for (; i < end; i++) {
            h[symbols[i] - min]++;
        }
        for (int s = 0; s < a; s++) {
            counts[s] = (long) h[s] + h[a + s] + h[2 * a + s] + h[3 * a + s];
        }
    }

    /**
     * Frequencies of symbols 0..k-2 (the last is implied), in whichever of the two table codings is shorter:
     * varints with zero runs collapsed (sparse or peaked tables), or Exp-Golomb codes of the differences between
     * neighbouring frequencies with the best order (smooth tables over wide alphabets, ~3 bits per symbol).
     */
    private void writeTable(final int k) {
        if (k < 2) {
            return;
        }
        final int start = head.length();
        head.u8(RansFormat.TABLE_VARINT);
        int s = 0;
        while (s < k - 1) {
            if (freqs[s] != 0) {
                head.varint(freqs[s]);
                s++;
                continue;
            }
            int run = 0;
            while (s < k - 1 && freqs[s] == 0) {
                run++;
                s++;
            }
            head.varint(0);
            head.varint(run - 1);
        }
        final long varintBits = 8L * (head.length() - start - 1);
        int bestOrder = 0;
        long bestBits = Long.MAX_VALUE;
        for (int order = 0; order <= RansFormat.MAX_GOLOMB_ORDER; order++) {
            long bits = 0;
            int prev = 0;
            for (int i = 0; i < k - 1; i++) {
                bits += golombBits(zigzag32(freqs[i] - prev), order);
                prev = freqs[i];
            }
            if (bits < bestBits) {
                bestBits = bits;
                bestOrder = order;
            }
        }
        if ((bestBits + 7) / 8 * 8 >= varintBits) {
            return;
        }
        head.truncate(start);
        head.u8(bestOrder);
        head.ensure((bestBits + 7) / 8);
        int prev = 0;
        for (int i = 0; i < k - 1; i++) {
            final long v = zigzag32(freqs[i] - prev);
            prev = freqs[i];
            // Exp-Golomb of order g: w = (v >> g) + 1 has n + 1 significant bits; write n zeros, a one, the low n
            // bits of w, then the low g bits of v, all LSB first.
            final long w = (v >>> bestOrder) + 1;
            final int n = 63 - Long.numberOfLeadingZeros(w);
            head.bits(1L << n, n + 1);
            head.bits(w, n);
            head.bits(v, bestOrder);
        }
        head.flushBits();
    }

    private static long zigzag32(final int d) {
        return ((d << 1) ^ (d >> 31)) & 0xFFFF_FFFFL;
    }

    private static int golombBits(final long v, final int order) {
        final long w = (v >>> order) + 1;
        return 2 * (63 - Long.numberOfLeadingZeros(w)) + 1 + order;
    }

    private void writeEscapes(final int[] symbols, final int off, final int len) {
        final long base = lo;
        final long end = base + alphabet;
        long widest = 0;
        for (int i = off; i < off + len; i++) {
            final long v = symbols[i];
            if (v < base || v >= end) {
                widest |= zigzag(v - base);
            }
        }
        final int width = Math.max(1, 64 - Long.numberOfLeadingZeros(widest));
        head.u8(width);
        head.ensure(((long) escapes * width + 7) / 8);
        for (int i = off; i < off + len; i++) {
            final long v = symbols[i];
            if (v < base || v >= end) {
                head.bits(zigzag(v - base), width);
            }
        }
        head.flushBits();
    }

    private static long zigzag(final long d) {
        return (d << 1) ^ (d >> 63);
    }

    /**
     * rANS over the symbols in reverse, words written backwards so the decoder reads forwards.
     *
     * @return bytes of words, which end at {@code words.length}
     */
    private int encodePayload(final int[] symbols, final int off, final int len, final int precisionBits,
        final int k) {
        for (int s = 0; s < k; s++) {
            final long f = freqs[s];
            // Exact division of any 32-bit x by f as the high half of x * ceil(2^64 / f) (Lemire et al.,
            // 2019: 64 fractional bits suffice for 32-bit numerators); f == 1 is handled apart.
            reciprocals[s] = f <= 1 ? 0 : Long.divideUnsigned(-1L, f) + 1;
            // One load per symbol for the rest: frequency in the high half, cumulative frequency in the low.
            packed[s] = f << 32 | cums[s];
        }
        if (words.length < 2L * len) {
            words = new byte[2 * len];
        }
        pos = words.length;
        // The last len mod 4 symbols (encoded first) one by one, then groups of 4 with the states in locals.
        final int groupsEnd = off + (len & -STATES);
        long x0 = STATE_LOWER;
        long x1 = STATE_LOWER;
        long x2 = STATE_LOWER;
        long x3 = STATE_LOWER;
        for (int i = off + len - 1; i >= groupsEnd; i--) {
            switch ((i - off) & (STATES - 1)) {
                case 0 -> x0 = put(x0, symbols[i], precisionBits);
                case 1 -> x1 = put(x1, symbols[i], precisionBits);
                default -> x2 = put(x2, symbols[i], precisionBits);
            }
        }
        // Groups of 4 with states and write position in locals (the same step as put, written out). The
        // renormalisation is branch-free: its outcome is data-dependent (about one symbol in five at 3 bits per
        // symbol), so a branch would mispredict often. The word is always stored at p - 2 and p moves only when
        // it is kept (r = 1: x >= f 2^(32 - P)); a discarded word is overwritten by the next one. p - 2 stays in
        // the array: at most one word per symbol already coded, and the array holds two bytes per symbol.
        final int base = lo;
        final int m = alphabet;
        final long[] pk = packed;
        final long[] rcp = reciprocals;
        final byte[] out = words;
        final int shift = 32 - precisionBits;
        int p = pos;
        for (int i = groupsEnd - STATES; i >= off; i -= STATES) {
            final int d3 = symbols[i + 3] - base;
            final int s3 = Integer.compareUnsigned(d3, m) < 0 ? d3 : m;
            final long fc3 = pk[s3];
            final long f3 = fc3 >>> 32;
            final long r3 = ((f3 << shift) - 1 - x3) >>> 63;
            SHORT_LE.set(out, p - 2, (short) x3);
            p -= (int) r3 << 1;
            x3 >>>= r3 << 4;
            final long q3 = f3 == 1 ? x3 : Math.unsignedMultiplyHigh(rcp[s3], x3);
            x3 = (q3 << precisionBits) + (x3 - q3 * f3) + (fc3 & 0xFFFF_FFFFL);
            final int d2 = symbols[i + 2] - base;
            final int s2 = Integer.compareUnsigned(d2, m) < 0 ? d2 : m;
            final long fc2 = pk[s2];
            final long f2 = fc2 >>> 32;
            final long r2 = ((f2 << shift) - 1 - x2) >>> 63;
            SHORT_LE.set(out, p - 2, (short) x2);
            p -= (int) r2 << 1;
            x2 >>>= r2 << 4;
            final long q2 = f2 == 1 ? x2 : Math.unsignedMultiplyHigh(rcp[s2], x2);
            x2 = (q2 << precisionBits) + (x2 - q2 * f2) + (fc2 & 0xFFFF_FFFFL);
            final int d1 = symbols[i + 1] - base;
            final int s1 = Integer.compareUnsigned(d1, m) < 0 ? d1 : m;
            final long fc1 = pk[s1];
            final long f1 = fc1 >>> 32;
            final long r1 = ((f1 << shift) - 1 - x1) >>> 63;
            SHORT_LE.set(out, p - 2, (short) x1);
            p -= (int) r1 << 1;
            x1 >>>= r1 << 4;
            final long q1 = f1 == 1 ? x1 : Math.unsignedMultiplyHigh(rcp[s1], x1);
            x1 = (q1 << precisionBits) + (x1 - q1 * f1) + (fc1 & 0xFFFF_FFFFL);
            final int d0 = symbols[i + 0] - base;
            final int s0 = Integer.compareUnsigned(d0, m) < 0 ? d0 : m;
            final long fc0 = pk[s0];
            final long f0 = fc0 >>> 32;
            final long r0 = ((f0 << shift) - 1 - x0) >>> 63;
            SHORT_LE.set(out, p - 2, (short) x0);
            p -= (int) r0 << 1;
            x0 >>>= r0 << 4;
            final long q0 = f0 == 1 ? x0 : Math.unsignedMultiplyHigh(rcp[s0], x0);
            x0 = (q0 << precisionBits) + (x0 - q0 * f0) + (fc0 & 0xFFFF_FFFFL);
        }
        pos = p;
        states[0] = x0;
        states[1] = x1;
        states[2] = x2;
        states[3] = x3;
        return words.length - pos;
    }

    /** Encodes one value into state x (renormalising first); returns the new state. */
    private long put(final long state, final int value, final int precisionBits) {
        final int d = value - lo;
        final int s = Integer.compareUnsigned(d, alphabet) < 0 ? d : alphabet;
        final long fc = packed[s];
        final long f = fc >>> 32;
        long x = state;
        // x must be below f * 2^(32 - P) before encoding so that the result stays below 2^32.
        if (x >= f << (32 - precisionBits)) {
            pos -= 2;
            SHORT_LE.set(words, pos, (short) x);
            x >>>= WORD_BITS;
        }
        final long q = f == 1 ? x : Math.unsignedMultiplyHigh(reciprocals[s], x);
        return (q << precisionBits) + (x - q * f) + (fc & 0xFFFF_FFFFL);
    }
}
