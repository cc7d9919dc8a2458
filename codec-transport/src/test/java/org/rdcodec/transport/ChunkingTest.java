package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.WorkerEncoder;

/**
 * Frames above the uplink's maximum message travel as chunks: a 64 KiB term makes the maximum message
 * 8 KiB, and the layout is sized so that an identity frame with its message header is just above it (two
 * chunks). The estimates must be the in-process ones, a frame corrupted before chunking must be rejected
 * by its CRC after reassembly, and the assembler must refuse inconsistent chunks.
 */
class ChunkingTest {

    private static final int K = 2;
    private static final int ROUNDS = 4;
    private static final long SEED = 7;
    private static final int TERM = 64 * 1024;
    /** Aeron's maximum message is term-length / 8 below 128 MiB terms. */
    private static final int MAX_MESSAGE = TERM / 8;
    private static final int CORRUPT_ROUND = 2;

    @Test
    void frameJustAboveTheMaximumMessageIsChunkedAndReassembled() throws Exception {
        final long openBefore = GradientBuffer.openCount();
        final GradientCodec codec = Codecs.create("identity");
        final int overhead = frameBytes(codec, 1) - 4;
        final int p = (MAX_MESSAGE - MessageHeader.LENGTH - overhead) / 4 + 1;
        final GradientLayout layout = GradientLayout.ofSizes(p);
        final int message = MessageHeader.LENGTH + frameBytes(codec, p);
        assertTrue(message > MAX_MESSAGE && message <= MAX_MESSAGE + 4, "message of " + message + " bytes just above " + MAX_MESSAGE);

        final TransportConfig config = new TransportConfig();
        config.uplinkChannel = "aeron:ipc?term-length=" + TERM;
        config.joinTimeoutMs = 20000;
        config.roundTimeoutMs = 1500; // the round with the rejected frame waits this long for it
        final List<RoundReport> reports = new ArrayList<>();
        final List<float[]> estimates = new ArrayList<>();
        final List<WorkerSummary> workers = new ArrayList<>();
        final ServerSummary summary;
        final ExecutorService pool = Executors.newFixedThreadPool(K);
        try (TransportDriver driver = TransportDriver.start(config)) {
            try (ParameterServer server = new ParameterServer(driver.aeron(), config, K, layout,
                    new DecodingAggregator(codec, layout, K, SEED), SEED)) {
                final List<Future<WorkerSummary>> futures = new ArrayList<>();
                for (int k = 0; k < K; k++) {
                    final int worker = k;
                    futures.add(pool.submit(() -> {
                        try (TransportWorker w = new TransportWorker(driver.aeron(), config, worker, layout, codec, SEED,
                                new SyntheticGradients(worker, SEED))) {
                            if (worker == 0) {
                                w.faults(new WorkerFaults(CORRUPT_ROUND, -1, 0));
                            }
                            return w.run();
                        }
                    }));
                }
                summary = server.run(ROUNDS, (report, estimate) -> {
                    reports.add(report);
                    estimates.add(estimate.toArray());
                });
                for (final Future<WorkerSummary> f : futures) {
                    workers.add(f.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < ROUNDS; t++) {
            final int[] present = t == CORRUPT_ROUND ? new int[] {1} : new int[] {0, 1};
            assertArrayEquals(present, reports.get(t).present(), "round " + t);
            assertArrayEquals(ReferenceAggregation.bits(ReferenceAggregation.estimate(codec, layout, SEED, t, present)),
                    ReferenceAggregation.bits(estimates.get(t)), "estimate of round " + t);
        }
        assertEquals(1, summary.corruptFrames(), "the corrupted frame is rejected by its CRC after reassembly");
        assertEquals(0, summary.chunkErrors() + summary.lateFrames());
        for (final WorkerSummary w : workers) {
            assertEquals(2L * ROUNDS, w.chunksSent(), "two chunks per frame");
            assertEquals("shutdown", w.endedBy());
        }
        assertEquals(openBefore, GradientBuffer.openCount());
    }

    @Test
    void assemblerRefusesInconsistentChunks() {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[64]);
        final ChunkHeader h = new ChunkHeader();
        // a 20-byte frame in two chunks of 10
        final ChunkAssembler a = new ChunkAssembler(1000);
        h.wrap(b, 0).write(MessageType.FRAME, 0, 2, 20, 0);
        assertEquals(ChunkAssembler.Result.PARTIAL, a.onChunk(5, b, 0, ChunkHeader.LENGTH + 10));
        h.wrap(b, 0).write(MessageType.FRAME, 1, 2, 20, 10);
        assertEquals(ChunkAssembler.Result.COMPLETE, a.onChunk(5, b, 0, ChunkHeader.LENGTH + 10));
        assertEquals(20, a.message().length);
        // out of order: chunk 1 without chunk 0
        assertEquals(ChunkAssembler.Result.ERROR, a.onChunk(5, b, 0, ChunkHeader.LENGTH + 10));
        // total above the bound
        h.wrap(b, 0).write(MessageType.FRAME, 0, 2, 2000, 0);
        assertEquals(ChunkAssembler.Result.ERROR, a.onChunk(5, b, 0, ChunkHeader.LENGTH + 10));
        // data past the total
        h.wrap(b, 0).write(MessageType.FRAME, 0, 2, 20, 0);
        assertEquals(ChunkAssembler.Result.PARTIAL, a.onChunk(6, b, 0, ChunkHeader.LENGTH + 10));
        h.wrap(b, 0).write(MessageType.FRAME, 1, 2, 20, 10);
        assertEquals(ChunkAssembler.Result.ERROR, a.onChunk(6, b, 0, ChunkHeader.LENGTH + 11));
        // a chunk of another round continues nothing
        h.wrap(b, 0).write(MessageType.FRAME, 0, 2, 20, 0);
        assertEquals(ChunkAssembler.Result.PARTIAL, a.onChunk(7, b, 0, ChunkHeader.LENGTH + 10));
        h.wrap(b, 0).write(MessageType.FRAME, 1, 2, 20, 10);
        assertEquals(ChunkAssembler.Result.ERROR, a.onChunk(8, b, 0, ChunkHeader.LENGTH + 10));
        // an incomplete message expires when its round is over
        h.wrap(b, 0).write(MessageType.FRAME, 0, 2, 20, 0);
        assertEquals(ChunkAssembler.Result.PARTIAL, a.onChunk(9, b, 0, ChunkHeader.LENGTH + 10));
        assertTrue(a.expire(10));
        // only FRAME and REPLY are chunked
        h.wrap(b, 0).write(MessageType.HELLO, 0, 2, 20, 0);
        assertEquals(ChunkAssembler.Result.ERROR, a.onChunk(11, b, 0, ChunkHeader.LENGTH + 10));
        assertEquals(6, a.errors());
    }

    @Test
    void forgedHugeTotalIsNotAllocatedUpFrontAndAFutureRoundsPartialExpires() {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[64]);
        final ChunkHeader h = new ChunkHeader();
        final ChunkAssembler a = new ChunkAssembler(1 << 30);
        final Runtime rt = Runtime.getRuntime();
        final long usedBefore = rt.totalMemory() - rt.freeMemory();
        // one 30-byte chunk announcing a 1 GiB message of a far-future round
        h.wrap(b, 0).write(MessageType.FRAME, 0, 2, 1 << 30, 0);
        assertEquals(ChunkAssembler.Result.PARTIAL, a.onChunk(Long.MAX_VALUE, b, 0, ChunkHeader.LENGTH + 10));
        final long grown = rt.totalMemory() - rt.freeMemory() - usedBefore;
        assertTrue(grown < 64L << 20, "the assembler holds at most its initial buffer, not the announced total: " + grown + " bytes");
        // the round now running is 5: a partial message of any other round is discarded and counted
        assertTrue(a.expire(5));
        assertEquals(1, a.errors());
    }

    private static int frameBytes(final GradientCodec codec, final int p) {
        final GradientLayout layout = GradientLayout.ofSizes(p);
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, SEED); GradientBuffer g = GradientBuffer.allocate(p)) {
            final UnsafeBuffer out = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            return enc.encode(g, 0, out, 0, out.capacity());
        }
    }
}
