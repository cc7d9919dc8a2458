package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class BoundCommandTest {

    /** theory.md prints the rates with 5 decimals: rounding leaves at most 5e-6. */
    private static final double FIVE_DECIMALS = 5e-6;

    /** theory.md prints D_sign with 7 decimals: rounding leaves at most 5e-8. */
    private static final double SEVEN_DECIMALS = 5e-8;

    /** JSON carries doubles at full precision (Jackson writes the shortest round-tripping form). */
    private static final double EXACT = 1e-15;

    private static JsonNode json(final String... args) throws Exception {
        final CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void signPointMatchesCheckValues() throws Exception {
        final JsonNode j = json("bound", "--workers", "10", "--sx2", "1", "--sn2", "1", "--sign", "--json");
        assertEquals(0.1726760, j.get("distortion").asDouble(), SEVEN_DECIMALS);
        assertEquals(7.62441, j.get("rsumBitsPerVector").asDouble(), FIVE_DECIMALS);
        assertEquals(7.62441, j.get("rsumBitsPerCoordinate").asDouble(), FIVE_DECIMALS);
        assertEquals(9.53818, j.get("rinBitsPerVector").asDouble(), FIVE_DECIMALS);
        assertEquals(0.1, j.get("minDistortion").asDouble(), EXACT);
        assertEquals(10.0, j.get("signBitsPerVector").asDouble(), EXACT);
        assertEquals(10, j.get("layers").get(0).get("r").size());
    }

    @Test
    void rhoIsTheHomogeneousRatio() throws Exception {
        final JsonNode byRho = json("bound", "--workers", "10", "--sx2", "1", "--sn2", "1", "--rho", "0.726760", "--json");
        assertEquals(0.1726760, byRho.get("distortion").asDouble(), 1e-12);
        final JsonNode byD = json("bound", "--workers", "10", "--sx2", "1", "--sn2", "1", "--distortion", "0.172676", "--json");
        assertEquals(byD.get("rsumBitsPerVector").asDouble(), byRho.get("rsumBitsPerVector").asDouble(), 1e-9);
    }

    @Test
    void heterogeneousOneLayerMatchesCheckValue() throws Exception {
        final JsonNode j = json("bound", "--workers", "4", "--sx2", "1", "--sn2", "0.5,1,2,4", "--distortion", "0.5", "--json");
        assertEquals(2.29248, j.get("rsumBitsPerVector").asDouble(), FIVE_DECIMALS);
        assertTrue(j.get("rinBitsPerVector").isNull());
        assertEquals(1.0, j.get("layers").get(0).get("distortionShare").asDouble(), EXACT);
        assertEquals(0.0, j.get("layers").get(0).get("r").get(3).asDouble(), EXACT);
    }

    @Test
    void twoLayersMatchCheckValue() throws Exception {
        final JsonNode j = json("bound", "--workers", "3", "--sx2", "2,0.5", "--sn2", "0.5,0.2;1,0.2;2,0.2", "--distortion", "1.0", "--json");
        assertEquals(3.05884, j.get("rsumBitsPerVector").asDouble(), FIVE_DECIMALS);
        assertEquals(3.05884 / 2, j.get("rsumBitsPerCoordinate").asDouble(), FIVE_DECIMALS);
        final JsonNode layers = j.get("layers");
        assertEquals(2, layers.size());
        assertEquals(1.0, layers.get(0).get("distortionShare").asDouble() + layers.get(1).get("distortionShare").asDouble(), 1e-12);
        assertEquals(3, layers.get(1).get("r").size());
    }

    @Test
    void tableIsReadable() {
        final CliRun run = CliRun.of("bound", "--workers", "3", "--sx2", "2,0.5", "--sn2", "0.5,0.2;1,0.2;2,0.2", "--distortion", "1.0");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Rsum(D)        3.058841 bits per vector"), run.out());
    }

    @Test
    void badSn2SpecFailsWithOneClearLine() {
        final String[][] bad = {
            {"--workers", "4", "--sx2", "1", "--sn2", "0.5,1,2", "--distortion", "0.5"},
            {"--workers", "2", "--sx2", "1,1", "--sn2", "1,1;1", "--distortion", "5"},
            {"--workers", "2", "--sx2", "1", "--sn2", "abc", "--distortion", "5"},
            {"--workers", "2", "--sx2", "1", "--sn2", "-1", "--distortion", "5"},
        };
        for (final String[] args : bad) {
            final String[] full = new String[args.length + 1];
            full[0] = "bound";
            System.arraycopy(args, 0, full, 1, args.length);
            final CliRun run = CliRun.of(full);
            assertNotEquals(0, run.exitCode());
            assertTrue(run.err().startsWith("rdc bound: --sn2"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }

    @Test
    void infeasibleDistortionNamesTheMinimum() {
        final CliRun run = CliRun.of("bound", "--workers", "4", "--sx2", "1", "--sn2", "0.5,1,2,4", "--distortion", "0.2");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("D_min = 0.266666667"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void signNeedsHomogeneousNoise() {
        final CliRun run = CliRun.of("bound", "--workers", "4", "--sx2", "1", "--sn2", "0.5,1,2,4", "--sign");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("--sign needs equal noise"), run.err());
    }

    @Test
    void exactlyOneTargetIsRequired() {
        assertNotEquals(0, CliRun.of("bound", "--workers", "4", "--sx2", "1", "--sn2", "1").exitCode());
        assertNotEquals(0, CliRun.of("bound", "--workers", "4", "--sx2", "1", "--sn2", "1", "--sign", "--rho", "1").exitCode());
    }
}
