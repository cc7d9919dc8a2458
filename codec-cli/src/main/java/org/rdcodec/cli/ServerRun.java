package org.rdcodec.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.train.FashionMnist;
import org.rdcodec.train.Mlp;
import org.rdcodec.transport.ParameterServer;
import org.rdcodec.transport.RoundCodecs;
import org.rdcodec.transport.RoundListener;
import org.rdcodec.transport.RoundReport;
import org.rdcodec.transport.ServerSummary;
import org.rdcodec.transport.TransportConfig;
import org.rdcodec.transport.TransportDriver;

/**
 * The parameter server of {@code rdc serve} and {@code rdc cluster} on the Gaussian CEO source: runs the
 * rounds and prints, per round, the bits of the accepted frames per coordinate, the estimate's MSE against
 * the true X (redrawn from the seed) and the round time; then a summary. With JSON, one object per line
 * and the summary object last.
 */
final class ServerRun {

    private final SourceOptions source;
    private final MlpOptions mlp;
    private final TransportConfig config;
    private final boolean json;
    private final PrintStream out;

    ServerRun(final SourceOptions source, final MlpOptions mlp, final TransportConfig config, final boolean json, final PrintStream out) {
        this.source = source;
        this.mlp = mlp;
        this.config = config;
        this.json = json;
        this.out = out;
    }

    /**
     * @param driver the process's driver and client
     * @param rounds rounds
     * @param after called after each round's figures are printed (e.g. to kill a worker), may be null
     * @return the summary that was printed
     */
    Map<String, Object> run(final TransportDriver driver, final int rounds, final RoundListener after) {
        final GradientLayout layout = mlp.mnist ? Mlp.layoutOf(mlp.sizes()) : source.layout();
        final int p = layout.totalSize();
        final WorkerGaussianSource truth = mlp.mnist ? null
                : new WorkerGaussianSource(layout, source.sx2(), null, -1, source.seed, source.replay);
        final MlpReplica replica = mlp.mnist ? new MlpReplica(mlp, FashionMnist.load(mlp.data).test(), source.seed) : null;
        final Double[] accuracy = new Double[1];
        final List<Double> mses = new ArrayList<>();
        final List<Double> bits = new ArrayList<>();
        final List<Double> secondsAfterFirst = new ArrayList<>();
        final ObjectMapper mapper = new ObjectMapper();
        if (!json) {
            out.println(String.format(Locale.ROOT, "%6s %8s %10s %12s %10s  %s", "round", "workers", "bits/coord", mlp.mnist ? "accuracy" : "mse",
                    "seconds", "events"));
        }
        final ServerSummary summary;
        try (GradientBuffer x = GradientBuffer.allocate(p);
             ParameterServer server = new ParameterServer(driver.aeron(), config, source.workers, layout,
                     RoundCodecs.aggregator(source.codec, layout, source.workers, source.seed, config), source.seed)) {
            summary = server.run(rounds, (report, estimate) -> {
                // frames plus what the back channel was charged (CEO codec: ladder bits, raw fallbacks, requests)
                final double b = (report.frameBytes() * 8.0 + report.backChannel().bits()) / p;
                Double mse = null;
                Double acc = null;
                if (replica != null) {
                    if (estimate != null) {
                        replica.step(estimate);
                        bits.add(b);
                    }
                    if ((report.round() + 1) % mlp.evalEvery == 0 || report.round() == rounds - 1) {
                        acc = replica.accuracy();
                        accuracy[0] = acc;
                    }
                } else if (estimate != null) {
                    truth.gradient(report.round(), x);
                    double s = 0;
                    for (int i = 0; i < p; i++) {
                        final double e = estimate.get(i) - x.get(i);
                        s += e * e;
                    }
                    mse = s / p;
                    mses.add(mse);
                    bits.add(b);
                }
                if (report.round() > 0) {
                    secondsAfterFirst.add(report.seconds());
                }
                print(mapper, report, b, mse, acc);
                if (after != null) {
                    after.onRound(report, estimate);
                }
            });
        }
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("rounds", summary.rounds());
        m.put("meanRoundSeconds", summary.meanRoundSeconds());
        m.put("meanRoundSecondsAfterFirst", mean(secondsAfterFirst));
        m.put("bitsPerCoordinate", mean(bits));
        m.put("meanMse", mean(mses));
        if (replica != null) {
            m.put("testAccuracy", accuracy[0]);
        }
        m.put("lateWorkers", summary.lateWorkers());
        m.put("corruptFrames", summary.corruptFrames());
        m.put("workersLost", summary.workersLost());
        m.put("lateFrames", summary.lateFrames());
        m.put("rejoins", summary.rejoins());
        m.put("emptyRounds", summary.emptyRounds());
        m.put("offerFailures", summary.offerFailures());
        m.put("requests", summary.requests());
        m.put("fallbacks", summary.fallbacks());
        m.put("backChannelBits", summary.backChannelBits());
        m.put("workersDropped", summary.workersDropped());
        m.put("chunkErrors", summary.chunkErrors());
        m.put("codec", source.codec);
        m.put("downlinkCodec", config.downlinkCodec);
        m.put("workers", source.workers);
        m.put("dim", p);
        m.put("uplinkChannel", config.uplinkChannel);
        if (json) {
            out.println(write(mapper, m));
        } else {
            if (replica != null && accuracy[0] != null) {
                out.println(String.format(Locale.ROOT, "test accuracy %.4f", accuracy[0]));
            }
            out.println(String.format(Locale.ROOT,
                    "%d rounds, mean %.4f s (%.4f s after round 0), %.4f bits/coord%s; late workers %d, corrupt frames %d, "
                            + "workers lost %d, late frames %d, empty rounds %d, requests %d, fallbacks %d, dropped %d",
                    summary.rounds(), summary.meanRoundSeconds(), orNaN(m.get("meanRoundSecondsAfterFirst")), orNaN(m.get("bitsPerCoordinate")),
                    replica != null ? "" : String.format(Locale.ROOT, ", mse %.5f", orNaN(m.get("meanMse"))), summary.lateWorkers(), summary.corruptFrames(), summary.workersLost(), summary.lateFrames(),
                    summary.emptyRounds(), summary.requests(), summary.fallbacks(), summary.workersDropped()));
        }
        return m;
    }

