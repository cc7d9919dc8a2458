package org.rdcodec.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.train.FashionMnist;
import org.rdcodec.train.RoundRecord;
import org.rdcodec.train.SweepPlots;
import org.rdcodec.train.TrainConfig;
import org.rdcodec.train.TrainRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rdc train-sweep}: the paper's Figure 8. For each rho, train with independent Gaussian noise so that
 * D(t) = sn2(t)(1 + rho)/K until the target accuracy; record the rounds and the average Rsum per round. Then the
 * same with real codecs, placed at their measured rho.
 */
@Command(name = "train-sweep", mixinStandardHelpOptions = true,
        description = "Figure 8: rounds to a target accuracy and average sum-rate per round against rho (noise injection and real codecs).")
final class TrainSweepCommand implements Callable<Integer> {

    @Mixin
    TrainOptions opts;

    @Option(names = "--rho", split = ",", defaultValue = "0,1,3,10,30,100,300,1000",
            description = "rho values (default ${DEFAULT-VALUE}); 'none' for no noise runs")
    String[] rhoArgs;

    @Option(names = "--merge", split = ",", description = "earlier sweep folders whose sweep.json rows join this sweep's table and figures")
    List<Path> merge = List.of();

    private double[] rhos;

    @Option(names = "--codecs", split = ";", defaultValue = "sign;qsgd;dithered",
            description = "codec specs separated by ';' (default ${DEFAULT-VALUE}); empty for none")
    List<String> codecs;

    @Option(names = "--out", defaultValue = "train-sweep-out", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--json", description = "print the sweep as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (opts.target == null) {
            throw new CliInputException("train-sweep needs --target-accuracy (e.g. 0.8)");
        }
        rhos = parseRhos(rhoArgs);
        final List<String> specs = new ArrayList<>();
        for (final String c : codecs) {
            if (!c.isBlank()) {
                CodecSpec.parse(c.trim());
                specs.add(c.trim());
            }
        }
        final List<SweepPlots.Point> noise = new ArrayList<>();
        final List<SweepPlots.Point> real = new ArrayList<>();
        final List<Map<String, Object>> rows = new ArrayList<>();
        final ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (final Path dir : merge) {
            readRows(om, dir, noise, real, rows);
        }
        Files.createDirectories(out);
        final FashionMnist data = rhos.length + specs.size() > 0 ? FashionMnist.load(opts.data) : null;
        final TrainConfig base = opts.config("identity");
        // The outputs are rewritten after every run, so an interrupted sweep keeps what it finished.
        for (final double rho : rhos) {
            final TrainRun.Result r = TrainRun.run(base.withRho(rho), data, opts.noProgress ? null : System.err);
            final SweepPlots.Point p = point("rho=" + rho, rho, r, opts.target);
            noise.add(p);
            rows.add(row("noise", p, r));
            TrainRun.write(r, out.resolve("rho=" + rho), "Gaussian noise rho=" + rho + ", K=" + base.workers());
            writeOutputs(om, noise, real, rows);
        }
        for (final String spec : specs) {
            final TrainRun.Result r = TrainRun.run(base.withCodec(spec), data, opts.noProgress ? null : System.err);
            final Object rho = r.summary().get("meanRho");
            final SweepPlots.Point p = point(spec, rho == null ? Double.NaN : (Double) rho, r, opts.target);
            real.add(p);
            rows.add(row("codec", p, r));
            TrainRun.write(r, out.resolve(spec.replaceAll("[^A-Za-z0-9=.]+", "_")), spec + ", K=" + base.workers());
            writeOutputs(om, noise, real, rows);
        }
        if (rows.isEmpty()) {
            throw new CliInputException("train-sweep: nothing to run or merge (give --rho, --codecs or --merge)");
        }
        writeOutputs(om, noise, real, rows);
        if (json) {
            System.out.println(om.writeValueAsString(rows));
        } else {
            for (final Map<String, Object> m : rows) {
                System.out.printf(Locale.ROOT, "%-6s %-24s rho %-10s rounds %-6s reached %-5s bits/round %s%n", m.get("kind"), m.get("name"),
                        m.get("rho"), m.get("rounds"), m.get("reachedTarget"), m.get("bitsPerRound"));
            }
            System.out.println("  wrote " + out.resolve("sweep.csv") + ", sweep.json, figure8-rounds.png, figure8-bits.png");
        }
        return 0;
    }

