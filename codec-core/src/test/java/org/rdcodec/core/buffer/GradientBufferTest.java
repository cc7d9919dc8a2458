package org.rdcodec.core.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class GradientBufferTest {

    @Test
    void heapRoundTripAndViewsShareMemory() {
        final long before = GradientBuffer.openCount();
        final float[] v = {1.5f, -2f, Float.MIN_VALUE, 3e30f, 0f};
        try (GradientBuffer b = GradientBuffer.of(v)) {
            assertEquals(before + 1, GradientBuffer.openCount());
            assertArrayEquals(v, b.toArray());
            assertEquals(0, b.segment().address() % GradientBuffer.ALIGNMENT);
            b.directBuffer().putFloat(4, 7.25f, ByteOrder.LITTLE_ENDIAN);
            assertEquals(7.25f, b.get(1));
            b.set(2, -1f);
            assertEquals(-1f, b.directBuffer().getFloat(8, ByteOrder.LITTLE_ENDIAN));
            assertEquals(0x3fc00000, b.directBuffer().getInt(0, ByteOrder.LITTLE_ENDIAN), "little-endian bits of 1.5f");
        }
        assertEquals(before, GradientBuffer.openCount());
    }

    @Test
    void useAfterCloseFailsAndCloseIsIdempotent() {
        final GradientBuffer b = GradientBuffer.allocate(3);
        b.close();
        b.close();
        assertTrue(b.isClosed());
        assertThrows(IllegalStateException.class, () -> b.get(0));
        assertThrows(IllegalStateException.class, b::directBuffer);
    }

    @Test
    void emptyBufferAndLengthChecks() {
        try (GradientBuffer b = GradientBuffer.allocate(0); GradientBuffer c = GradientBuffer.allocate(2)) {
            assertEquals(0, b.toArray().length);
            assertThrows(IllegalArgumentException.class, () -> c.copyFrom(new float[3]));
            assertThrows(IllegalArgumentException.class, () -> c.copyFrom(b));
        }
        assertThrows(IllegalArgumentException.class, () -> GradientBuffer.allocate(-1));
    }
}
