package org.rdcodec.transport;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Channels, stream ids, timeouts and the media driver of a server or worker. Every field has a default
 * (IPC on one host with an embedded driver); a JSON file overrides some ({@link #load}), CLI flags then
 * override single fields. Example for two hosts (server 10.0.0.1, a worker host 10.0.0.2):
 *
 * <pre>
 * {"uplinkChannel": "aeron:udp?endpoint=10.0.0.1:40100",
 *  "downlinkChannel": "aeron:udp?control=10.0.0.1:40101|control-mode=dynamic",
 *  "downlinkSubscribeChannel": "aeron:udp?endpoint=10.0.0.2:40102|control=10.0.0.1:40101|control-mode=dynamic",
 *  "roundTimeoutMs": 2000}
 * </pre>
 */
public final class TransportConfig {

    /** Where the media driver runs. */
    public enum DriverMode {
        /** this process launches its own driver (in {@link #aeronDir}, or a fresh directory deleted on close). */
        EMBEDDED,
        /** connect to a driver already running in {@link #aeronDir} (e.g. the one of {@code rdc cluster}'s server). */
        EXTERNAL
    }

    /** Media driver: embedded (default) or external. */
    public DriverMode driver = DriverMode.EMBEDDED;
    /** The driver's directory; null with an embedded driver means a fresh one under /dev/shm (or java.io.tmpdir). */
    public String aeronDir;
    /** Driver threading mode: SHARED (one thread, default), SHARED_NETWORK or DEDICATED. */
    public String threadingMode = "SHARED";
    /** Worker-to-server channel: the workers publish on it, the server subscribes. */
    public String uplinkChannel = "aeron:ipc";
    /** Stream id of the uplink. */
    public int uplinkStream = 9101;
    /** Server-to-workers channel the server publishes on (IPC, or UDP multi-destination with control-mode=dynamic). */
    public String downlinkChannel = "aeron:ipc";
    /** The channel the workers subscribe to for the downlink; null means {@link #downlinkChannel}. */
    public String downlinkSubscribeChannel;
    /** Stream id of the downlink. */
    public int downlinkStream = 9102;
    /** How long the server waits for a round's frames after announcing it. */
    public long roundTimeoutMs = 2000;
    /**
     * Round timeout of round 0, which also pays for class loading, JIT compilation and the first use of every
     * buffer in K freshly started processes (seconds on a busy machine, against milliseconds later).
     */
    public long firstRoundTimeoutMs = 30000;
    /** How long the server waits for the workers' HELLO, and a worker for the server's first message. */
    public long joinTimeoutMs = 30000;
    /** A worker silent for this many consecutive rounds is declared lost and no longer waited for. */
    public int lostAfterMissedRounds = 3;
    /** Bound on the time spent retrying one offer under back pressure (or before the peer connects). */
    public long offerTimeoutMs = 1000;
    /** Bound on the number of retries of one offer. */
    public int maxOfferRetries = 1_000_000;
    /** A worker that hears nothing from the server for this long gives up. */
    public long serverSilenceTimeoutMs = 60000;
    /**
     * How long the server waits for a worker's reply to one back-channel request (CEO codec); a worker that
     * does not answer in time is dropped from the rest of the round.
     */
    public long requestTimeoutMs = 2000;
    /** Bound on the back-channel requests of one round; past it, workers needing more are dropped from the round. */
    public int maxRequestsPerRound = 100_000;
    /** Largest message reassembled from chunks (bounds what a bad chunk header can make the server allocate). */
    public int maxReassembledBytes = 1 << 30;
    /** Codec of the estimate the server broadcasts (a codec spec; identity sends float32 exactly). */
    public String downlinkCodec = "identity";

    /** A configuration with every default. */
    public TransportConfig() {
    }

    /** @return the downlink channel the workers subscribe to */
    public String downlinkSubscribe() {
        return downlinkSubscribeChannel != null ? downlinkSubscribeChannel : downlinkChannel;
    }

    /** @return a copy */
    public TransportConfig copy() {
        return MAPPER.convertValue(this, TransportConfig.class);
    }

    /**
     * Reads a JSON file over the defaults (absent fields keep their default).
     *
     * @param file the file
     * @return the configuration
     * @throws TransportException if the file cannot be read or has unknown fields
     */
    public static TransportConfig load(final Path file) {
        try {
            return MAPPER.readerForUpdating(new TransportConfig()).readValue(file.toFile());
        } catch (final IOException e) {
            throw new TransportException("transport config " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A loopback UDP configuration: the server receives on {@code basePort}, controls its downlink on
     * {@code basePort + 1}; worker k's subscription is given by {@link #udpWorkerDownlink}.
     *
     * @param host the server's address
     * @param basePort first of the server's two ports
     * @return the configuration (the workers also need {@link #udpWorkerDownlink})
     */
    public static TransportConfig udp(final String host, final int basePort) {
        final TransportConfig c = new TransportConfig();
        c.uplinkChannel = "aeron:udp?endpoint=" + host + ":" + basePort;
        c.downlinkChannel = "aeron:udp?control=" + host + ":" + (basePort + 1) + "|control-mode=dynamic";
        return c;
    }

    /**
     * @param serverHost the server's address
     * @param basePort as given to {@link #udp}
     * @param workerHost the worker's address
     * @param workerPort the port the worker receives the downlink on
     * @return the worker's downlink subscription channel
     */
    public static String udpWorkerDownlink(final String serverHost, final int basePort, final String workerHost, final int workerPort) {
        return "aeron:udp?endpoint=" + workerHost + ":" + workerPort + "|control=" + serverHost + ":" + (basePort + 1)
                + "|control-mode=dynamic";
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
}
