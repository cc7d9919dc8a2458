package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code rdc simulate --codec ceo:...} and {@code rdc ceo-sweep} on a tiny source (figures: src/site/ceo.md). */
class CeoSimulationTest {

    /** The simulate and sweep commands print to System.out (as SimulateCommand does): capture it. */
    private static CliRun capture(final String... args) {
        final PrintStream saved = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            final CliRun run = CliRun.of(args);
            return new CliRun(run.exitCode(), run.out() + bytes.toString(StandardCharsets.UTF_8), run.err());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void simulateReportsPerWorkerBitsPlanesAndFallbacks() throws Exception {
        final CliRun run = capture("simulate", "--dim", "8192", "--sx2", "10", "--codec", "ceo:rho=1,block=2048",
                "--rounds", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("unbiased").asBoolean());
        assertEquals(10, json.get("bitsPerCoordinatePerWorker").size());
        assertTrue(json.get("fallbacks").isInt());
        assertTrue(json.get("planes").size() > 0, "bit-planes in the second round");
        double sum = 0;
        for (final JsonNode w : json.get("bitsPerCoordinatePerWorker")) {
            sum += w.asDouble();
        }
        // per-worker bits add up to the total (frames + fallbacks, rounded to whole bytes per worker)
        assertEquals(json.get("bitsPerCoordinate").asDouble(), sum, 10 * 8.0 / 8192);
    }

    @Test
    void simulateRunsTheE8Quantizer() throws Exception {
        final CliRun run = capture("simulate", "--dim", "8192", "--sx2", "10", "--codec", "ceo:rho=1,block=2048,quantizer=e8",
                "--rounds", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("unbiased").asBoolean());
        assertTrue(json.get("codec").asText().contains("quantizer=e8"), json.get("codec").asText());
        assertTrue(json.get("idealSwBitsPerCoordinate").asDouble() > 0);
    }

    @Test
    void sweepPrintsOneRowPerPoint() {
        final CliRun run = capture("ceo-sweep", "--dim", "4096", "--ratios", "10", "--targets", "rho=1,rho=10",
                "--options", "block=1024");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3, run.out().lines().filter(l -> !l.isBlank()).count(), run.out());
    }

    @Test
    void badCeoSpecIsAnError() {
        final CliRun run = capture("simulate", "--dim", "4096", "--codec", "ceo:rho=1,foo=2");
        assertTrue(run.exitCode() != 0);
        assertTrue(run.err().contains("foo"), run.err());
    }
}
