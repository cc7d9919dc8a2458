package org.rdcodec.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.stats.PanamaStatsKernel;
import org.rdcodec.core.stats.ScalarStatsKernel;
import org.rdcodec.core.stats.StatsKernel;

class VectorizationProviderTest {

    @Test
    void decisionSaysWhyForEveryBranch() {
        final var disabled = VectorizationProvider.decide("scalar", true, 8, true);
        assertFalse(disabled.usePanama());
        assertTrue(disabled.reason().contains("disabled by system property rdcodec.simd=scalar"), disabled.reason());

        final var unknown = VectorizationProvider.decide("fast", true, 8, true);
        assertFalse(unknown.usePanama());
        assertTrue(unknown.reason().contains("unknown value rdcodec.simd=fast"), unknown.reason());

        final var noModule = VectorizationProvider.decide(null, false, 0, true);
        assertFalse(noModule.usePanama());
        assertTrue(noModule.reason().contains("jdk.incubator.vector is not present"), noModule.reason());

        final var narrow = VectorizationProvider.decide("auto", true, 2, true);
        assertFalse(narrow.usePanama());
        assertTrue(narrow.reason().contains("2 lanes, fewer than 4"), narrow.reason());

        final var noC2 = VectorizationProvider.decide("auto", true, 8, false);
        assertFalse(noC2.usePanama());
        assertTrue(noC2.reason().contains("C2 compiler is disabled"), noC2.reason());

        final var wide = VectorizationProvider.decide(" AUTO ", true, 4, true);
        assertTrue(wide.usePanama(), wide.reason());
        assertTrue(wide.reason().contains("4 lanes"), wide.reason());
    }

    @Test
    void propertyScalarGivesScalarProviderWithReason() {
        final VectorizationProvider p = VectorizationProvider.lookup("scalar");
        assertInstanceOf(ScalarVectorizationProvider.class, p);
        assertEquals("scalar", p.name());
        assertFalse(p.isVectorized());
        assertTrue(p.reason().contains("rdcodec.simd=scalar"), p.reason());
        assertInstanceOf(ScalarStatsKernel.class, p.kernel(StatsKernel.class));
    }

    @Test
    void thisJvmUsesPanamaWhenTheModuleAndSpeciesAllowIt() {
        // surefire runs with --add-modules jdk.incubator.vector
        assertTrue(VectorizationProvider.vectorModulePresent());
        final int lanes = VectorizationProvider.preferredFloatLanes();
        final VectorizationProvider p = VectorizationProvider.lookup(null);
        assertTrue(VectorizationProvider.c2Enabled(), "surefire runs with the default JIT");
        assertEquals(lanes >= VectorizationProvider.MIN_FLOAT_LANES, p.isVectorized(), p.toString());
        if (p.isVectorized()) {
            assertInstanceOf(PanamaStatsKernel.class, p.kernel(StatsKernel.class));
            assertTrue(VectorizationProvider.preferredFloatSpecies().contains("float"));
        }
    }

    @Test
    void kernelsAreFoundByNameCachedAndFallBackToScalar() {
        final VectorizationProvider panama = new PanamaVectorizationProvider("test");
        final StatsKernel k = panama.kernel(StatsKernel.class);
        assertInstanceOf(PanamaStatsKernel.class, k);
        assertSame(k, panama.kernel(StatsKernel.class));
        assertEquals("scalar", panama.kernel(ProbeKernel.class).who(), "no PanamaProbeKernel: scalar twin");
        assertEquals("org.rdcodec.core.stats.PanamaStatsKernel",
                VectorizationProvider.implementationName(StatsKernel.class, "Panama"));
    }

    @Test
    void familiesThatBreakTheConventionFailClearly() {
        final VectorizationProvider scalar = new ScalarVectorizationProvider("test");
        final var notInterface = assertThrows(IllegalStateException.class, () -> scalar.kernel(String.class));
        assertTrue(notInterface.getMessage().contains("must be an interface"), notInterface.getMessage());
        final var missing = assertThrows(IllegalStateException.class, () -> scalar.kernel(Runnable.class));
        assertTrue(missing.getMessage().contains("java.lang.ScalarRunnable"), missing.getMessage());
    }
}
