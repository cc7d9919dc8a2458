package org.rdcodec.train;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Loads Fashion-MNIST once per test JVM. Missing data skips the test with the install hint, except in CI
 * ({@code CI=true}), where {@code .ci/run} installs the package and a missing file must fail the build.
 */
public final class FashionMnistFixture {

    private static FashionMnist cached;

    private FashionMnistFixture() {
    }

    /** @return the data set, or the test is skipped (failed in CI) with the install hint */
    public static synchronized FashionMnist data() {
        if (cached == null) {
            if (!FashionMnist.isPresent(FashionMnist.DEFAULT_DIR)) {
                final String msg = "Fashion-MNIST not found under " + FashionMnist.DEFAULT_DIR + ": " + FashionMnist.INSTALL_HINT;
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail("CI must run the training tests; " + msg);
                }
                Assumptions.abort(msg);
            }
            cached = FashionMnist.load(FashionMnist.DEFAULT_DIR);
        }
        return cached;
    }
}
