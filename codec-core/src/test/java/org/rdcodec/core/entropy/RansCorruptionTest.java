package org.rdcodec.core.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Truncated, extended, bit-flipped and random streams. Structural damage (lengths, counts, table sums, version,
 * precision, trailing or missing bytes) must always raise {@link EntropyFormatException}. A flip inside the
 * payload or in a value-carrying field (the alphabet base, an escaped raw value) can produce another valid
 * stream; the frame's CRC-32C is what guards those, so here such flips may only decode quietly, never throw
 * anything but the typed exception, and never hang.
 */
class RansCorruptionTest {

    private final RansEncoder encoder = new RansEncoder();
    private final RansDecoder decoder = new RansDecoder();

    private static final class Encoded {
        final int[] symbols;
        final byte[] bytes;
        final int tableBytes;

        Encoded(final int[] symbols, final byte[] bytes, final int tableBytes) {
            this.symbols = symbols;
            this.bytes = bytes;
            this.tableBytes = tableBytes;
        }
    }

    private Encoded encode(final int[] symbols) {
        final UnsafeBuffer buf = new UnsafeBuffer(new byte[(int) RansEncoder.maxEncodedLength(symbols.length)]);
        final int size = encoder.encode(symbols, 0, symbols.length, buf, 0);
        final byte[] bytes = new byte[size];
        buf.getBytes(0, bytes);
        return new Encoded(symbols, bytes, encoder.lastTableBytes());
    }

    /** @return true if decoded exactly, false if it threw the typed exception; fails on anything else */
    private boolean tryDecode(final byte[] stream, final int length, final int[] symbols, final String what) {
        final int[] out = new int[symbols.length];
        try {
            decoder.decode(new UnsafeBuffer(stream), 0, length, out, 0, symbols.length);
        } catch (final EntropyFormatException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            return false;
        } catch (final RuntimeException other) {
            fail(what + ": untyped " + other, other);
        }
        return true;
    }

    private static int[] streamWithEscapes() {
        return IndexStreams.gaussianWithOutliers(4_001, 3.0, 0.01, 40);
    }

    @Test
    void everyTruncationAndExtensionIsDetected() {
        for (final int[] symbols : new int[][] {streamWithEscapes(), IndexStreams.gaussian(3_000, 0.3, 41),
            new int[] {5}, new int[0], IndexStreams.anyInts(100, 42)}) {
            final Encoded e = encode(symbols);
            for (int cut = 0; cut < e.bytes.length; cut++) {
                final int at = cut;
                assertThrows(EntropyFormatException.class, () -> decoder.decode(new UnsafeBuffer(e.bytes), 0, at,
                    new int[symbols.length], 0, symbols.length), "cut at " + cut);
            }
            final byte[] longer = java.util.Arrays.copyOf(e.bytes, e.bytes.length + 1);
            final EntropyFormatException trailing = assertThrows(EntropyFormatException.class,
                () -> decoder.decode(new UnsafeBuffer(longer), 0, longer.length, new int[symbols.length], 0,
                    symbols.length));
            assertTrue(trailing.getMessage().contains("trailing"), trailing.getMessage());
            assertTrue(tryDecode(e.bytes, e.bytes.length, symbols, "intact"));
        }
    }

    @Test
    void wrongCountVersionAndPrecisionAreDetected() {
        final int[] symbols = IndexStreams.gaussian(1000, 2.0, 43);
        final Encoded e = encode(symbols);
        final UnsafeBuffer buf = new UnsafeBuffer(e.bytes);
        final EntropyFormatException count = assertThrows(EntropyFormatException.class,
            () -> decoder.decode(buf, 0, e.bytes.length, new int[1001], 0, 1001));
        assertTrue(count.getMessage().contains("1000 symbols"), count.getMessage());
        for (final int[] patch : new int[][] {{0, 2}, {0, 0}, {1, 10}, {1, 16}, {1, 0xFF}}) {
            final byte[] bad = e.bytes.clone();
            bad[patch[0]] = (byte) patch[1];
            final EntropyFormatException ex = assertThrows(EntropyFormatException.class,
                () -> decoder.decode(new UnsafeBuffer(bad), 0, bad.length, new int[1000], 0, 1000));
            assertTrue(ex.getMessage().contains("offset " + patch[0]), ex.getMessage());
        }
    }

    @Test
    void everyHeaderAndTableFlipIsDetectedExceptInValueFields() {
        // A peaked stream (varint table), escapes, and a wide alphabet (Exp-Golomb difference tables).
        assertEquals(RansFormat.TABLE_VARINT, checkHeaderFlips(IndexStreams.gaussian(4_000, 0.3, 51)));
        assertTrue(checkHeaderFlips(streamWithEscapes()) <= RansFormat.MAX_GOLOMB_ORDER);
        assertTrue(checkHeaderFlips(IndexStreams.gaussian(4_000, 40.0, 49)) <= RansFormat.MAX_GOLOMB_ORDER);
    }

