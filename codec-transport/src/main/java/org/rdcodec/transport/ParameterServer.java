package org.rdcodec.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.WorkerEncoder;

/**
 * The parameter server's round protocol. It waits for the K workers' HELLO, then for each round t:
 * announces t, takes the frames of t as they arrive (the {@link RoundAggregator} checks and decodes them),
 * ends the round when every awaited worker's frame is in or the round timeout passes, broadcasts the
 * estimate encoded with the downlink codec, and moves on.
 *
 * <p>A codec that decodes jointly (the CEO codec, {@link CeoRoundAggregator}) puts its plan in the ANNOUNCE
 * ({@link RoundAggregator#announcement}), decodes between polls ({@link RoundAggregator#progress}) and asks a
 * worker for more bits through the back channel: a REQUEST on the downlink addressed to that worker, then the
 * uplink is polled (other frames still accepted) until its REPLY or {@code requestTimeoutMs}. Frames and
 * replies above the uplink's maximum message arrive as CHUNKs and are reassembled ({@link ChunkAssembler})
 * before the same checks as any frame.
 *
 * <p>Events, each logged and counted: a frame rejected by its CRC or contents (never in the estimate); an
 * awaited worker missing at the deadline (late: the estimate uses the workers present, with weights that sum
 * to one, so it stays unbiased); a frame of an earlier round (discarded); a worker missing for
 * {@code lostAfterMissedRounds} consecutive rounds (lost: no longer awaited, so rounds stop paying its
 * timeout; a later frame of the current round brings it back).
 */
