package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;

/** The REQUEST flyweight: every plane id a CEO decoder names (E8 pair and coset planes included) is accepted. */
class BackRequestTest {

    private static BackRequest written(final int kind, final int plane) {
        return new BackRequest().wrap(new UnsafeBuffer(new byte[BackRequest.LENGTH]), 0)
                .write(7, kind, 1, plane, 1024, 1024, 64, 64, 128);
    }

    @Test
    void acceptsTheBitPlanesAndTheE8PairAndCosetPlanes() {
        for (final int plane : new int[] {0, 29, 30, BackRequest.MAX_PLANE}) {
            final BackRequest r = written(BackRequest.LADDER, plane).check(BackRequest.LENGTH);
            assertEquals(plane, r.plane());
            assertEquals(128, r.bitTo());
        }
        assertEquals(31, BackRequest.MAX_PLANE, "the E8 coset plane id (CeoE8.COSET_PLANE) must fit");
    }

    @Test
    void refusesAPlaneIdBeyondTheLastAndABadKindAsMalformed() {
        final FrameException plane = assertThrows(FrameException.class,
                () -> written(BackRequest.RAW, BackRequest.MAX_PLANE + 1).check(BackRequest.LENGTH));
        assertEquals(FrameError.MALFORMED, plane.error());
        final FrameException kind = assertThrows(FrameException.class, () -> written(3, 0).check(BackRequest.LENGTH));
        assertEquals(FrameError.MALFORMED, kind.error());
    }
}