    /** @return the stream's table coding byte */
    private int checkHeaderFlips(final int[] symbols) {
        final Encoded e = encode(symbols);
        final int escapeBytes = encoder.lastEscapeBytes();
        final int wordCount = (encoder.lastPayloadBytes() - 4 * RansFormat.STATES) / 2;
        final int wordCountBytes = varintSize(wordCount);
        final int tableEnd = e.tableBytes - wordCountBytes;
        // Value-carrying fields, where a flip gives another valid stream: the alphabet base lo (a zig-zag varint
        // after version, precision and count) shifts every value; the escape side stream (width byte excluded)
        // changes escaped values. Everything else is structure.
        final int loAt = 2 + varintSize(symbols.length);
        int loBytes = 1;
        while ((e.bytes[loAt + loBytes - 1] & 0x80) != 0) {
            loBytes++;
        }
        int detected = 0;
        int quiet = 0;
        for (int pos = 0; pos < tableEnd + escapeBytes + wordCountBytes; pos++) {
            for (int bit = 0; bit < 8; bit++) {
                final byte[] bad = e.bytes.clone();
                bad[pos] ^= (byte) (1 << bit);
                if (tryDecode(bad, bad.length, symbols, "flip " + pos + "." + bit)) {
                    final boolean valueField = pos >= loAt && pos < loAt + loBytes
                        || pos > tableEnd && pos < tableEnd + escapeBytes;
                    assertTrue(valueField, "structural flip at byte " + pos + " bit " + bit + " went undetected");
                    quiet++;
                } else {
                    detected++;
                }
            }
        }
        int codingAt = loAt + loBytes;
        for (int field = 0; field < 2; field++) {
            while ((e.bytes[codingAt] & 0x80) != 0) {
                codingAt++;
            }
            codingAt++;
        }
        final int coding = e.bytes[codingAt] & 0xFF;
        System.out.printf("header/table/escape flips (%d table bytes, coding %d): %d detected, %d decoded quietly"
            + " in value fields (CRC-32C's job)%n", e.tableBytes, coding, detected, quiet);
        return coding;
    }

    private static int varintSize(final long v) {
        int size = 1;
        for (long x = v; x >= 0x80; x >>>= 7) {
            size++;
        }
        return size;
    }

    @Test
    void flipsInThePayloadAreMostlyDetectedByTheFinalStates() {
        final int[] symbols = IndexStreams.gaussian(20_000, 2.0, 44);
        final Encoded e = encode(symbols);
        final SplittableRandom r = new SplittableRandom(45);
        int detected = 0;
        int quiet = 0;
        final int trials = 2000;
        for (int t = 0; t < trials; t++) {
            final byte[] bad = e.bytes.clone();
            final int pos = e.tableBytes + r.nextInt(e.bytes.length - e.tableBytes);
            bad[pos] ^= (byte) (1 << r.nextInt(8));
            if (tryDecode(bad, bad.length, symbols, "payload flip at " + pos)) {
                quiet++;
            } else {
                detected++;
            }
        }
        System.out.printf("payload flips: %d of %d detected, %d decoded to other symbols (CRC-32C's job)%n",
            detected, trials, quiet);
        // A flipped word sends all four states off their path; they end back at exactly 2^16 with probability
        // about 2^-16 each, so nearly every payload flip is caught.
        assertTrue(detected >= trials * 99 / 100, detected + " of " + trials);
    }

    @Test
    void randomGarbageNeverEscapesTheTypedException() {
        final SplittableRandom r = new SplittableRandom(46);
        // A varint-table stream and an Exp-Golomb-table stream (wide alphabet) to mutate.
        final Encoded[] valid = {encode(IndexStreams.gaussian(500, 0.3, 47)), encode(IndexStreams.gaussian(500, 40, 50))};
        for (int t = 0; t < 3000; t++) {
            final byte[] junk;
            if (t % 2 == 0) {
                junk = new byte[r.nextInt(64)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (byte) r.nextInt();
                }
                if (junk.length > 1) {
                    junk[0] = 1;
                    junk[1] = (byte) (11 + r.nextInt(5));
                }
            } else {
                junk = valid[(t >> 1) & 1].bytes.clone();
                for (int f = 0; f < 1 + r.nextInt(6); f++) {
                    junk[r.nextInt(junk.length)] = (byte) r.nextInt();
                }
            }
            final int count = t % 2 == 0 ? r.nextInt(20) : 500;
            final int[] out = new int[count];
            try {
                decoder.decode(new UnsafeBuffer(junk), 0, junk.length, out, 0, count);
            } catch (final EntropyFormatException expected) {
                // typed: fine
            }
        }
    }

    @Test
    void hugeCountsAndWordCountsAreRejectedWithoutAllocating() {
        // version 1, P = 12, n = 2^31 - 1 (over MAX_SYMBOLS)
        final byte[] hugeCount = {1, 12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        final EntropyFormatException e = assertThrows(EntropyFormatException.class,
            () -> decoder.decode(new UnsafeBuffer(hugeCount), 0, hugeCount.length, new int[4], 0, 4));
        assertTrue(e.getMessage().contains("symbol count"), e.getMessage());
        // n = 4, lo = 0, m = 2, e = 0, varint table {f0 = 2048}, K = 2^30 words (claims 2 GiB): truncated.
        final byte[] hugeWords = {1, 12, 4, 0, 2, 0, (byte) 0xFF, (byte) 0x80, 0x10,
            (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04};
        final EntropyFormatException w = assertThrows(EntropyFormatException.class,
            () -> decoder.decode(new UnsafeBuffer(hugeWords), 0, hugeWords.length, new int[4], 0, 4));
        assertTrue(w.getMessage().contains("exceeds") || w.getMessage().contains("truncated"), w.getMessage());
    }

    @Test
    void decoderRecoversAfterAFailure() {
        final int[] symbols = IndexStreams.gaussian(2000, 1.0, 48);
        final Encoded e = encode(symbols);
        assertThrows(EntropyFormatException.class,
            () -> decoder.decode(new UnsafeBuffer(e.bytes), 0, e.bytes.length - 3, new int[2000], 0, 2000));
        final int[] out = new int[2000];
        assertEquals(2000, decoder.decode(new UnsafeBuffer(e.bytes), 0, e.bytes.length, out, 0, 2000));
        assertArrayEquals(symbols, out);
    }
}