    private static double[] parseRhos(final String[] args) {
        if (args.length == 1 && ("none".equals(args[0].trim()) || args[0].isBlank())) {
            return new double[0];
        }
        final double[] r = new double[args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                r[i] = Double.parseDouble(args[i].trim());
            } catch (final NumberFormatException e) {
                throw new CliInputException("--rho: '" + args[i] + "' is not a number");
            }
            if (!(r[i] >= 0) || Double.isInfinite(r[i])) {
                throw new CliInputException("--rho: " + args[i] + " must be finite and >= 0");
            }
        }
        return r;
    }

    private void writeOutputs(final ObjectMapper om, final List<SweepPlots.Point> noise, final List<SweepPlots.Point> real,
            final List<Map<String, Object>> rows) throws java.io.IOException {
        SweepPlots.write(noise, real, opts.target, out);
        final List<String> csv = new ArrayList<>();
        csv.add("kind,name,rho,rounds,reachedTarget,bitsPerRound,testAccuracy");
        for (final Map<String, Object> m : rows) {
            csv.add(m.get("kind") + "," + m.get("name") + "," + m.get("rho") + "," + m.get("rounds") + "," + m.get("reachedTarget") + ","
                    + m.get("bitsPerRound") + "," + m.get("testAccuracy"));
        }
        Files.write(out.resolve("sweep.csv"), csv, StandardCharsets.UTF_8);
        om.writeValue(out.resolve("sweep.json").toFile(), rows);
    }

    /** Adds the rows of an earlier sweep's {@code sweep.json} (same fields as {@link #row}). */
    private static void readRows(final ObjectMapper om, final Path dir, final List<SweepPlots.Point> noise, final List<SweepPlots.Point> real,
            final List<Map<String, Object>> rows) throws java.io.IOException {
        final Path f = dir.resolve("sweep.json");
        if (!Files.isRegularFile(f)) {
            throw new CliInputException("--merge: " + f + " not found (give folders written by rdc train-sweep)");
        }
        final List<Map<String, Object>> in = om.readValue(f.toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        for (final Map<String, Object> m : in) {
            final Object rho = m.get("rho");
            final Object bits = m.get("bitsPerRound");
            final SweepPlots.Point p = new SweepPlots.Point(String.valueOf(m.get("name")), rho == null ? Double.NaN : ((Number) rho).doubleValue(),
                    ((Number) m.get("rounds")).intValue(), Boolean.TRUE.equals(m.get("reachedTarget")),
                    bits == null ? Double.NaN : ((Number) bits).doubleValue());
            ("noise".equals(m.get("kind")) ? noise : real).add(p);
            rows.add(m);
        }
    }

    private static SweepPlots.Point point(final String name, final double rho, final TrainRun.Result r, final double target) {
        double bits = 0;
        int n = 0;
        for (final RoundRecord rec : r.rounds()) {
            if (Double.isFinite(rec.bits())) {
                bits += rec.bits();
                n++;
            }
        }
        final Object acc = r.summary().get("testAccuracy");
        final boolean reached = acc != null && (Double) acc >= target;
        return new SweepPlots.Point(name, rho, r.rounds().size(), reached, n == 0 ? Double.NaN : bits / n);
    }

    private static Map<String, Object> row(final String kind, final SweepPlots.Point p, final TrainRun.Result r) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", p.name());
        m.put("rho", Double.isFinite(p.rho()) ? p.rho() : null);
        m.put("rounds", p.rounds());
        m.put("reachedTarget", p.reached());
        m.put("bitsPerRound", Double.isFinite(p.bitsPerRound()) ? p.bitsPerRound() : null);
        m.put("testAccuracy", r.summary().get("testAccuracy"));
        return m;
    }
}
