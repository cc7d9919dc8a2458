package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rdc report} on a hand-written JMH JSON fixture with round scores (src/test/resources/jmh). */
class ReportCommandTest {

    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        final Path in = Files.createDirectories(dir.resolve("in"));
        try (InputStream s = ReportCommandTest.class.getResourceAsStream("/jmh/fixture.json")) {
            Files.copy(s, in.resolve("fixture.json"));
        }
        return in;
    }

    private static int run(final StringWriter out, final StringWriter err, final String... args) {
        final var cl = Rdc.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void summaryHasGigabytesAndRatiosComputedFromTheScores() throws IOException {
        final Path in = fixture();
        final Path md = dir.resolve("out/summary.md");
        final StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "report", "--in", in.toString(), "--out", md.toString()));
        assertTrue(out.toString().contains("9 results from 1 files"), out.toString());
        final String text = Files.readString(md);
        // fastest read per size: sumUnroll8 at 256 KiB (200000 op/s * 262144 B = 52.43 GB/s),
        // sumUnroll2 at 64 MiB (200 op/s * 67108864 B = 13.42 GB/s)
        assertTrue(text.contains("256 KiB = `StreamingReadBenchmark.sumUnroll8` 52.43 GB/s; "
                + "64 MiB = `StreamingReadBenchmark.sumUnroll2` 13.42 GB/s"), text);
        // panama 256 KiB: 150000 op/s = 39.32 GB/s = 0.75 x read, 15 x scalar (10000 op/s)
        assertTrue(text.contains("| StatsKernelBenchmark.stats | bytes=262144 kernel=panama | thrpt | 150,000 | ops/s "
                + "| ± 2,500 | 39.32 | 0.75 | 15.00 |"), text);
        // panama 64 MiB: 160 op/s = 10.74 GB/s = 0.80 x read, 4 x scalar (40 op/s); one iteration: error n/a
        assertTrue(text.contains("| StatsKernelBenchmark.stats | bytes=67108864 kernel=panama | thrpt | 160.000 | ops/s "
                + "| n/a | 10.74 | 0.80 | 4.00 |"), text);
        // the scalar reference has no ratio to itself
        assertTrue(text.contains("| bytes=262144 kernel=scalar | thrpt | 10,000 | ops/s | ± 100.000 | 2.62 | 0.05 |  |"), text);
        // avgt in us/op with a floats param: 2 us/op = 500000 op/s, 4096 B/op = 2.05 GB/s, no baseline of that size
        assertTrue(text.contains("| FooBenchmark.bar | floats=1024 | avgt | 2.000 | us/op | ± 0.5000 | 2.05 |  |  |"), text);
    }

    @Test
    void missingDirectoryAndBrokenJsonFailWithAClearMessage() throws IOException {
        final StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "report", "--in", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("is not a directory"), err.toString());

        final Path in = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(in.resolve("bad.json"), "{\"benchmark\": 1}");
        final StringWriter err2 = new StringWriter();
        assertEquals(2, run(new StringWriter(), err2, "report", "--in", in.toString(), "--out", dir.resolve("x.md").toString()));
        assertTrue(err2.toString().contains("bad.json: expected a JMH result array"), err2.toString());
    }

    @Test
    void scoreUnitsConvertToOpsPerSecond() {
        assertEquals(5e5, JmhResult.toOpsPerSecond(2.0, "us/op"), 1e-6);
        assertEquals(3e3, JmhResult.toOpsPerSecond(3.0, "ops/ms"), 1e-9);
        assertThrows(ReportException.class, () -> JmhResult.toOpsPerSecond(1.0, "furlongs"));
    }
}
