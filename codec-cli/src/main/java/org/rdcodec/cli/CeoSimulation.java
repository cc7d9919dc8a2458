package org.rdcodec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.sw.ceo.CeoAggregator;
import org.rdcodec.sw.ceo.CeoRoundResult;
import org.rdcodec.sw.ceo.CeoSpec;
import org.rdcodec.sw.ceo.PlaneKind;
import org.rdcodec.sw.ceo.PlaneStat;

/**
 * {@code rdc simulate --codec ceo:...}: the multi-worker CEO codec (codec-sw) on the Gaussian CEO source. The
 * same figures as the per-worker codecs (measured from the frames' bytes plus the fallback bits, and from the
 * actual estimate), plus per-worker bits, per-plane rates against the planes' conditional entropies, and
 * fallback counts. The first round is the bootstrap (no statistics yet); with --rounds &gt; 1 the summary
 * averages the rounds after it.
 */
final class CeoSimulation {

    /** Figures of one CEO round. */
    record CeoRound(Simulation.Round figures, double[] bitsPerWorker, int fallbacks, boolean bootstrap, boolean[] planeWorkers) {
    }

    private CeoSimulation() {
    }

    /**
     * Runs the rounds.
     *
     * @param layout layout
     * @param sx2 per layer
     * @param sn2 per worker and layer
     * @param spec the ceo spec
     * @param seed seed
     * @param rounds rounds
     * @param planeTotals filled with per-plane totals (kind, bits, entropy), keyed "worker/layer/plane"; may be null
     * @return one record per round
     */
    static List<CeoRound> simulate(final GradientLayout layout, final double[] sx2, final double[][] sn2, final CeoSpec spec,
            final long seed, final int rounds, final Map<String, double[]> planeTotals) {
        final int k = sn2.length;
        final Simulation measurer = new Simulation(layout, sx2, sn2, null, seed);
        final CeoAggregator agg = new CeoAggregator(layout, k, seed, spec);
        final List<CeoRound> out = new ArrayList<>();
        final int p = layout.totalSize();
        try (GaussianCeoSource source = new GaussianCeoSource(layout, sx2, sn2, seed);
             GradientBuffer estimate = GradientBuffer.allocate(p)) {
            for (int t = 0; t < rounds; t++) {
                source.draw(t);
                final float[][] y = new float[k][];
                for (int j = 0; j < k; j++) {
                    y[j] = source.y(j).toArray();
                }
                final long e0 = System.nanoTime();
                final var plan = agg.plan(t);
                final byte[][] frames = agg.encode(plan, y);
                final long e1 = System.nanoTime();
                final CeoRoundResult r = agg.decode(plan, frames);
                final long e2 = System.nanoTime();
                estimate.copyFrom(r.estimate());
                final int[] bytes = new int[k];
                final double[] perWorker = new double[k];
                for (int j = 0; j < k; j++) {
                    final long bits = r.frameBits()[j] + r.fallbackBits()[j];
                    bytes[j] = (int) ((bits + 7) / 8);
                    perWorker[j] = bits / (double) p;
                }
                final boolean[] planeWorkers = new boolean[k];
                for (final PlaneStat s : r.planes()) {
                    planeWorkers[s.worker()] = true;
                }
                out.add(new CeoRound(measurer.measure(t, source.x(), estimate, bytes, (e1 - e0) * 1e-9, (e2 - e1) * 1e-9),
                        perWorker, r.fallbacks(), plan.bootstrap(), planeWorkers));
                if (planeTotals != null && t > 0) {
                    for (final PlaneStat s : r.planes()) {
                        final double[] acc = planeTotals.computeIfAbsent(s.worker() + "/" + s.layer() + "/" + s.plane(),
                                key -> new double[PlaneKind.values().length + 5]);
                        acc[s.kind().ordinal()]++;
                        acc[PlaneKind.values().length] += s.sourceBits();
                        acc[PlaneKind.values().length + 1] += s.sentBits() + s.fallbackBits();
                        acc[PlaneKind.values().length + 2] += s.conditionalEntropyBits();
                        acc[PlaneKind.values().length + 3] += s.fallbacks();
                    }
                }
            }
        }
        return out;
    }

