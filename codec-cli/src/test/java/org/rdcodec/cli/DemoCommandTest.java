package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    /** theory.md prints the rates with 5 decimals: rounding leaves at most 5e-6. */
    private static final double FIVE_DECIMALS = 5e-6;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void writesJsonAndPlotsIntoOutDir(@TempDir final Path dir) throws Exception {
        final CliRun run = CliRun.of("demo", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("SignSGD"), run.out());
        for (final String tag : new String[] {"10", "1", "0.1"}) {
            final Path png = dir.resolve("demo-sx2-over-sn2-" + tag + ".png");
            assertTrue(Files.isRegularFile(png), png.toString());
            final byte[] head = new byte[4];
            System.arraycopy(Files.readAllBytes(png), 0, head, 0, 4);
            assertEquals(new String(PNG_MAGIC, java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(head, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        final JsonNode json = new ObjectMapper().readTree(dir.resolve("demo.json").toFile());
        assertEquals(3, json.get("sections").size());
        // The balanced section's SignSGD point is the theory.md check point.
        final JsonNode sign = json.get("sections").get(1).get("points").get(0);
        assertEquals(10.0, sign.get("bitsPerCoordinate").asDouble());
        assertEquals(7.62441, sign.get("rsumBitsPerCoordinate").asDouble(), FIVE_DECIMALS);
        assertEquals(9.53818, sign.get("rinBitsPerCoordinate").asDouble(), FIVE_DECIMALS);
        final JsonNode rsum = json.get("sections").get(1).get("curves").get(0).get("bitsPerCoordinate");
        for (int i = 1; i < rsum.size(); i++) {
            assertTrue(rsum.get(i).asDouble() < rsum.get(i - 1).asDouble(), "Rsum falls with rho");
        }
    }

    @Test
    void quietPrintsOnlyTheFilesWritten(@TempDir final Path dir) {
        final CliRun run = CliRun.of("demo", "--quiet", "--workers", "4", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().allMatch(l -> l.startsWith("wrote ")), run.out());
    }
}
