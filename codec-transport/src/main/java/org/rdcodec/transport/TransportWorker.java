package org.rdcodec.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.GradientDecoder;

/**
 * One worker of the round protocol: says HELLO once the server's downlink is connected, then for every
 * announced round encodes its gradient straight behind a {@link MessageHeader} in one buffer and offers
 * header and frame as one Aeron message (Aeron fragments it and the server's {@link FragmentAssembler}
 * reassembles it); a message longer than the publication's maximum message is sent as CHUNK messages
 * ({@link ChunkHeader}, zero-copy: chunk header and frame slice offered as two buffers). It answers the
 * server's back-channel REQUESTs addressed to it, and decodes the estimates the server broadcasts. Stops on SHUTDOWN, when the server's
 * downlink goes away, or after {@code serverSilenceTimeoutMs} without a message.
 */
public final class TransportWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TransportWorker.class.getName());
    private static final int FRAGMENT_LIMIT = 16;

    private final TransportConfig config;
    private final int worker;
    private final GradientSource source;
    private final WorkerRoundCodec encoder;
    private final GradientDecoder downlinkDecoder;
    private final GradientBuffer gradient;
    private final GradientBuffer estimate;
    private final GrowableBuffer frames;
    private final UnsafeBuffer chunkHead = new UnsafeBuffer(ByteBuffer.allocateDirect(MessageHeader.LENGTH + ChunkHeader.LENGTH));
    private final ChunkHeader chunkHeader = new ChunkHeader();
    private final BackRequest request = new BackRequest();
    private final ExclusivePublication uplink;
    private final Subscription downlink;
    private final FragmentAssembler assembler;
    private final Offers offers;
    private final MessageHeader inHeader = new MessageHeader();
    private final MessageHeader outHeader = new MessageHeader();
    private final IdleStrategy idle = new BackoffIdleStrategy();
    private WorkerFaults faults = WorkerFaults.NONE;

    private long framesSent;
    private long chunksSent;
    private long requestsAnswered;
    private long currentRound = -1;
    private long estimates;
    private long corruptEstimates;
    private boolean shutdown;
    private boolean vanished;
    private long lastMessageNs;

    /**
     * Creates the worker's publication and subscription.
     *
     * @param aeron the Aeron client
     * @param config channels, streams and timeouts
     * @param worker this worker's index k
     * @param layout the gradient layout
     * @param codec the codec of the frames
     * @param seed the shared seed
     * @param source the gradients (and the consumer of estimates)
     */
    public TransportWorker(final Aeron aeron, final TransportConfig config, final int worker, final GradientLayout layout,
            final GradientCodec codec, final long seed, final GradientSource source) {
        this(aeron, config, worker, layout, new EncoderRoundCodec(codec.newEncoder(layout, worker, seed)), seed, source);
    }

    /**
     * Creates the worker's publication and subscription for a round codec (e.g. {@link CeoWorkerRoundCodec}).
     *
     * @param aeron the Aeron client
     * @param config channels, streams and timeouts
     * @param worker this worker's index k
     * @param layout the gradient layout
     * @param codec the worker's round codec; the worker closes it
     * @param seed the shared seed
     * @param source the gradients (and the consumer of estimates)
     */
    public TransportWorker(final Aeron aeron, final TransportConfig config, final int worker, final GradientLayout layout,
            final WorkerRoundCodec codec, final long seed, final GradientSource source) {
        this.config = config;
        this.worker = worker;
        this.source = source;
        this.encoder = codec;
        final int nominal = MessageHeader.LENGTH + encoder.nominalFrameBytes();
        try {
            this.uplink = aeron.addExclusivePublication(Channels.withTermLength(config.uplinkChannel, nominal), config.uplinkStream);
        } catch (final RuntimeException e) {
            encoder.close();
            throw e;
        }
        this.downlinkDecoder = Codecs.create(config.downlinkCodec).newDecoder(layout, seed);
        this.frames = new GrowableBuffer(nominal);
        this.downlink = aeron.addSubscription(config.downlinkSubscribe(), config.downlinkStream);
        this.gradient = GradientBuffer.allocate(layout.totalSize());
        this.estimate = GradientBuffer.allocate(layout.totalSize());
        this.assembler = new FragmentAssembler(this::onFragment);
        this.offers = new Offers(config);
    }

    /**
     * @param injected faults to inject (tests and demonstrations)
     * @return this
     */
    public TransportWorker faults(final WorkerFaults injected) {
        this.faults = injected;
        return this;
    }

    /**
     * Joins the server and serves rounds until the server stops.
     *
     * @return the counters
     * @throws TransportException if the server's channels do not connect within the join timeout
     */
    public WorkerSummary run() {
        final long joinDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.joinTimeoutMs);
        while (!(downlink.isConnected() && uplink.isConnected())) {
            if (System.nanoTime() - joinDeadline > 0) {
                throw new TransportException("worker " + worker + ": no server on " + config.downlinkSubscribe() + " stream "
                        + config.downlinkStream + " / " + config.uplinkChannel + " stream " + config.uplinkStream + " within "
                        + config.joinTimeoutMs + " ms");
            }
            idle.idle();
        }
        outHeader.wrap(frames.buffer(), 0).write(MessageType.HELLO, worker, -1, 0, 0);
        if (!offers.offer(uplink, frames.buffer(), 0, MessageHeader.LENGTH)) {
            throw new TransportException("worker " + worker + ": HELLO not accepted after bounded retries");
        }
        lastMessageNs = System.nanoTime();
        final long silenceNs = TimeUnit.MILLISECONDS.toNanos(config.serverSilenceTimeoutMs);
        String endedBy = "shutdown";
        while (!shutdown) {
            final int n = downlink.poll(assembler, FRAGMENT_LIMIT);
            if (n == 0 && !downlink.isConnected()) {
                endedBy = "server gone";
                break;
            }
            if (n == 0 && System.nanoTime() - lastMessageNs > silenceNs) {
                endedBy = "server silent";
                break;
            }
            idle.idle(n);
        }
        return new WorkerSummary(framesSent, offers.failures(), offers.retries(), estimates, corruptEstimates,
                shutdown && vanished ? "vanished (fault)" : endedBy, chunksSent, requestsAnswered);
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header) {
        lastMessageNs = System.nanoTime();
        if (length < MessageHeader.LENGTH) {
            return;
        }
        inHeader.wrap(buffer, offset);
        final MessageType type = inHeader.type();
        if (vanished) {
            return;
        }
        if (type == MessageType.ANNOUNCE) {
            sendFrame(inHeader.round(), buffer, offset + MessageHeader.LENGTH, length - MessageHeader.LENGTH);
        } else if (type == MessageType.REQUEST) {
            if (inHeader.worker() == worker) {
                answer(inHeader.round(), buffer, offset + MessageHeader.LENGTH, length - MessageHeader.LENGTH);
            }
        } else if (type == MessageType.ESTIMATE) {
            final long r = inHeader.round();
            final int used = inHeader.count();
            try {
                downlinkDecoder.decode(buffer, offset + MessageHeader.LENGTH, length - MessageHeader.LENGTH, estimate);
            } catch (final FrameException e) {
                corruptEstimates++;
                LOG.log(System.Logger.Level.WARNING, "worker {0}: estimate of round {1} rejected ({2})", String.valueOf(worker), String.valueOf(r), String.valueOf(e.error()));
                return;
            }
            estimates++;
            source.estimate(r, estimate, used);
        } else if (type == MessageType.SHUTDOWN) {
            shutdown = true;
        }
    }

    private void sendFrame(final long round, final DirectBuffer announcement, final int offset, final int announcementLength) {
        currentRound = round;
        source.gradient(round, gradient);
        final int length;
        try {
            length = encoder.encode(round, announcement, offset, announcementLength, gradient, frames, MessageHeader.LENGTH);
        } catch (final FrameException e) {
            LOG.log(System.Logger.Level.WARNING, "worker {0}: announcement of round {1} refused ({2}): {3}", String.valueOf(worker), String.valueOf(round), String.valueOf(e.error()), e.getMessage());
            return;
        }
        final UnsafeBuffer message = frames.buffer();
        if (round == faults.corruptRound() && length > 0) {
            final int at = MessageHeader.LENGTH + length / 2;
            message.putByte(at, (byte) (message.getByte(at) ^ 0x5A));
            LOG.log(System.Logger.Level.WARNING, "worker {0}: fault injected, byte {1} of round {2}''s frame flipped", String.valueOf(worker), String.valueOf(length / 2), String.valueOf(round));
        }
        if (round == faults.delayRound()) {
            LOG.log(System.Logger.Level.WARNING, "worker {0}: fault injected, round {1}''s frame held {2} ms", String.valueOf(worker), String.valueOf(round), String.valueOf(faults.delayMs()));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(faults.delayMs()));
        }
        if (send(MessageType.FRAME, round, length)) {
            framesSent++;
        } else {
            LOG.log(System.Logger.Level.WARNING, "worker {0}: frame of round {1} dropped after bounded retries", String.valueOf(worker), String.valueOf(round));
        }
        if (round == faults.vanishRound()) {
            LOG.log(System.Logger.Level.WARNING, "worker {0}: fault injected, gone after its frame of round {1}", String.valueOf(worker), String.valueOf(round));
            vanished = true;
            shutdown = true;
        }
    }

    private void answer(final long round, final DirectBuffer buffer, final int offset, final int length) {
        if (round != currentRound) {
            return;
        }
        try {
            request.wrap(buffer, offset).check(length);
        } catch (final FrameException e) {
            LOG.log(System.Logger.Level.WARNING, "worker {0}: request of round {1} rejected ({2})", String.valueOf(worker), String.valueOf(round), String.valueOf(e.error()));
            return;
        }
        final int replyLength = encoder.answer(round, request, frames, MessageHeader.LENGTH);
        if (send(MessageType.REPLY, round, replyLength)) {
            requestsAnswered++;
        }
    }

    /**
     * Sends the payload at message[LENGTH, LENGTH + length) with its header: as one message when it fits the
     * publication's maximum message, else as CHUNK messages of at most that size.
     */
    private boolean send(final MessageType type, final long round, final int length) {
        final UnsafeBuffer message = frames.buffer();
        final int max = uplink.maxMessageLength();
        outHeader.wrap(message, 0).write(type, worker, round, length, 0);
        if (MessageHeader.LENGTH + length <= max) {
            return offers.offer(uplink, message, 0, MessageHeader.LENGTH + length);
        }
        final int data = max - MessageHeader.LENGTH - ChunkHeader.LENGTH;
        final int count = (length + data - 1) / data;
        for (int i = 0; i < count; i++) {
            final int from = i * data;
            final int n = Math.min(data, length - from);
            outHeader.wrap(chunkHead, 0).write(MessageType.CHUNK, worker, round, ChunkHeader.LENGTH + n, 0);
            chunkHeader.wrap(chunkHead, MessageHeader.LENGTH).write(type, i, count, length, from);
            if (!offers.offer(uplink, chunkHead, 0, chunkHead.capacity(), message, MessageHeader.LENGTH + from, n)) {
                return false;
            }
            chunksSent++;
        }
        return true;
    }

    @Override
    public void close() {
        uplink.close();
        downlink.close();
        encoder.close();
        gradient.close();
        estimate.close();
    }
}
