package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdcodec.train.FashionMnistFixture;

/** {@code rdc train} and {@code rdc train-sweep} end to end on a tiny network (a few seconds). */
class TrainCommandTest {

    @TempDir
    Path dir;

    private static final String[] TINY = {"--hidden", "8", "--batch", "16", "--train-size", "2000", "--ref-size", "500", "--test-size", "500",
        "--stats-every", "2", "--eval-every", "3", "--lr", "0.1", "--no-progress"};

    private static String[] args(final String... head) {
        final String[] a = new String[head.length + TINY.length];
        System.arraycopy(head, 0, a, 0, head.length);
        System.arraycopy(TINY, 0, a, head.length, TINY.length);
        return a;
    }

    @Test
    void trainWritesRoundsSummaryAndFigures() throws Exception {
        FashionMnistFixture.data();
        final Path out = dir.resolve("run");
        final CliRun r = CliRun.of(args("train", "--workers", "4", "--codec", "qsgd:levels=4", "--rounds", "6", "--out", out.toString(), "--json"));
        assertEquals(0, r.exitCode(), r.err());
        for (final String f : new String[] {"rounds.csv", "rounds.json", "summary.json", "figure6-gradient-statistics.png",
            "figure7-bits-per-round.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        final JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(6, s.get("rounds").asInt());
        for (final String key : new String[] {"testAccuracy", "totalBits", "bitsPerCoordinatePerRound", "meanDistortion"}) {
            assertTrue(s.get(key).isNumber(), key + " in " + s);
        }
        assertEquals(7, Files.readAllLines(out.resolve("rounds.csv")).size(), "header + 6 rounds");
    }

    @Test
    void badInputGivesOneClearLine() {
        final CliRun both = CliRun.of("train", "--codec", "sign", "--rho", "1", "--no-progress");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("exactly one of --codec"), both.err());
        final CliRun noData = CliRun.of("train", "--codec", "sign", "--data", dir.toString(), "--no-progress");
        assertEquals(2, noData.exitCode());
        assertTrue(noData.err().contains("apt-get install -y dataset-fashion-mnist"), noData.err());
        final CliRun badSpec = CliRun.of("train", "--codec", "nosuch", "--no-progress");
        assertEquals(2, badSpec.exitCode());
        assertTrue(badSpec.err().contains("unknown codec"), badSpec.err());
    }

    @Test
    void sweepWritesFigure8() throws Exception {
        FashionMnistFixture.data();
        final Path out = dir.resolve("sweep");
        final CliRun r = CliRun.of(args("train-sweep", "--workers", "4", "--rho", "0,10", "--codecs", "sign", "--target-accuracy", "0.3",
                "--rounds", "6", "--out", out.toString()));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.size(out.resolve("figure8-rounds.png")) > 100);
        assertTrue(Files.size(out.resolve("figure8-bits.png")) > 100);
        assertEquals(4, Files.readAllLines(out.resolve("sweep.csv")).size(), "header + 2 rho + 1 codec");
        assertTrue(Files.isRegularFile(out.resolve("rho=10.0").resolve("rounds.csv")), "each noise run writes its own rounds");
        // Sweeps split over processes join with --merge (no new runs with --rho none and no codecs).
        final Path merged = dir.resolve("merged");
        final CliRun m = CliRun.of("train-sweep", "--rho", "none", "--codecs", "", "--merge", out + "," + out, "--target-accuracy", "0.3",
                "--out", merged.toString());
        assertEquals(0, m.exitCode(), m.err());
        assertEquals(7, Files.readAllLines(merged.resolve("sweep.csv")).size(), "header + twice the 3 rows");
        final CliRun bad = CliRun.of("train-sweep", "--rho", "1,x", "--target-accuracy", "0.3", "--out", merged.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--rho: 'x' is not a number"), bad.err());
    }
}
