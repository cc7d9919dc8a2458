package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Back pressure: a subscriber that stops reading fills the window; the offer gives up after its bounded retries. */
class OffersTest {

    /** Message size: a 64 KiB term holds at most a few of them before the stalled subscriber blocks the publisher. */
    private static final int MESSAGE = 4096;
    private static final long OFFER_TIMEOUT_MS = 200;

    @Test
    void backPressureIsRetriedThenGivenUpAndCounted() {
        final TransportConfig config = new TransportConfig();
        config.offerTimeoutMs = OFFER_TIMEOUT_MS;
        try (TransportDriver driver = TransportDriver.start(config);
             Publication pub = driver.aeron().addPublication("aeron:ipc?term-length=65536", 77);
             Subscription stalled = driver.aeron().addSubscription("aeron:ipc", 77)) {
            while (!pub.isConnected() || stalled.imageCount() == 0) {
                Thread.onSpinWait();
            }
            final Offers offers = new Offers(config);
            final UnsafeBuffer msg = new UnsafeBuffer(new byte[MESSAGE]);
            int sent = 0;
            long start = 0;
            boolean accepted = true;
            while (accepted) {
                start = System.nanoTime();
                accepted = offers.offer(pub, msg, 0, MESSAGE);
                sent += accepted ? 1 : 0;
            }
            final double waitedMs = (System.nanoTime() - start) * 1e-6;
            assertTrue(sent > 0, "some messages fit before the window filled");
            assertEquals(1, offers.failures());
            assertTrue(offers.retries() > 0, "back pressure was retried");
            assertTrue(waitedMs >= OFFER_TIMEOUT_MS, "gave up only after the bounded retry time, waited " + waitedMs + " ms");
            assertFalse(stalled.isClosed());
        }
    }
}
