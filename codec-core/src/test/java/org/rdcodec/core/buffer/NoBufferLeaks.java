package org.rdcodec.core.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: fails a test that leaves more {@link GradientBuffer}s open than it found.
 * Register with {@code @ExtendWith(NoBufferLeaks.class)}. Assumes tests of one JVM run one at a time
 * (surefire's default), since {@link GradientBuffer#openCount()} is global.
 */
public final class NoBufferLeaks implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoBufferLeaks.class);
    private static final String KEY = "openBefore";

    /** Creates the extension (JUnit instantiates it). */
    public NoBufferLeaks() {
    }

    @Override
    public void beforeEach(final ExtensionContext context) {
        context.getStore(NS).put(KEY, GradientBuffer.openCount());
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        final long before = context.getStore(NS).get(KEY, Long.class);
        assertEquals(before, GradientBuffer.openCount(),
                () -> context.getDisplayName() + " left " + (GradientBuffer.openCount() - before) + " GradientBuffer(s) open");
    }
}
