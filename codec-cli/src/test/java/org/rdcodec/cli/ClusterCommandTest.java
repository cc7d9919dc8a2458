package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.UnbiasedCombiner;
import org.rdcodec.core.quant.WorkerEncoder;
import org.rdcodec.train.FashionMnist;
import org.rdcodec.train.FashionMnistFixture;

/** {@code rdc cluster}: a server here and two worker processes over IPC; the JSON output ends with the summary. */
class ClusterCommandTest {

    private static final int DIM = 4096;

    @Test
    void twoWorkerProcessesOverIpc() throws Exception {
        final String[] lines = cluster("--workers", "2", "--rounds", "3", "--dim", Integer.toString(DIM), "--codec", "sign",
                "--worker-heap", "128m", "--json");
        assertEquals(4, lines.length, "3 round lines and the summary");
        final JsonNode summary = new ObjectMapper().readTree(lines[3]);
        assertEquals(3, summary.get("rounds").asInt());
        for (final String field : new String[] {"lateWorkers", "corruptFrames", "workersLost"}) {
            assertEquals(0, summary.get(field).asInt(), field);
        }
        assertTrue(summary.get("meanRoundSeconds").asDouble() > 0);
        // a sign frame's length depends only on the layout: the rate is the bytes of two such frames
        final GradientLayout layout = GradientLayout.uniform(DIM, 1);
        try (WorkerEncoder enc = Codecs.create("sign").newEncoder(layout, 0, 1);
             GradientBuffer g = GradientBuffer.allocate(DIM)) {
            g.set(0, 1f);
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int length = enc.encode(g, 0, frame, 0, frame.capacity());
            assertEquals(2 * length * 8.0 / DIM, summary.get("bitsPerCoordinate").asDouble());
        }
    }

    /**
     * Two worker processes train the MLP with the identity codec: the server's replica, stepped on the
     * transported estimates, has exactly the test accuracy of the same steps taken in process.
     */
    @Test
    void mnistWorkersTrainLikeInProcess() throws Exception {
        final FashionMnist data = FashionMnistFixture.data();
        final String[] lines = cluster("--workers", "2", "--rounds", "4", "--mnist", "--hidden", "32", "--test-size", "1000",
                "--eval-every", "2", "--lr", "0.1", "--codec", "identity", "--worker-heap", "384m", "--json");
        assertEquals(5, lines.length, "4 round lines and the summary");
        final double transported = new ObjectMapper().readTree(lines[4]).get("testAccuracy").asDouble();

        final MlpOptionsHolder holder = new MlpOptionsHolder();
        new picocli.CommandLine(holder).parseArgs("--mnist", "--hidden", "32", "--test-size", "1000", "--lr", "0.1");
        final MlpOptions o = holder.mlp;
        final long seed = 1;
        final MlpWorkerSource[] workers = {new MlpWorkerSource(o, data.train(), 2, 0, seed), new MlpWorkerSource(o, data.train(), 2, 1, seed)};
        final MlpReplica server = new MlpReplica(o, data.test(), seed);
        final GradientLayout layout = org.rdcodec.train.Mlp.layoutOf(o.sizes());
        try (GradientBuffer g0 = GradientBuffer.allocate(layout.totalSize()); GradientBuffer g1 = GradientBuffer.allocate(layout.totalSize());
             GradientBuffer est = GradientBuffer.allocate(layout.totalSize())) {
            for (int t = 0; t < 4; t++) {
                workers[0].gradient(t, g0);
                workers[1].gradient(t, g1);
                UnbiasedCombiner.combineWeighted(layout, new GradientBuffer[] {g0, g1}, est);
                workers[0].estimate(t, est, 2);
                workers[1].estimate(t, est, 2);
                server.step(est);
            }
        }
        assertEquals(server.accuracy(), transported, "test accuracy after 4 transported rounds equals the in-process one");
    }

    /** Holds the MLP options for parsing them as picocli does for the commands. */
    @picocli.CommandLine.Command(name = "holder")
    static final class MlpOptionsHolder {
        @picocli.CommandLine.Mixin
        MlpOptions mlp;
    }

    private static String[] cluster(final String... args) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream saved = System.out;
        final int code;
        final String[] all = new String[args.length + 1];
        all[0] = "cluster";
        System.arraycopy(args, 0, all, 1, args.length);
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = CliRun.of(all).exitCode();
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        return bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    }
}
