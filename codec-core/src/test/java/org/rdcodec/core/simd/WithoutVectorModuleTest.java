package org.rdcodec.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The fallback in a real JVM without the Vector API module: a child process (about half a second) runs
 * {@link WithoutVectorModuleMain} on this test class path with no {@code --add-modules}.
 */
class WithoutVectorModuleTest {

    @Test
    void childJvmWithoutTheModuleUsesScalarKernelsAndSaysWhy() throws IOException, InterruptedException {
        final String java = ProcessHandle.current().info().command().orElse("java");
        final Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                WithoutVectorModuleMain.class.getName()))
                .redirectErrorStream(true)
                .start();
        final String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("provider=scalar"), out);
        assertTrue(out.contains("reason=module jdk.incubator.vector is not present"), out);
        assertTrue(out.contains("species=n/a (module jdk.incubator.vector not present)"), out);
        assertTrue(out.contains("kernel=ScalarStatsKernel"), out);
        assertTrue(out.contains("mean=2.5"), out);
    }
}
