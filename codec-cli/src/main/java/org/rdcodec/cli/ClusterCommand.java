package org.rdcodec.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.rdcodec.transport.ChildJvm;
import org.rdcodec.transport.TransportConfig;
import org.rdcodec.transport.TransportDriver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rdc cluster}: a parameter server in this process with an embedded media driver and K worker
 * processes (same java binary, class path and JVM flags) sharing that driver, over IPC or loopback UDP.
 * Faults can be injected to watch the server handle them.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start a server and K worker processes on this host; print per-round bits, distortion and timing.")
final class ClusterCommand implements Callable<Integer> {

    /** How long the workers get to exit after the server's SHUTDOWN. */
    private static final long WORKER_EXIT_SECONDS = 20;

    @Mixin
    SourceOptions source;

    @Mixin
    TransportOptions transport;

    @Mixin
    MlpOptions mlp;

    @Option(names = "--rounds", defaultValue = "20", description = "rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--json", description = "one JSON object per round, the summary object last")
    boolean json;

    @Option(names = "--transport", defaultValue = "ipc", description = "ipc (default) or udp (loopback, ports from --base-port)")
    String mode;

    @Option(names = "--base-port", defaultValue = "40100", description = "udp: server ports base, base+1; worker k receives on base+2+k")
    int basePort;

    @Option(names = "--worker-heap", defaultValue = "512m", description = "-Xmx of each worker process (default ${DEFAULT-VALUE})")
    String workerHeap;

    @Option(names = "--corrupt", description = "fault k@r: worker k flips a byte of its frame of round r")
    String corrupt;

    @Option(names = "--late", description = "fault k@r: worker k sends its frame of round r two round timeouts late")
    String late;

    @Option(names = "--kill", description = "fault k@r: worker k is killed (SIGKILL) after round r")
    String kill;

    @Override
    public Integer call() throws Exception {
        source.layout();
        final TransportConfig config = transport.resolve();
        config.driver = TransportConfig.DriverMode.EMBEDDED;
        final String[] workerDownlink = new String[source.workers];
        if ("udp".equals(mode)) {
            final TransportConfig udp = TransportConfig.udp("127.0.0.1", basePort);
            config.uplinkChannel = udp.uplinkChannel;
            config.downlinkChannel = udp.downlinkChannel;
            for (int k = 0; k < source.workers; k++) {
                workerDownlink[k] = TransportConfig.udpWorkerDownlink("127.0.0.1", basePort, "127.0.0.1", basePort + 2 + k);
            }
        } else if ("ipc".equals(mode)) {
            for (int k = 0; k < source.workers; k++) {
                workerDownlink[k] = config.downlinkSubscribe();
            }
        } else {
            throw new CliInputException("--transport " + mode + ": expected ipc or udp");
        }
        final int[] corruptAt = fault(corrupt, "--corrupt");
        final int[] lateAt = fault(late, "--late");
        final int[] killAt = fault(kill, "--kill");
        final Process[] workers = new Process[source.workers];
        final Thread reaper = new Thread(() -> destroyAll(workers));
        try (TransportDriver driver = TransportDriver.start(config)) {
            Runtime.getRuntime().addShutdownHook(reaper);
            for (int k = 0; k < source.workers; k++) {
                workers[k] = start(k, driver.directory(), config, workerDownlink[k], corruptAt, lateAt);
            }
            if (!json) {
                System.out.println("media driver " + driver.directory() + ", " + source.workers + " worker processes over " + mode);
            }
            new ServerRun(source, mlp, config, json, System.out).run(driver, rounds, (report, estimate) -> {
                if (killAt != null && report.round() == killAt[1]) {
                    workers[killAt[0]].destroyForcibly();
                    System.err.println("rdc cluster: worker " + killAt[0] + " killed after round " + report.round());
                }
            });
            for (int k = 0; k < workers.length; k++) {
                if (!workers[k].waitFor(WORKER_EXIT_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println("rdc cluster: worker " + k + " did not exit; killing it");
                } else if (workers[k].exitValue() != 0 && (killAt == null || killAt[0] != k)) {
                    System.err.println("rdc cluster: worker " + k + " exited with " + workers[k].exitValue());
                }
            }
        } finally {
            destroyAll(workers);
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (final IllegalStateException | IllegalArgumentException e) {
                // shutting down already, or the hook was never added: the reaper runs or is not needed
            }
        }
        return 0;
    }

    private Process start(final int k, final String aeronDir, final TransportConfig config, final String downlink, final int[] corruptAt,
            final int[] lateAt) throws IOException {
        final List<String> args = new ArrayList<>(List.of("worker", "--worker", Integer.toString(k), "--quiet"));
        args.addAll(source.asArgs());
        args.addAll(mlp.asArgs());
        args.addAll(List.of("--driver", "EXTERNAL", "--aeron-dir", aeronDir,
                "--uplink", config.uplinkChannel, "--uplink-stream", Integer.toString(config.uplinkStream),
                "--downlink", config.downlinkChannel, "--downlink-subscribe", downlink,
                "--downlink-stream", Integer.toString(config.downlinkStream), "--downlink-codec", config.downlinkCodec,
                "--join-timeout-ms", Long.toString(config.joinTimeoutMs)));
        if (corruptAt != null && corruptAt[0] == k) {
            args.addAll(List.of("--corrupt-round", Integer.toString(corruptAt[1])));
        }
        if (lateAt != null && lateAt[0] == k) {
            args.addAll(List.of("--late-round", Integer.toString(lateAt[1]), "--late-ms", Long.toString(2 * config.roundTimeoutMs)));
        }
        return new ProcessBuilder(ChildJvm.command(workerHeap, Rdc.class.getName(), args))
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.INHERIT)
                .start();
    }

    /** Parses k@r into {k, r}; null if not given. */
    private int[] fault(final String text, final String flag) {
        if (text == null) {
            return null;
        }
        final String[] parts = text.split("@", -1);
        try {
            final int[] kr = {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            if (parts.length == 2 && kr[0] >= 0 && kr[0] < source.workers && kr[1] >= 0) {
                return kr;
            }
        } catch (final NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below with the expected form
        }
        throw new CliInputException(flag + " '" + text + "': expected k@r with k in 0.." + (source.workers - 1) + " and r >= 0");
    }

    private static void destroyAll(final Process[] processes) {
        for (final Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