public final class ParameterServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ParameterServer.class.getName());
    private static final int FRAGMENT_LIMIT = 16;
    /** How long the server keeps its downlink open after SHUTDOWN so the workers receive it. */
    private static final long SHUTDOWN_LINGER_MS = 1000;

    private final TransportConfig config;
    private final int workers;
    private final RoundAggregator aggregator;
    private final Publication downlink;
    private final Subscription uplink;
    private final FragmentAssembler assembler;
    private final WorkerEncoder downlinkEncoder;
    private final UnsafeBuffer message;
    private final GradientBuffer estimate;
    private final Offers offers;
    private final MessageHeader inHeader = new MessageHeader();
    private final MessageHeader outHeader = new MessageHeader();
    private final IdleStrategy idle = new BackoffIdleStrategy();
    private final UnsafeBuffer requestMessage = new UnsafeBuffer(ByteBuffer.allocateDirect(MessageHeader.LENGTH + BackRequest.LENGTH));
    private final ChunkAssembler[] chunks;

    private final boolean[] joined;
    private final boolean[] awaited;
    private final boolean[] received;
    private final int[] missed;
    private long round = -1;
    private int pendingWorker = -1;
    private int pendingSequence;
    private DirectBuffer pendingReply;
    private boolean pendingFailed;
    private int roundChunkErrors;
    private int roundCorrupt;
    private int roundLateFrames;
    private long roundBytes;
    private long rejoins;

    /**
     * Creates the server's publication and subscription.
     *
     * @param aeron the Aeron client
     * @param config channels, streams and timeouts
     * @param workers K
     * @param layout the gradient layout
     * @param aggregator turns the frames of a round into the estimate; the server closes it
     * @param seed the shared seed (the downlink codec uses it)
     */
    public ParameterServer(final Aeron aeron, final TransportConfig config, final int workers, final GradientLayout layout,
            final RoundAggregator aggregator, final long seed) {
        if (workers < 1) {
            throw new TransportException("a server needs at least one worker, got " + workers);
        }
        this.config = config;
        this.workers = workers;
        this.aggregator = aggregator;
        try {
            final GradientCodec downCodec = org.rdcodec.core.quant.Codecs.create(config.downlinkCodec);
            this.downlinkEncoder = downCodec.newEncoder(layout, workers, seed);
        } catch (final RuntimeException e) {
            aggregator.close();
            throw e;
        }
        final int maxMessage = MessageHeader.LENGTH + Math.max(downlinkEncoder.maxFrameBytes(), aggregator.maxAnnouncementBytes());
        try {
            this.downlink = aeron.addPublication(Channels.withTermLength(config.downlinkChannel, maxMessage), config.downlinkStream);
            try {
                Channels.requireFits(downlink, maxMessage, "estimates");
            } catch (final RuntimeException e) {
                downlink.close();
                throw e;
            }
        } catch (final RuntimeException e) {
            downlinkEncoder.close();
            aggregator.close();
            throw e;
        }
        this.message = new UnsafeBuffer(ByteBuffer.allocateDirect(maxMessage));
        this.estimate = GradientBuffer.allocate(layout.totalSize());
        this.uplink = aeron.addSubscription(config.uplinkChannel, config.uplinkStream);
        this.assembler = new FragmentAssembler(this::onFragment);
        this.offers = new Offers(config);
        this.joined = new boolean[workers];
        this.awaited = new boolean[workers];
        this.received = new boolean[workers];
        this.missed = new int[workers];
        this.chunks = new ChunkAssembler[workers];
        for (int k = 0; k < workers; k++) {
            chunks[k] = new ChunkAssembler(config.maxReassembledBytes);
        }
        aggregator.attach(this::ask);
    }

    /**
     * Waits for the workers, then runs the rounds.
     *
     * @param rounds rounds to run
     * @param listener called after every round
     * @return the counters
     * @throws TransportException if no worker joins within the join timeout
     */
    public ServerSummary run(final int rounds, final RoundListener listener) {
        final int present = awaitWorkers();
        if (present == 0) {
            throw new TransportException("no worker said HELLO on " + config.uplinkChannel + " stream " + config.uplinkStream
                    + " within " + config.joinTimeoutMs + " ms");
        }
        long lateWorkers = 0;
        long lost = workers - present;
        long emptyRounds = 0;
        long totalBytes = 0;
        long lateFrames = 0;
        long corrupt = 0;
        double seconds = 0;
        long requests = 0;
        long fallbacks = 0;
        long backBits = 0;
        long dropped = 0;
        long chunkErrors = 0;
        for (int i = 0; i < workers; i++) {
            awaited[i] = joined[i];
            if (!joined[i]) {
                LOG.log(System.Logger.Level.WARNING, "worker {0} never joined: counted lost", String.valueOf(i));
            }
        }
        for (int t = 0; t < rounds; t++) {
            final RoundReport r = runRound(t);
            lateWorkers += r.late().length;
            lost += r.lost().length;
            totalBytes += r.frameBytes();
            lateFrames += r.lateFrames();
            corrupt += r.corruptFrames();
            seconds += r.seconds();
            requests += r.backChannel().requests();
            fallbacks += r.backChannel().fallbacks();
            backBits += r.backChannel().bits();
            dropped += r.dropped().length;
            chunkErrors += r.chunkErrors();
            if (r.present().length == 0) {
                emptyRounds++;
            }
            listener.onRound(r, r.present().length == 0 ? null : estimate);
        }
        sendControl(MessageType.SHUTDOWN, rounds, 0);
        linger();
        return new ServerSummary(rounds, rounds == 0 ? 0 : seconds / rounds, totalBytes, lateWorkers, lateFrames, corrupt, lost,
                rejoins, emptyRounds, offers.failures(), requests, fallbacks, backBits, dropped, chunkErrors);
    }

    private int awaitWorkers() {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.joinTimeoutMs);
        int n = 0;
        while (n < workers && System.nanoTime() - deadline < 0) {
            idle.idle(uplink.poll(assembler, FRAGMENT_LIMIT));
            n = 0;
            for (final boolean j : joined) {
                n += j ? 1 : 0;
            }
        }
        return n;
    }

    private RoundReport runRound(final long t) {
        round = t;
        roundCorrupt = 0;
        roundLateFrames = 0;
        roundBytes = 0;
        roundChunkErrors = 0;
        Arrays.fill(received, false);
        for (int k = 0; k < workers; k++) {
            if (chunks[k].expire(t)) {
                chunkError(k);
            }
        }
        aggregator.begin(t);
        final long start = System.nanoTime();
        int expected = 0;
        for (final boolean a : awaited) {
            expected += a ? 1 : 0;
        }
        final int plan = aggregator.announcement(t, awaited.clone(), message, MessageHeader.LENGTH);
        outHeader.wrap(message, 0).write(MessageType.ANNOUNCE, -1, t, plan, expected);
        if (!offers.offer(downlink, message, 0, MessageHeader.LENGTH + plan)) {
            LOG.log(System.Logger.Level.WARNING, "ANNOUNCE of round {0} not sent after bounded retries", String.valueOf(t));
        }
        final long deadline = start + TimeUnit.MILLISECONDS.toNanos(t == 0 ? config.firstRoundTimeoutMs : config.roundTimeoutMs);
        idle.reset();
        while (!allAwaitedReceived() && System.nanoTime() - deadline < 0) {
            idle.idle(uplink.poll(assembler, FRAGMENT_LIMIT));
            progress();
        }
        final int[] late = select(awaited, received, false);
        final int[] lostNow = updateLiveness(late);
        final int used = aggregator.finish(estimate);
        final int[] droppedNow = aggregator.dropped();
        final boolean[] inEstimate = received.clone();
        for (final int w : droppedNow) {
            inEstimate[w] = false;
            LOG.log(System.Logger.Level.WARNING, "round {0}: worker {1} dropped mid-round (no answer on the back channel); estimate over the workers decoded", String.valueOf(t), String.valueOf(w));
        }
        final int[] present = select(inEstimate, inEstimate, true);
        if (used != present.length) {
            throw new IllegalStateException("aggregator used " + used + " workers but " + present.length + " frames were accepted");
        }
        long downBytes = 0;
        if (used > 0) {
            final int length = downlinkEncoder.encode(estimate, t, message, MessageHeader.LENGTH,
                    message.capacity() - MessageHeader.LENGTH);
            outHeader.wrap(message, 0).write(MessageType.ESTIMATE, -1, t, length, used);
            if (offers.offer(downlink, message, 0, MessageHeader.LENGTH + length)) {
                downBytes = MessageHeader.LENGTH + length;
            } else {
                LOG.log(System.Logger.Level.WARNING, "round {0}: estimate not sent after bounded retries", String.valueOf(t));
            }
        } else {
            LOG.log(System.Logger.Level.WARNING, "round {0}: no frame accepted, no estimate", String.valueOf(t));
        }
        final double seconds = (System.nanoTime() - start) * 1e-9;
        return new RoundReport(t, expected, present, late, lostNow, roundCorrupt, roundLateFrames, roundBytes, downBytes, seconds,
                droppedNow, aggregator.backChannel(), roundChunkErrors);
    }

    /** Lets the aggregator decode what the frames in so far allow (outside the poll: it may use the back channel). */
    private void progress() {
        try {
            aggregator.progress();
        } catch (final FrameException e) {
            roundCorrupt++;
            LOG.log(System.Logger.Level.WARNING, "round {0}: frame rejected while decoding ({1}): {2}", String.valueOf(round), String.valueOf(e.error()), String.valueOf(e.getMessage()));
        }
    }

    /**
     * The back channel: one REQUEST to one worker over the downlink, then the uplink is polled (frames of other
     * workers keep being accepted meanwhile) until that worker's REPLY with the same sequence arrives, or
     * {@code requestTimeoutMs} passes.
     */
    private DirectBuffer ask(final int worker, final long r, final DirectBuffer request, final int offset, final int length) {
        outHeader.wrap(requestMessage, 0).write(MessageType.REQUEST, worker, r, length, 0);
        requestMessage.putBytes(MessageHeader.LENGTH, request, offset, length);
        pendingWorker = worker;
        pendingSequence = request.getInt(offset, java.nio.ByteOrder.LITTLE_ENDIAN);
        pendingReply = null;
        pendingFailed = false;
        try {
            if (!offers.offer(downlink, requestMessage, 0, MessageHeader.LENGTH + length)) {
                return null;
            }
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.requestTimeoutMs);
            idle.reset();
            while (pendingReply == null && !pendingFailed && System.nanoTime() - deadline < 0) {
                idle.idle(uplink.poll(assembler, FRAGMENT_LIMIT));
            }
            return pendingReply;
        } finally {
            pendingWorker = -1;
        }
    }

    private void chunkError(final int worker) {
        roundChunkErrors++;
        LOG.log(System.Logger.Level.WARNING, "round {0}: chunked message from worker {1} discarded: {2}", String.valueOf(round), String.valueOf(worker), chunks[worker].lastError());
    }

    private boolean allAwaitedReceived() {
        boolean any = false;
        for (int i = 0; i < workers; i++) {
            if (awaited[i]) {
                any = true;
                if (!received[i]) {
                    return false;
                }
            }
        }
        return any; // with nobody awaited the round waits its full timeout for a lost worker to come back
    }

    private int[] updateLiveness(final int[] late) {
        for (int i = 0; i < workers; i++) {
            if (received[i]) {
                missed[i] = 0;
            }
        }
        int lostCount = 0;
        final int[] lostNow = new int[late.length];
        for (final int w : late) {
            missed[w]++;
            LOG.log(System.Logger.Level.WARNING, "round {0}: worker {1} late (missed {2} round(s) in a row); estimate uses the workers present", String.valueOf(round), String.valueOf(w), String.valueOf(missed[w]));
            if (missed[w] >= config.lostAfterMissedRounds) {
                awaited[w] = false;
                lostNow[lostCount++] = w;
                LOG.log(System.Logger.Level.WARNING, "round {0}: worker {1} lost; no longer awaited", String.valueOf(round), String.valueOf(w));
            }
        }
        return Arrays.copyOf(lostNow, lostCount);
    }

    private static int[] select(final boolean[] a, final boolean[] b, final boolean bValue) {
        int n = 0;
        final int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i] == bValue) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header) {
        if (length < MessageHeader.LENGTH) {
            LOG.log(System.Logger.Level.WARNING, "message of {0} bytes is shorter than the header; dropped", String.valueOf(length));
            return;
        }
        inHeader.wrap(buffer, offset);
        final MessageType type = inHeader.type();
        final int w = inHeader.worker();
        if (w < 0 || w >= workers || type == null || inHeader.payloadLength() != length - MessageHeader.LENGTH) {
            roundCorrupt++;
            LOG.log(System.Logger.Level.WARNING, "message with type {0}, worker {1}, payload {2} of {3} bytes: malformed, dropped", String.valueOf(type), String.valueOf(w), String.valueOf(inHeader.payloadLength()), String.valueOf(length - MessageHeader.LENGTH));
            return;
        }
        final long r = inHeader.round();
        if (type == MessageType.CHUNK) {
            final ChunkAssembler.Result result = chunks[w].onChunk(r, buffer, offset + MessageHeader.LENGTH, length - MessageHeader.LENGTH);
            if (result == ChunkAssembler.Result.ERROR) {
                chunkError(w);
            } else if (result == ChunkAssembler.Result.COMPLETE) {
                final MessageType inner = chunks[w].inner();
                final UnsafeBuffer whole = chunks[w].messageBuffer();
                onMessage(inner, w, r, whole, 0, whole.capacity());
            }
            return;
        }
        onMessage(type, w, r, buffer, offset + MessageHeader.LENGTH, length - MessageHeader.LENGTH);
    }

    private void onMessage(final MessageType type, final int w, final long r, final DirectBuffer buffer, final int offset, final int length) {
        if (type == MessageType.HELLO) {
            joined[w] = true;
            return;
        }
        if (type == MessageType.REPLY) {
            onReply(w, r, buffer, offset, length);
            return;
        }
        if (type != MessageType.FRAME) {
            return;
        }
        if (r != round || received[w]) {
            roundLateFrames++;
            LOG.log(System.Logger.Level.WARNING, "frame of round {0} from worker {1} arrived in round {2}: discarded", String.valueOf(r), String.valueOf(w), String.valueOf(round));
            return;
        }
        try {
            aggregator.accept(w, buffer, offset, length);
        } catch (final FrameException e) {
            roundCorrupt++;
            LOG.log(System.Logger.Level.WARNING, "round {0}: frame from worker {1} rejected ({2}): {3}", String.valueOf(round), String.valueOf(w), String.valueOf(e.error()), String.valueOf(e.getMessage()));
            return;
        }
        received[w] = true;
        roundBytes += length;
        if (!awaited[w]) {
            awaited[w] = true;
            rejoins++;
            LOG.log(System.Logger.Level.WARNING, "round {0}: lost worker {1} is back", String.valueOf(round), String.valueOf(w));
        }
    }

    private void onReply(final int w, final long r, final DirectBuffer buffer, final int offset, final int length) {
        if (w != pendingWorker || r != round) {
            roundLateFrames++;
            LOG.log(System.Logger.Level.WARNING, "reply of round {0} from worker {1} not awaited: discarded", String.valueOf(r), String.valueOf(w));
            return;
        }
        final int sequence;
        try {
            sequence = BackReply.check(buffer, offset, length);
        } catch (final FrameException e) {
            roundCorrupt++;
            pendingFailed = true;
            LOG.log(System.Logger.Level.WARNING, "round {0}: reply from worker {1} rejected ({2}): {3}", String.valueOf(r), String.valueOf(w), String.valueOf(e.error()), String.valueOf(e.getMessage()));
            return;
        }
        if (sequence != pendingSequence) {
            roundLateFrames++;
            return;
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        pendingReply = new UnsafeBuffer(copy);
    }

    private void sendControl(final MessageType type, final long r, final int count) {
        outHeader.wrap(message, 0).write(type, -1, r, 0, count);
        if (!offers.offer(downlink, message, 0, MessageHeader.LENGTH)) {
            LOG.log(System.Logger.Level.WARNING, "{0} of round {1} not sent after bounded retries", String.valueOf(type), String.valueOf(r));
        }
    }

    /** Keeps the downlink open until the workers have gone (they close on SHUTDOWN) or the linger passes. */
    private void linger() {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_LINGER_MS);
        while (downlink.isConnected() && System.nanoTime() - deadline < 0) {
            idle.idle(uplink.poll(assembler, FRAGMENT_LIMIT));
        }
    }

    /** @return offers retried under back pressure */
    public long offerRetries() {
        return offers.retries();
    }

    @Override
    public void close() {
        uplink.close();
        downlink.close();
        downlinkEncoder.close();
        estimate.close();
        aggregator.close();
    }
}