    private void print(final ObjectMapper mapper, final RoundReport r, final double bitsPerCoord, final Double mse, final Double acc) {
        if (json) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("round", r.round());
            m.put("present", r.present());
            m.put("late", r.late());
            m.put("lost", r.lost());
            m.put("corruptFrames", r.corruptFrames());
            m.put("lateFrames", r.lateFrames());
            m.put("bitsPerCoordinate", bitsPerCoord);
            m.put("mse", mse);
            if (acc != null) {
                m.put("testAccuracy", acc);
            }
            m.put("requests", r.backChannel().requests());
            m.put("fallbacks", r.backChannel().fallbacks());
            m.put("dropped", r.dropped());
            m.put("downlinkBytes", r.downlinkBytes());
            m.put("seconds", r.seconds());
            out.println(write(mapper, m));
            return;
        }
        final StringBuilder events = new StringBuilder();
        if (r.late().length > 0) {
            events.append("late ").append(Arrays.toString(r.late())).append(' ');
        }
        if (r.lost().length > 0) {
            events.append("lost ").append(Arrays.toString(r.lost())).append(' ');
        }
        if (r.corruptFrames() > 0) {
            events.append("corrupt ").append(r.corruptFrames()).append(' ');
        }
        if (r.lateFrames() > 0) {
            events.append("late frames ").append(r.lateFrames()).append(' ');
        }
        if (r.dropped().length > 0) {
            events.append("dropped ").append(Arrays.toString(r.dropped())).append(' ');
        }
        if (r.backChannel().requests() > 0) {
            events.append("requests ").append(r.backChannel().requests()).append(" fallbacks ").append(r.backChannel().fallbacks());
        }
        out.println(String.format(Locale.ROOT, "%6d %4d/%-3d %10.4f %12s %10.4f  %s", r.round(), r.present().length, r.expected(),
                bitsPerCoord, mse != null ? String.format(Locale.ROOT, "%.6f", mse) : acc != null ? String.format(Locale.ROOT, "%.4f", acc) : "-",
                r.seconds(), events.toString().strip()));
    }

    private static String write(final ObjectMapper mapper, final Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static Double mean(final List<Double> v) {
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double orNaN(final Object v) {
        return v == null ? Double.NaN : (Double) v;
    }
}
