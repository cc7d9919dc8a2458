package org.rdcodec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rdc report}: summarises JMH JSON result files ({@code jmh-results/*.json}) as Markdown, with
 * GB/s of float input per core and the ratios to the streaming-read baseline and the scalar reference.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Summarise JMH JSON results (GB/s, ratio to the streaming-read baseline and to scalar) as Markdown.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", paramLabel = "DIR", defaultValue = "jmh-results",
            description = "Directory of JMH JSON files (java -jar benchmarks.jar -rf json). Default: ${DEFAULT-VALUE}.")
    private Path in;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "jmh-results/summary.md",
            description = "Markdown file to write. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--baseline", paramLabel = "CLASS", defaultValue = "StreamingReadBenchmark",
            description = "Simple name of the benchmark class whose fastest method per size is the read baseline. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String baseline;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(in)) {
            throw new ReportException("--in " + in + " is not a directory");
        }
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(in, "*.json")) {
            ds.forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new ReportException("--in " + in + " holds no *.json files");
        }
        files.sort(null);
        final List<JmhResult.Run> runs = new ArrayList<>();
        int rows = 0;
        for (final Path f : files) {
            final JmhResult.Run run = JmhResult.read(f);
            runs.add(run);
            rows += run.results().size();
        }
        final String md = new JmhSummary(baseline).render(runs, in + "/*.json");
        final Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, md, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("wrote " + out + " (" + rows + " results from " + files.size() + " files)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
