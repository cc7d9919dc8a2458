package org.rdcodec.core.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;

class FrameTest {

    private static final GradientLayout LAYOUT = GradientLayout.of(List.of("w", "b"), new int[] {10, 3});
    private static final CodecSpec SPEC = CodecSpec.parse("dithered:step=0.25");

    /** Writes a two-layer frame with payloads of 7 and 0 bytes at offset 5 of the buffer; returns its length. */
    private static int write(final UnsafeBuffer buf) {
        final FrameWriter w = new FrameWriter().wrap(buf, 5, buf.capacity() - 5);
        w.begin(SPEC, 42, 3, LAYOUT);
        final int s0 = w.beginSection(0);
        for (int i = 0; i < 7; i++) {
            buf.putByte(s0 + i, (byte) (i + 1));
        }
        w.endSection(7);
        w.beginSection(1);
        w.endSection(0);
        return w.finish();
    }

    @Test
    void roundTripOnHeapAndOffHeapBuffers() {
        final UnsafeBuffer heap = new UnsafeBuffer(new byte[512]);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
        final int n = write(heap);
        assertEquals(n, write(direct));
        for (final UnsafeBuffer buf : List.of(heap, direct)) {
            final FrameReader r = new FrameReader().wrap(buf, 5, n).requireLayout(LAYOUT);
            assertEquals(SPEC, r.spec());
            assertEquals(42, r.round());
            assertEquals(3, r.worker());
            assertEquals(2, r.layerCount());
            assertEquals(13, r.totalSize());
            assertEquals(n, r.frameLength());
            assertEquals(7, r.sectionLength(0));
            assertEquals(0, r.sectionLength(1));
            assertEquals(0, (r.sectionOffset(0) - 5) % FrameLayout.ALIGN);
            for (int i = 0; i < 7; i++) {
                assertEquals(i + 1, buf.getByte(r.sectionOffset(0) + i));
            }
        }
        assertEquals(heap.getInt(5 + n - 4), direct.getInt(5 + n - 4), "same CRC on heap and off heap");
    }

    @Test
    void everyTruncationIsDetected() {
        final UnsafeBuffer buf = new UnsafeBuffer(new byte[512]);
        final int n = write(buf);
        for (int len = 0; len < n; len++) {
            final int cut = len;
            final FrameException e = assertThrows(FrameException.class, () -> new FrameReader().wrap(buf, 5, cut));
            assertEquals(FrameError.TRUNCATED, e.error(), e.getMessage());
        }
    }

    @Test
    void everySingleBitFlipIsDetected() {
        final UnsafeBuffer buf = new UnsafeBuffer(new byte[512]);
        final int n = write(buf);
        // Flips in magic, version or length fields are caught before the CRC; all others by the CRC.
        final Set<FrameError> allowed = EnumSet.of(FrameError.CORRUPTED, FrameError.BAD_MAGIC,
                FrameError.UNSUPPORTED_VERSION, FrameError.MALFORMED, FrameError.TRUNCATED, FrameError.OVERSIZED);
        for (int byteIndex = 0; byteIndex < n; byteIndex++) {
            for (int bit = 0; bit < 8; bit++) {
                final byte original = buf.getByte(5 + byteIndex);
                buf.putByte(5 + byteIndex, (byte) (original ^ (1 << bit)));
                final FrameException e = assertThrows(FrameException.class, () -> new FrameReader().wrap(buf, 5, n),
                        "flip of bit " + bit + " of byte " + byteIndex);
                assertTrue(allowed.contains(e.error()), e.getMessage());
                buf.putByte(5 + byteIndex, original);
            }
        }
        new FrameReader().wrap(buf, 5, n);
    }

    @Test
    void versionMagicLayoutAndSizeLimitsAreChecked() {
        final UnsafeBuffer buf = new UnsafeBuffer(new byte[512]);
        final int n = write(buf);
        buf.putShort(5 + FrameLayout.VERSION_OFFSET, (short) 2, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameError.UNSUPPORTED_VERSION, assertThrows(FrameException.class, () -> new FrameReader().wrap(buf, 5, n)).error());
        write(buf);
        buf.putInt(5, 0x12345678, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameError.BAD_MAGIC, assertThrows(FrameException.class, () -> new FrameReader().wrap(buf, 5, n)).error());
        write(buf);
        assertEquals(FrameError.OVERSIZED, assertThrows(FrameException.class, () -> new FrameReader(n - 1).wrap(buf, 5, n)).error());
        final FrameReader r = new FrameReader().wrap(buf, 5, n);
        final FrameException layout = assertThrows(FrameException.class, () -> r.requireLayout(GradientLayout.ofSizes(10, 4)));
        assertEquals(FrameError.WRONG_LAYOUT, layout.error());
        assertTrue(layout.getMessage().contains("layer 1"), layout.getMessage());
        assertEquals(FrameError.WRONG_LAYOUT, assertThrows(FrameException.class, () -> r.requireLayout(GradientLayout.ofSizes(13))).error());
    }

    @Test
    void writerNeverOverrunsItsRegion() {
        final UnsafeBuffer small = new UnsafeBuffer(new byte[64]);
        final FrameWriter w = new FrameWriter().wrap(small, 0, 64);
        assertEquals(FrameError.OVERSIZED, assertThrows(FrameException.class, () -> w.begin(SPEC, 0, 0, LAYOUT)).error());
        final UnsafeBuffer mid = new UnsafeBuffer(new byte[120]);
        final FrameWriter w2 = new FrameWriter().wrap(mid, 0, 120).begin(SPEC, 0, 0, LAYOUT);
        w2.beginSection(0);
        assertEquals(FrameError.OVERSIZED, assertThrows(FrameException.class, () -> w2.endSection(w2.sectionCapacity() + 1)).error());
        assertThrows(IllegalStateException.class, () -> new FrameWriter().wrap(mid, 0, 120).begin(SPEC, 0, 0, LAYOUT).beginSection(1));
    }
}
