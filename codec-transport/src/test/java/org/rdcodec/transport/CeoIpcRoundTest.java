package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.sw.ceo.CeoAggregator;
import org.rdcodec.sw.ceo.CeoPlan;
import org.rdcodec.sw.ceo.CeoRoundResult;
import org.rdcodec.sw.ceo.CeoSpec;

/**
 * The CEO codec over the transport: K = 4 workers and the server in one JVM, one embedded driver, IPC. The
 * plan travels in the ANNOUNCE, rate-adaptive requests and raw fallbacks over the back channel; the
 * estimates and the bits charged must be those of the in-process {@link CeoAggregator} for the same seed and
 * gradients, bit for bit (the plan's doubles travel exactly and the server decodes in the same order, so
 * nothing differs). A worker gone in the middle of a round is dropped and the estimate is the combination of
 * the workers decoded, with the plan's weights renormalised over them.
 */
class CeoIpcRoundTest {

    private static final int K = 4;
    private static final long SEED = 42;
    /** Two layers, the second shorter than a block; blocks of 1024 bits so every plane has a few. */
    private static final GradientLayout LAYOUT = GradientLayout.ofSizes(4096, 777);
    private static final String SPEC = "ceo:rho=1,block=1024";
    /** sx2 = 10 against sn2 = 1: side information strong enough that later workers send syndrome planes. */
    private static final double SX = Math.sqrt(10);

    /** Weights renormalised over the decoded set sum to one up to double rounding of a K-term sum. */
    private static final double WEIGHT_SUM_TOLERANCE = 1e-12;

    /**
     * |yhat - y| &lt;= step / 2 holds exactly in reals; yhat and y are floats of magnitude up to ~20 sigma and
     * (q - u) step is rounded once to float, so allow a relative 1e-5 of the half step (float epsilon 6e-8 x
     * |yhat| / (step / 2) stays far below it for the steps of these plans, about 1).
     */
    private static final double STEP_SLACK = 1e-5;

    @Test
    void rateAdaptiveEqualsInProcessAggregation() throws Exception {
        compare(SPEC, 14);
    }

    @Test
    void feedbackFreeEqualsInProcessAggregation() throws Exception {
        compare(SPEC + ",mode=feedback-free", 10);
    }

    /**
     * E8 layers at rho = 3: the low plane's pair bits (plane id 30) are syndrome coded and some blocks ask for
     * ladder bits over the back channel (measured in process: 384 bits fetched over 10 rounds); the coset bits
     * (31) travel raw here. BackRequestTest covers the id range.
     */
    @Test
    void e8RateAdaptiveEqualsInProcessAggregation() throws Exception {
        compare("ceo:rho=3,block=1024,quantizer=e8", 10);
    }

    private static void compare(final String spec, final int rounds) throws Exception {
        final long openBefore = GradientBuffer.openCount();
        final Run run = run(spec, rounds, -1, -1, fastConfig());
        final CeoAggregator ref = new CeoAggregator(LAYOUT, K, SEED, CeoSpec.parse(spec));
        long requests = 0;
        for (int t = 0; t < rounds; t++) {
            final CeoRoundResult r = ref.round(t, gradients(t));
            final RoundReport rep = run.reports.get(t);
            assertArrayEquals(new int[] {0, 1, 2, 3}, rep.present(), "round " + t);
            assertArrayEquals(ReferenceAggregation.bits(r.estimate()), ReferenceAggregation.bits(run.estimates.get(t)),
                    "estimate of round " + t);
            long frameBits = 0;
            for (final long b : r.frameBits()) {
                frameBits += b;
            }
            assertEquals(frameBits, 8 * rep.frameBytes(), "frame bits of round " + t);
            assertEquals(r.totalBits(), 8 * rep.frameBytes() + rep.backChannel().bits(), "bits charged in round " + t);
            assertEquals(r.requests(), rep.backChannel().requests(), "requests of round " + t);
            assertEquals(r.fallbacks(), rep.backChannel().fallbacks(), "fallbacks of round " + t);
            requests += r.requests();
            if (spec.contains("feedback-free")) {
                assertEquals(rep.backChannel().fallbacks(), rep.backChannel().requests(),
                        "feedback-free round " + t + ": a request only for a failed block's raw bits");
            }
        }
        if (!spec.contains("feedback-free")) {
            assertTrue(requests > 0, "the rate-adaptive rounds used the back channel");
        }
        assertEquals(requests, run.summary.requests());
        assertEquals(0, run.summary.corruptFrames() + run.summary.lateWorkers() + run.summary.workersDropped() + run.summary.chunkErrors());
        assertEquals(openBefore, GradientBuffer.openCount(), "every off-heap buffer closed");
    }

