package org.rdcodec.cli;

import java.nio.file.Path;

import org.rdcodec.transport.TransportConfig;

import picocli.CommandLine.Option;

/** Transport flags shared by {@code rdc serve}, {@code rdc worker} and {@code rdc cluster}: a config file, then single overrides. */
final class TransportOptions {

    @Option(names = "--config", description = "transport config (JSON; fields of org.rdcodec.transport.TransportConfig)")
    Path config;

    @Option(names = "--driver", description = "media driver: EMBEDDED (default) or EXTERNAL (needs --aeron-dir)")
    TransportConfig.DriverMode driver;

    @Option(names = "--aeron-dir", description = "media driver directory (default: a fresh one under /dev/shm for an embedded driver)")
    String aeronDir;

    @Option(names = "--uplink", description = "worker-to-server channel (default aeron:ipc), e.g. aeron:udp?endpoint=10.0.0.1:40100")
    String uplink;

    @Option(names = "--uplink-stream", description = "uplink stream id (default 9101)")
    Integer uplinkStream;

    @Option(names = "--downlink", description = "server-to-workers channel the server publishes on (default aeron:ipc), "
            + "e.g. aeron:udp?control=10.0.0.1:40101|control-mode=dynamic")
    String downlink;

    @Option(names = "--downlink-subscribe", description = "the channel a worker subscribes to (default: --downlink), "
            + "e.g. aeron:udp?endpoint=10.0.0.2:40102|control=10.0.0.1:40101|control-mode=dynamic")
    String downlinkSubscribe;

    @Option(names = "--downlink-stream", description = "downlink stream id (default 9102)")
    Integer downlinkStream;

    @Option(names = "--downlink-codec", description = "codec of the broadcast estimate (default identity: float32, exact)")
    String downlinkCodec;

    @Option(names = "--round-timeout-ms", description = "how long a round waits for frames (default 2000)")
    Long roundTimeoutMs;

    @Option(names = "--first-round-timeout-ms", description = "round 0's timeout, which includes JIT warm-up (default 30000)")
    Long firstRoundTimeoutMs;

    @Option(names = "--join-timeout-ms", description = "how long to wait for the workers / the server (default 30000)")
    Long joinTimeoutMs;

    @Option(names = "--lost-after", description = "rounds a worker may miss in a row before it is declared lost (default 3)")
    Integer lostAfter;

    @Option(names = "--request-timeout-ms", description = "ceo codec: how long the server waits for a worker's reply to one "
            + "back-channel request before dropping it from the round (default 2000)")
    Long requestTimeoutMs;

    @Option(names = "--max-requests", description = "ceo codec: back-channel requests allowed per round (default 100000)")
    Integer maxRequests;

    /** @return the file's configuration (or the defaults) with the flags given applied */
    TransportConfig resolve() {
        final TransportConfig c = config != null ? TransportConfig.load(config) : new TransportConfig();
        if (driver != null) {
            c.driver = driver;
        }
        if (aeronDir != null) {
            c.aeronDir = aeronDir;
        }
        if (uplink != null) {
            c.uplinkChannel = uplink;
        }
        if (uplinkStream != null) {
            c.uplinkStream = uplinkStream;
        }
        if (downlink != null) {
            c.downlinkChannel = downlink;
        }
        if (downlinkSubscribe != null) {
            c.downlinkSubscribeChannel = downlinkSubscribe;
        }
        if (downlinkStream != null) {
            c.downlinkStream = downlinkStream;
        }
        if (downlinkCodec != null) {
            c.downlinkCodec = downlinkCodec;
        }
        if (roundTimeoutMs != null) {
            c.roundTimeoutMs = roundTimeoutMs;
        }
        if (firstRoundTimeoutMs != null) {
            c.firstRoundTimeoutMs = firstRoundTimeoutMs;
        }
        if (joinTimeoutMs != null) {
            c.joinTimeoutMs = joinTimeoutMs;
        }
        if (lostAfter != null) {
            c.lostAfterMissedRounds = lostAfter;
        }
        if (requestTimeoutMs != null) {
            c.requestTimeoutMs = requestTimeoutMs;
        }
        if (maxRequests != null) {
            c.maxRequestsPerRound = maxRequests;
        }
        return c;
    }
}
