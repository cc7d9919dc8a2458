package org.rdcodec.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GradientLayoutTest {

    @Test
    void offsetsAndTotal() {
        final GradientLayout g = GradientLayout.of(List.of("w1", "b1", "w2"), new int[] {6, 2, 4});
        assertEquals(3, g.layerCount());
        assertEquals(12, g.totalSize());
        assertEquals(0, g.offset(0));
        assertEquals(6, g.offset(1));
        assertEquals(8, g.offset(2));
        assertEquals(12, g.offset(3));
        assertEquals(2, g.indexOf("w2"));
        assertFalse(g.isUniform());
        assertTrue(GradientLayout.uniform(12, 3).isUniform());
    }

    @Test
    void invalidLayoutsSayWhatIsWrong() {
        final LayoutException zero = assertThrows(LayoutException.class, () -> GradientLayout.ofSizes(3, 0));
        assertTrue(zero.getMessage().contains("layer 1"), zero.getMessage());
        assertThrows(LayoutException.class, GradientLayout::ofSizes);
        assertThrows(LayoutException.class, () -> GradientLayout.of(List.of("a", "a"), new int[] {1, 1}));
        assertThrows(LayoutException.class, () -> GradientLayout.ofSizes(Integer.MAX_VALUE, 1));
        assertThrows(LayoutException.class, () -> GradientLayout.uniform(10, 3));
        assertThrows(LayoutException.class, () -> GradientLayout.ofSizes(4).requireTotal(5, "gradient"));
        assertThrows(LayoutException.class, () -> GradientLayout.ofSizes(4).indexOf("nope"));
    }
}