    @Test
    void workerGoneMidRoundIsDroppedAndTheEstimateCombinesTheRest() throws Exception {
        // find, in process, a planned round in which some worker is asked for bits: that worker vanishes right
        // after sending its frame of that round, so the server's request to it goes unanswered
        final int maxRounds = 8;
        final CeoAggregator ref = new CeoAggregator(LAYOUT, K, SEED, CeoSpec.parse(SPEC));
        int round = -1;
        int gone = -1;
        CeoRoundResult refResult = null;
        float[][][] refYhat = null;
        for (int t = 0; t < maxRounds && round < 0; t++) {
            final CeoRoundResult r = ref.round(t, gradients(t));
            for (int k = 0; k < K && round < 0; k++) {
                if (t >= 2 && r.fallbackBits()[k] > 0) {
                    round = t;
                    gone = k;
                    refResult = r;
                    refYhat = reconstructions(ref);
                }
            }
        }
        assertTrue(round >= 0, "some worker needed the back channel in rounds 2.." + (maxRounds - 1));
        final TransportConfig config = fastConfig();
        config.requestTimeoutMs = 300;
        config.roundTimeoutMs = 1500;
        final int rounds = round + 2;
        final Run run = run(SPEC, rounds, gone, round, config);
        for (int t = 0; t < round; t++) {
            assertArrayEquals(new int[] {0, 1, 2, 3}, run.reports.get(t).present(), "round " + t);
        }
        final RoundReport rep = run.reports.get(round);
        assertArrayEquals(new int[] {gone}, rep.dropped(), "round " + round + ": worker " + gone + " dropped");
        final int g = gone;
        assertArrayEquals(java.util.stream.IntStream.range(0, K).filter(k -> k != g).toArray(), rep.present());
        assertTrue(rep.backChannel().requests() > 0);
        // the estimate: per layer the workers actually decoded, weights renormalised over them
        final CeoPlan plan = refResult.plan();
        final float[][][] got = run.yhat.get(round);
        final float[] expected = new float[LAYOUT.totalSize()];
        for (int l = 0; l < LAYOUT.layerCount(); l++) {
            double sum = 0;
            boolean all = true;
            for (final int j : plan.order()[l]) {
                if (got[j][l] != null) {
                    sum += plan.weight()[j][l];
                    assertArrayEquals(ReferenceAggregation.bits(refYhat[j][l]), ReferenceAggregation.bits(got[j][l]),
                            "worker " + j + " layer " + l + " decoded exactly");
                } else {
                    all = false;
                }
            }
            assertTrue(got[gone][l] == null || all, "worker " + gone + " decoded on layer " + l + " only if nobody was dropped there");
            double weights = 0;
            for (final int j : plan.order()[l]) {
                if (got[j][l] != null) {
                    final double w = all ? plan.weight()[j][l] : plan.weight()[j][l] / sum;
                    weights += w;
                    for (int i = 0; i < got[j][l].length; i++) {
                        expected[LAYOUT.offset(l) + i] += (float) (w * got[j][l][i]);
                    }
                }
            }
            assertEquals(1.0, weights, WEIGHT_SUM_TOLERANCE, "weights of layer " + l + " sum to one");
        }
        assertTrue(got[gone][LAYOUT.layerCount() - 1] == null, "the gone worker is missing from at least its last layer");
        assertArrayEquals(ReferenceAggregation.bits(expected), ReferenceAggregation.bits(run.estimates.get(round)),
                "round " + round + ": estimate over the decoded workers");
        final RoundReport after = run.reports.get(round + 1);
        assertArrayEquals(new int[] {gone}, after.late(), "round " + (round + 1) + ": the gone worker is late");
        assertEquals(K - 1, after.present().length);
        assertEquals(1, run.summary.workersDropped());
        assertEquals(0, run.summary.corruptFrames());
    }

