package org.rdcodec.transport;

import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;

/**
 * A worker process for {@link UdpFaultsTest}, with its own embedded driver (as on its own host). Arguments:
 * worker aeronDir uplinkChannel downlinkSubscribeChannel codec seed corruptRound delayRound delayMs sizes...
 */
final class WorkerProcessMain {

    private WorkerProcessMain() {
    }

    public static void main(final String[] args) {
        final int worker = Integer.parseInt(args[0]);
        final TransportConfig config = new TransportConfig();
        config.aeronDir = args[1];
        config.uplinkChannel = args[2];
        config.downlinkSubscribeChannel = args[3];
        config.joinTimeoutMs = 30000;
        config.serverSilenceTimeoutMs = 30000;
        final long seed = Long.parseLong(args[5]);
        final WorkerFaults faults = new WorkerFaults(Long.parseLong(args[6]), Long.parseLong(args[7]), Long.parseLong(args[8]));
        final int[] sizes = new int[args.length - 9];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Integer.parseInt(args[9 + i]);
        }
        final GradientLayout layout = GradientLayout.ofSizes(sizes);
        try (TransportDriver driver = TransportDriver.start(config);
             TransportWorker w = new TransportWorker(driver.aeron(), config, worker, layout, Codecs.create(args[4]), seed,
                     new SyntheticGradients(worker, seed)).faults(faults)) {
            System.out.println("summary " + w.run());
        }
    }
}