    static int run(final SimulateCommand cmd, final GradientLayout layout, final double[] sx2, final double[][] sn2) throws Exception {
        final CeoSpec spec = CeoSpec.parse(cmd.codec);
        final Map<String, double[]> planes = new LinkedHashMap<>();
        final List<CeoRound> all = simulate(layout, sx2, sn2, spec, cmd.seed, cmd.rounds, planes);
        final List<CeoRound> counted = all.size() > 1 ? all.subList(1, all.size()) : all;
        final int n = counted.size();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("codec", spec.toString());
        m.put("unbiased", true);
        m.put("workers", cmd.workers);
        m.put("dim", layout.totalSize());
        m.put("layers", layout.layerCount());
        m.put("sx2", sx2);
        m.put("sn2", cmd.sn2);
        m.put("seed", cmd.seed);
        m.put("roundsAveraged", n);
        m.put("mse", counted.stream().mapToDouble(r -> r.figures().mse()).average().orElseThrow());
        final double[] dl = new double[layout.layerCount()];
        for (final CeoRound r : counted) {
            for (int l = 0; l < dl.length; l++) {
                dl[l] += r.figures().distortionPerLayer()[l] / n;
            }
        }
        m.put("distortionPerLayer", dl);
        m.put("bitsPerCoordinate", counted.stream().mapToDouble(r -> r.figures().bitsPerCoordinate()).average().orElseThrow());
        m.put("rsumBitsPerCoordinate", average(counted, true));
        m.put("rinBitsPerCoordinate", average(counted, false));
        m.put("slope", counted.stream().mapToDouble(r -> r.figures().slope()).average().orElseThrow());
        m.put("slopeStdErr", Math.sqrt(counted.stream().mapToDouble(r -> r.figures().slopeStdErr() * r.figures().slopeStdErr()).sum()) / n);
        m.put("meanError", counted.stream().mapToDouble(r -> r.figures().meanError()).average().orElseThrow());
        m.put("meanErrorStdErr", Math.sqrt(counted.stream().mapToDouble(r -> r.figures().meanErrorStdErr() * r.figures().meanErrorStdErr()).sum()) / n);
        m.put("encodeSeconds", counted.stream().mapToDouble(r -> r.figures().encodeSeconds()).average().orElseThrow());
        m.put("decodeSeconds", counted.stream().mapToDouble(r -> r.figures().decodeSeconds()).average().orElseThrow());
        final double[] perWorker = new double[cmd.workers];
        for (final CeoRound r : counted) {
            for (int j = 0; j < perWorker.length; j++) {
                perWorker[j] += r.bitsPerWorker()[j] / n;
            }
        }
        m.put("bitsPerCoordinatePerWorker", perWorker);
        m.put("fallbacks", counted.stream().mapToInt(CeoRound::fallbacks).sum());
        m.put("idealSwBitsPerCoordinate", all.size() > 1 ? idealBits(counted, planes, layout.totalSize()) : null);
        final List<Map<String, Object>> planeRows = new ArrayList<>();
        final int kinds = PlaneKind.values().length;
        for (final Map.Entry<String, double[]> e : planes.entrySet()) {
            final String[] id = e.getKey().split("/");
            final double[] a = e.getValue();
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("worker", Integer.parseInt(id[0]));
            row.put("layer", Integer.parseInt(id[1]));
            row.put("plane", Integer.parseInt(id[2]));
            final StringBuilder kind = new StringBuilder();
            for (final PlaneKind pk : PlaneKind.values()) {
                if (a[pk.ordinal()] > 0) {
                    kind.append(kind.isEmpty() ? "" : "+").append(pk.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            row.put("kind", kind.toString());
            row.put("bitsPerSourceBit", a[kinds + 1] / a[kinds]);
            row.put("conditionalEntropyPerSourceBit", a[kinds + 2] / a[kinds]);
            row.put("rateOverEntropy", a[kinds + 2] > 0 ? a[kinds + 1] / a[kinds + 2] : null);
            row.put("fallbacks", (int) a[kinds + 3]);
            planeRows.add(row);
        }
        m.put("planes", planeRows);
        final List<Simulation.Round> rounds = new ArrayList<>();
        for (final CeoRound r : all) {
            rounds.add(r.figures());
        }
        m.put("rounds", rounds);
        if (cmd.json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            SimulateCommand.printTable(m, n);
            System.out.printf(java.util.Locale.ROOT, "  %-24s %s%n", "fallbacks", m.get("fallbacks"));
        }
        return 0;
    }

    /**
     * Bits per coordinate the same quantizer would cost with ideal Slepian-Wolf codes: the entropy-coded
     * workers' measured bits plus, for bit-plane workers, the planes' conditional entropies (from the server's
     * LLRs), averaged over the counted rounds.
     *
     * @param counted the counted rounds (the plane totals must come from the same rounds)
     * @param planes plane totals from {@link #simulate}
     * @param p coordinates
     * @return ideal bits per coordinate
     */
    static double idealBits(final List<CeoRound> counted, final Map<String, double[]> planes, final int p) {
        final int kinds = PlaneKind.values().length;
        final int n = counted.size();
        final java.util.Map<Integer, double[]> perWorker = new java.util.HashMap<>();
        for (final Map.Entry<String, double[]> e : planes.entrySet()) {
            final int worker = Integer.parseInt(e.getKey().split("/")[0]);
            final double[] acc = perWorker.computeIfAbsent(worker, w -> new double[2]);
            acc[0] += e.getValue()[kinds + 2];
            double roundsWithPlanes = 0;
            for (int k = 0; k < kinds; k++) {
                roundsWithPlanes += e.getValue()[k];
            }
            acc[1] = Math.max(acc[1], roundsWithPlanes);
        }
        double bits = 0;
        for (final CeoRound r : counted) {
            for (int k = 0; k < r.bitsPerWorker().length; k++) {
                bits += r.bitsPerWorker()[k] / n;
            }
        }
        // replace each plane-coded worker's measured bits in the rounds it sent planes by its entropies
        for (final Map.Entry<Integer, double[]> e : perWorker.entrySet()) {
            final int k = e.getKey();
            double measured = 0;
            int roundsCounted = 0;
            for (final CeoRound r : counted) {
                if (r.planeWorkers()[k]) {
                    measured += r.bitsPerWorker()[k];
                    roundsCounted++;
                }
            }
            if (roundsCounted > 0) {
                bits += (e.getValue()[0] / p - measured) / n;
            }
        }
        return bits;
    }

    private static Double average(final List<CeoRound> rs, final boolean rsum) {
        double s = 0;
        for (final CeoRound r : rs) {
            final Double v = rsum ? r.figures().rsumBitsPerCoordinate() : r.figures().rinBitsPerCoordinate();
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s / rs.size();
    }
}
