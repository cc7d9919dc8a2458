package org.rdcodec.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Runs a {@link DistributedTrainer} with an optional progress bar and writes its per-round CSV/JSON, summary and figures. */
public final class TrainRun {

    /** The rounds and summary of a finished run. @param rounds every round @param summary the summary */
    public record Result(List<RoundRecord> rounds, Map<String, Object> summary) {
    }

    private TrainRun() {
    }

    /**
     * @param cfg configuration
     * @param data data set
     * @param progress where the progress bar goes (null: none)
     * @return the rounds and the summary
     */
    public static Result run(final TrainConfig cfg, final FashionMnist data, final PrintStream progress) {
        final long start = System.nanoTime();
        try (DistributedTrainer trainer = new DistributedTrainer(cfg, data)) {
            final List<RoundRecord> rounds;
            if (progress == null) {
                rounds = trainer.run(r -> { });
            } else {
                final String name = cfg.noiseMode() ? "rho=" + cfg.rho() : cfg.codec();
                try (ProgressBar pb = new ProgressBarBuilder().setTaskName("train " + name).setInitialMax(cfg.maxRounds())
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(progress)).setUpdateIntervalMillis(250)
                        .build()) {
                    final double[] acc = {Double.NaN};
                    rounds = trainer.run(r -> {
                        if (r.hasEval()) {
                            acc[0] = r.testAccuracy();
                        }
                        pb.step();
                        pb.setExtraMessage(String.format(Locale.ROOT, "loss %.3f acc %.3f %.2f b/coord", r.trainLoss(), acc[0],
                                r.bitsPerCoordinate()));
                    });
                }
            }
            final Map<String, Object> summary = TrainSummary.of(cfg, trainer, rounds, (System.nanoTime() - start) * 1e-9);
            return new Result(rounds, summary);
        }
    }

    /**
     * Writes {@code rounds.csv}, {@code rounds.json}, {@code summary.json} and the figures 6 and 7.
     *
     * @param result a finished run
     * @param dir output folder (created)
     * @param label names the run in chart titles
     * @return the files written
     * @throws IOException if writing fails
     */
    public static List<Path> write(final Result result, final Path dir, final String label) throws IOException {
        Files.createDirectories(dir);
        final List<Path> files = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        lines.add(RoundRecord.CSV_HEADER);
        for (final RoundRecord r : result.rounds()) {
            lines.add(r.csvRow());
        }
        final Path csv = dir.resolve("rounds.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        files.add(csv);
        final ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final Path json = dir.resolve("rounds.json");
        om.writeValue(json.toFile(), result.rounds().stream().map(TrainRun::jsonRow).toList());
        files.add(json);
        final Path summary = dir.resolve("summary.json");
        om.writeValue(summary.toFile(), result.summary());
        files.add(summary);
        final Path f6 = dir.resolve("figure6-gradient-statistics.png");
        TrainPlots.figure6(result.rounds(), "Figure 6: gradient statistics, " + label, f6);
        files.add(f6);
        final Path f7 = dir.resolve("figure7-bits-per-round.png");
        TrainPlots.figure7(result.rounds(), "Figure 7: bits per round, " + label, f7);
        files.add(f7);
        return files;
    }

    /** A round as a JSON object without NaN (JSON has none): unmeasured fields become null. */
    static Map<String, Object> jsonRow(final RoundRecord r) {
        final Map<String, Object> m = new java.util.LinkedHashMap<>();
        final String[] names = RoundRecord.CSV_HEADER.split(",");
        final String[] cells = r.csvRow().split(",", -1);
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], cells[i].isEmpty() ? null : (i == 0 ? (Object) Integer.parseInt(cells[i]) : (Object) Double.parseDouble(cells[i])));
        }
        if (r.hasStats()) {
            m.put("sx2PerLayer", r.sx2PerLayer());
            m.put("sn2PerLayer", r.sn2PerLayer());
            m.put("sn2PerWorkerLayer", r.sn2PerWorkerLayer());
            m.put("distortionPerLayer", r.distortionPerLayer());
        }
        m.put("quantDistortionPerLayer", r.quantDistortionPerLayer());
        return m;
    }
}