    @Test
    void requestBudgetDropsTheWorkersThatNeedMoreAndKeepsTheEstimateUnbiased() throws Exception {
        // a budget of 0 requests a round: every worker whose frame alone does not decode is dropped
        final TransportConfig config = fastConfig();
        config.maxRequestsPerRound = 0;
        final int rounds = 5;
        final Run run = run(SPEC, rounds, -1, -1, config);
        int droppedTotal = 0;
        for (int t = 0; t < rounds; t++) {
            final RoundReport rep = run.reports.get(t);
            final CeoRoundResult r = run.results.get(t);
            assertEquals(0, rep.backChannel().requests(), "round " + t + ": no request sent");
            assertArrayEquals(r.dropped(), rep.dropped(), "round " + t);
            droppedTotal += rep.dropped().length;
            final float[][] y = gradients(t);
            final float[][][] got = run.yhat.get(t);
            final float[] expected = new float[LAYOUT.totalSize()];
            for (int l = 0; l < LAYOUT.layerCount(); l++) {
                double sum = 0;
                boolean all = true;
                for (final int j : r.plan().order()[l]) {
                    if (got[j][l] != null) {
                        sum += r.plan().weight()[j][l];
                        // an exact decode: yhat = (q - u) step lies within step / 2 of y
                        final double half = r.steps()[j][l] / 2;
                        for (int i = 0; i < got[j][l].length; i++) {
                            assertTrue(Math.abs(got[j][l][i] - y[j][LAYOUT.offset(l) + i]) <= half * (1 + STEP_SLACK),
                                    "round " + t + " worker " + j + " layer " + l + " index " + i);
                        }
                    } else {
                        all = false;
                    }
                }
                for (final int j : r.plan().order()[l]) {
                    if (got[j][l] != null) {
                        final double w = all ? r.plan().weight()[j][l] : r.plan().weight()[j][l] / sum;
                        for (int i = 0; i < got[j][l].length; i++) {
                            expected[LAYOUT.offset(l) + i] += (float) (w * got[j][l][i]);
                        }
                    }
                }
            }
            assertArrayEquals(ReferenceAggregation.bits(expected), ReferenceAggregation.bits(run.estimates.get(t)), "round " + t);
        }
        assertTrue(droppedTotal > 0, "some worker needed a request and was dropped");
        assertEquals(droppedTotal, run.summary.workersDropped());
    }

    private static TransportConfig fastConfig() {
        final TransportConfig config = new TransportConfig();
        config.joinTimeoutMs = 20000;
        config.roundTimeoutMs = 10000;
        return config;
    }

    private static float[][][] reconstructions(final CeoAggregator agg) {
        final float[][][] y = new float[K][LAYOUT.layerCount()][];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < LAYOUT.layerCount(); l++) {
                y[k][l] = agg.server().decoder().reconstruction(k, l);
            }
        }
        return y;
    }

    static float[][] gradients(final long round) {
        final float[][] y = new float[K][];
        try (GradientBuffer g = GradientBuffer.allocate(LAYOUT.totalSize())) {
            for (int k = 0; k < K; k++) {
                new SyntheticGradients(k, SEED, SX).gradient(round, g);
                y[k] = g.toArray();
            }
        }
        return y;
    }

    /** What a transported run produced. */
    private record Run(List<RoundReport> reports, List<float[]> estimates, List<float[][][]> yhat, List<CeoRoundResult> results,
            ServerSummary summary) {
    }

    private static Run run(final String spec, final int rounds, final int vanishing, final long vanishRound,
            final TransportConfig config) throws Exception {
        final List<RoundReport> reports = new ArrayList<>();
        final List<float[]> estimates = new ArrayList<>();
        final List<float[][][]> yhat = new ArrayList<>();
        final List<CeoRoundResult> results = new ArrayList<>();
        final ServerSummary summary;
        final ExecutorService pool = Executors.newFixedThreadPool(K);
        try (TransportDriver driver = TransportDriver.start(config)) {
            final CeoRoundAggregator agg = new CeoRoundAggregator(LAYOUT, K, SEED, CeoSpec.parse(spec), config.maxRequestsPerRound);
            try (ParameterServer server = new ParameterServer(driver.aeron(), config, K, LAYOUT, agg, SEED)) {
                final List<Future<WorkerSummary>> futures = new ArrayList<>();
                for (int k = 0; k < K; k++) {
                    final int worker = k;
                    futures.add(pool.submit(() -> {
                        try (TransportWorker w = new TransportWorker(driver.aeron(), config, worker, LAYOUT,
                                RoundCodecs.worker(spec, LAYOUT, worker, K, SEED), SEED, new SyntheticGradients(worker, SEED, SX))) {
                            if (worker == vanishing) {
                                w.faults(new WorkerFaults(-1, -1, 0, vanishRound));
                            }
                            return w.run();
                        }
                    }));
                }
                summary = server.run(rounds, (report, estimate) -> {
                    reports.add(report);
                    assertNotNull(estimate, "round " + report.round() + " has an estimate");
                    estimates.add(estimate.toArray());
                    yhat.add(reconstructionsOf(agg));
                    results.add(agg.lastResult());
                });
                for (final Future<WorkerSummary> f : futures) {
                    final WorkerSummary s = f.get();
                    assertTrue(s.endedBy().equals("shutdown") || s.endedBy().startsWith("vanished"), s.endedBy());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(reports, estimates, yhat, results, summary);
    }

    private static float[][][] reconstructionsOf(final CeoRoundAggregator agg) {
        final float[][][] y = new float[K][LAYOUT.layerCount()][];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < LAYOUT.layerCount(); l++) {
                final float[] r = agg.server().decoder().reconstruction(k, l);
                y[k][l] = r == null ? null : Arrays.copyOf(r, r.length);
            }
        }
        return y;
    }
}
