package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;

/** K = 4 workers and the server in one JVM, one embedded driver, IPC: the estimates are the in-process ones, bit for bit. */
class IpcRoundTest {

    private static final int K = 4;
    private static final int ROUNDS = 20;
    private static final long SEED = 42;
    /** Two layers, the second of an odd size, with frames of several Aeron fragments. */
    private static final GradientLayout LAYOUT = GradientLayout.ofSizes(16384, 1001);

    @Test
    void estimatesEqualInProcessAggregation() throws Exception {
        runAndCompare("dithered:step=0.5");
    }

    @Test
    void biasedCodecUsesThePlainMean() throws Exception {
        runAndCompare("sign");
    }

    private static void runAndCompare(final String spec) throws Exception {
        final long openBefore = GradientBuffer.openCount();
        final GradientCodec codec = Codecs.create(spec);
        final TransportConfig config = new TransportConfig();
        config.joinTimeoutMs = 20000;
        config.roundTimeoutMs = 10000;
        final List<float[]> serverEstimates = new ArrayList<>();
        final Map<Long, float[]> workerZeroEstimates = new ConcurrentHashMap<>();
        final List<RoundReport> reports = new ArrayList<>();
        final ServerSummary summary;
        final List<WorkerSummary> workerSummaries = new ArrayList<>();
        final String dir;
        final ExecutorService pool = Executors.newFixedThreadPool(K);
        try (TransportDriver driver = TransportDriver.start(config)) {
            dir = driver.directory();
            try (ParameterServer server = new ParameterServer(driver.aeron(), config, K, LAYOUT,
                    new DecodingAggregator(codec, LAYOUT, K, SEED), SEED)) {
                final List<Future<WorkerSummary>> futures = new ArrayList<>();
                for (int k = 0; k < K; k++) {
                    final int worker = k;
                    futures.add(pool.submit(() -> {
                        final GradientSource source = new SyntheticGradients(worker, SEED) {
                            @Override
                            public void estimate(final long round, final GradientBuffer estimate, final int used) {
                                if (worker == 0) {
                                    workerZeroEstimates.put(round, estimate.toArray());
                                }
                            }
                        };
                        try (TransportWorker w = new TransportWorker(driver.aeron(), config, worker, LAYOUT, codec, SEED, source)) {
                            return w.run();
                        }
                    }));
                }
                summary = server.run(ROUNDS, (report, estimate) -> {
                    reports.add(report);
                    serverEstimates.add(estimate.toArray());
                });
                for (final Future<WorkerSummary> f : futures) {
                    workerSummaries.add(f.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(Files.exists(Path.of(dir)), "driver directory " + dir + " removed");
        assertEquals(openBefore, GradientBuffer.openCount(), "every off-heap buffer closed");
        assertEquals(ROUNDS, summary.rounds());
        assertEquals(0, summary.corruptFrames() + summary.lateWorkers() + summary.lateFrames() + summary.workersLost() + summary.emptyRounds());
        final int[] all = {0, 1, 2, 3};
        for (int t = 0; t < ROUNDS; t++) {
            assertArrayEquals(all, reports.get(t).present(), "round " + t + " has every worker");
            final int[] expected = ReferenceAggregation.bits(ReferenceAggregation.estimate(codec, LAYOUT, SEED, t, all));
            assertArrayEquals(expected, ReferenceAggregation.bits(serverEstimates.get(t)), "server estimate of round " + t);
            assertArrayEquals(expected, ReferenceAggregation.bits(workerZeroEstimates.get((long) t)),
                    "estimate received by worker 0 over the identity downlink, round " + t);
        }
        for (final WorkerSummary w : workerSummaries) {
            assertEquals(ROUNDS, w.framesSent());
            assertEquals(ROUNDS, w.estimates());
            assertEquals(0, w.sendFailures() + w.corruptEstimates());
            assertEquals("shutdown", w.endedBy());
        }
    }
}
