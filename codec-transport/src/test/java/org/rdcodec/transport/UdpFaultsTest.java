package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;

/**
 * Server in this JVM, K = 4 worker processes each with its own media driver, loopback UDP. Worker 1
 * corrupts its frame of round {@value #CORRUPT_ROUND}, worker 2 sends round {@value #LATE_ROUND}'s frame
 * after the round timeout, worker 3 is killed (SIGKILL) after round {@value #KILL_AFTER_ROUND}. The server
 * finishes every round, counts each event, and every estimate equals the in-process aggregation of exactly
 * the workers it reports present.
 */
class UdpFaultsTest {

    private static final int K = 4;
    private static final int ROUNDS = 14;
    private static final long SEED = 7;
    private static final String CODEC = "dithered:step=0.5";
    private static final int[] SIZES = {40000, 3001};
    private static final long CORRUPT_ROUND = 2;
    private static final long LATE_ROUND = 5;
    private static final long KILL_AFTER_ROUND = 7;
    /** Round timeout: generous for 5 JVMs on 2 busy cores, so only the injected faults make a worker late. */
    private static final long ROUND_TIMEOUT_MS = 1500;
    /** The late frame is held well past the round timeout. */
    private static final long DELAY_MS = ROUND_TIMEOUT_MS + 1000;
    private static final int LOST_AFTER = 2;

    @Test
    void serverSurvivesCorruptionLatenessAndAKilledWorker() throws Exception {
        final long openBefore = GradientBuffer.openCount();
        final GradientLayout layout = GradientLayout.ofSizes(SIZES);
        final GradientCodec codec = Codecs.create(CODEC);
        final int[] ports = freeUdpPorts(2 + K);
        final TransportConfig config = TransportConfig.udp("127.0.0.1", ports[0]);
        config.downlinkChannel = "aeron:udp?control=127.0.0.1:" + ports[1] + "|control-mode=dynamic";
        config.roundTimeoutMs = ROUND_TIMEOUT_MS;
        config.lostAfterMissedRounds = LOST_AFTER;
        config.joinTimeoutMs = 40000;
        final Path dirs = Files.createTempDirectory("rdcodec-udp-test");
        final Process[] workers = new Process[K];
        final List<RoundReport> reports = new ArrayList<>();
        final List<float[]> estimates = new ArrayList<>();
        final ServerSummary summary;
        try (TransportDriver driver = TransportDriver.start(config);
             ParameterServer server = new ParameterServer(driver.aeron(), config, K, layout,
                     new DecodingAggregator(codec, layout, K, SEED), SEED)) {
            for (int k = 0; k < K; k++) {
                final List<String> args = new ArrayList<>(List.of(Integer.toString(k), dirs.resolve("w" + k).toString(),
                        config.uplinkChannel,
                        "aeron:udp?endpoint=127.0.0.1:" + ports[2 + k] + "|control=127.0.0.1:" + ports[1] + "|control-mode=dynamic",
                        CODEC, Long.toString(SEED),
                        Long.toString(k == 1 ? CORRUPT_ROUND : -1), Long.toString(k == 2 ? LATE_ROUND : -1), Long.toString(DELAY_MS)));
                for (final int s : SIZES) {
                    args.add(Integer.toString(s));
                }
                workers[k] = new ProcessBuilder(ChildJvm.command("256m", WorkerProcessMain.class.getName(), args))
                        .redirectErrorStream(true)
                        .redirectOutput(dirs.resolve("w" + k + ".log").toFile())
                        .start();
            }
            summary = server.run(ROUNDS, (report, estimate) -> {
                reports.add(report);
                estimates.add(estimate == null ? null : estimate.toArray());
                if (report.round() == KILL_AFTER_ROUND) {
                    workers[3].destroyForcibly();
                }
            });
            for (int k = 0; k < 3; k++) {
                assertTrue(workers[k].waitFor(30, TimeUnit.SECONDS), "worker " + k + " exits");
                assertEquals(0, workers[k].exitValue(), "worker " + k + " exit code; log: " + Files.readString(dirs.resolve("w" + k + ".log")));
            }
        } finally {
            for (final Process p : workers) {
                if (p != null) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            deleteTree(dirs);
        }
        assertFalse(Files.exists(dirs));
        assertEquals(openBefore, GradientBuffer.openCount(), "every off-heap buffer closed");

        assertEquals(ROUNDS, summary.rounds());
        assertEquals(1, summary.corruptFrames(), "worker 1's flipped frame rejected by its CRC");
        assertEquals(1, reports.get((int) CORRUPT_ROUND).corruptFrames());
        assertFalse(contains(reports.get((int) CORRUPT_ROUND).present(), 1), "corrupt frame not in the estimate");
        assertTrue(contains(reports.get((int) LATE_ROUND).late(), 2), "worker 2 late in round " + LATE_ROUND);
        assertEquals(1, summary.lateFrames(), "worker 2's late frame discarded when it arrived");
        assertEquals(1, summary.workersLost(), "worker 3 lost");
        assertArrayEquals(new int[] {3}, reports.get((int) (KILL_AFTER_ROUND + LOST_AFTER)).lost());
        // late events: worker 1 (its only frame was rejected), worker 2, worker 3 until declared lost
        assertEquals(1 + 1 + LOST_AFTER, summary.lateWorkers());
        assertEquals(0, summary.emptyRounds());
        for (int t = KILL_AFTER_ROUND + 1 > 0 ? (int) KILL_AFTER_ROUND + 1 : 0; t < ROUNDS; t++) {
            assertFalse(contains(reports.get(t).present(), 3), "killed worker absent from round " + t);
        }
        for (int t = 0; t < ROUNDS; t++) {
            final int[] present = reports.get(t).present();
            assertTrue(present.length >= 2, "round " + t + " has at least two workers: " + Arrays.toString(present));
            final float[] expected = ReferenceAggregation.estimate(codec, layout, SEED, t, present);
            assertArrayEquals(ReferenceAggregation.bits(expected), ReferenceAggregation.bits(estimates.get(t)),
                    "round " + t + " estimate is the in-process aggregation of workers " + Arrays.toString(present));
        }
    }

    private static boolean contains(final int[] a, final int v) {
        return Arrays.stream(a).anyMatch(x -> x == v);
    }

    private static int[] freeUdpPorts(final int n) throws IOException {
        final DatagramSocket[] sockets = new DatagramSocket[n];
        final int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                sockets[i] = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (final DatagramSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    private static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
