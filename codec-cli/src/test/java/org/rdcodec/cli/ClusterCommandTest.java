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
import org.rdcodec.core.quant.WorkerEncoder;

/** {@code rdc cluster}: a server here and two worker processes over IPC; the JSON output ends with the summary. */
class ClusterCommandTest {

    private static final int DIM = 4096;

    @Test
    void twoWorkerProcessesOverIpc() throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream saved = System.out;
        final int code;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = CliRun.of("cluster", "--workers", "2", "--rounds", "3", "--dim", Integer.toString(DIM), "--codec", "sign", "--worker-heap", "128m",
                    "--json").exitCode();
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        final String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
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
}
