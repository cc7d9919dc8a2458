package org.rdcodec.cli;

import java.util.concurrent.Callable;

import org.rdcodec.transport.TransportConfig;
import org.rdcodec.transport.TransportDriver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rdc serve}: the parameter server of a transport run on the Gaussian CEO source. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Parameter server over Aeron: announce rounds, decode the K workers' frames, broadcast estimates.")
final class ServeCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        final TransportConfig config = transport.resolve();
        try (TransportDriver driver = TransportDriver.start(config)) {
            if (!json) {
                System.out.println("media driver: " + driver.directory() + (driver.embedded() ? " (embedded)" : " (external)"));
            }
            new ServerRun(source, mlp, config, json, System.out).run(driver, rounds, null);
        }
        return 0;
    }
}
