package org.rdcodec.transport;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reassembles the CHUNK messages of one sender ({@link ChunkHeader}). Chunks of one message arrive in order
 * (one exclusive publication per worker, and Aeron delivers a stream in order and without loss); anything
 * else (a chunk out of order, a header that disagrees with the first chunk's, data past the announced total,
 * a total above the configured bound, a message left incomplete when a new one starts or its round ends) is
 * a counted error and the partial message is discarded. The reassembled payload's own CRC-32C is checked by
 * whoever takes it. Not thread-safe.
 */
final class ChunkAssembler {

    /** What the assembler says about one chunk. */
    enum Result {
        /** taken, the message is not complete yet */
        PARTIAL,
        /** taken, and the message is complete: {@link #message()} */
        COMPLETE,
        /** refused: counted, partial message discarded */
        ERROR
    }

    private final int maxTotal;
    private final ChunkHeader header = new ChunkHeader();
    /**
     * The buffer starts at most this large and doubles as chunks arrive, so a forged first chunk announcing a huge
     * total cannot make the server allocate it up front.
     */
    static final int INITIAL_BYTES = 1 << 20;

    private byte[] data;
    private int total;
    private long round = Long.MIN_VALUE;
    private MessageType inner;
    private int count;
    private int next;
    private int filled;
    private String lastError;
    private long errors;

    /**
     * @param maxTotal largest payload accepted (bounds the allocation a bad header could ask for)
     */
    ChunkAssembler(final int maxTotal) {
        this.maxTotal = maxTotal;
    }

    /**
     * @param msgRound the round in the chunk's message header
     * @param buffer the chunk message's buffer
     * @param at the chunk header's first byte
     * @param length chunk header plus data bytes
     * @return what happened
     */
    Result onChunk(final long msgRound, final DirectBuffer buffer, final int at, final int length) {
        if (length < ChunkHeader.LENGTH) {
            return error("chunk of " + length + " bytes is shorter than its header");
        }
        header.wrap(buffer, at);
        final int index = header.index();
        final int n = length - ChunkHeader.LENGTH;
        if (index == 0) {
            if (data != null) {
                error("message of round " + round + " left at chunk " + next + " of " + count + " when a new one began");
            }
            final int announced = header.total();
            final MessageType type = header.inner();
            if (type != MessageType.FRAME && type != MessageType.REPLY) {
                return error("chunked message of type " + type + " (only FRAME and REPLY are chunked)");
            }
            if (announced < 0 || announced > maxTotal || header.count() < 2 || header.count() > announced) {
                return error("chunk header: total " + announced + " bytes (at most " + maxTotal + "), count " + header.count());
            }
            total = announced;
            data = new byte[Math.min(total, INITIAL_BYTES)];
            round = msgRound;
            inner = type;
            count = header.count();
            next = 0;
            filled = 0;
        } else if (data == null) {
            return error("chunk " + index + " of round " + msgRound + " without its first chunk");
        }
        if (index != next || msgRound != round || header.inner() != inner || header.count() != count
                || header.total() != total || header.dataOffset() != filled || n > total - filled || n == 0) {
            return error("chunk " + index + " (round " + msgRound + ", offset " + header.dataOffset() + ", " + n
                    + " bytes) does not continue chunk " + (next - 1) + " of round " + round + " (" + filled + " of "
                    + total + " bytes)");
        }
        if (n > data.length - filled) {
            data = Arrays.copyOf(data, (int) Math.min(total, Math.max(2L * data.length, (long) filled + n)));
        }
        buffer.getBytes(at + ChunkHeader.LENGTH, data, filled, n);
        filled += n;
        next++;
        if (next < count) {
            return Result.PARTIAL;
        }
        if (filled != total) {
            return error("last chunk leaves the message at " + filled + " of " + total + " bytes");
        }
        return Result.COMPLETE;
    }

    /** @return the complete message's bytes (then the assembler is empty again) */
    byte[] message() {
        final byte[] m = data;
        data = null;
        return m;
    }

    /** @return a view of the complete message */
    UnsafeBuffer messageBuffer() {
        return new UnsafeBuffer(message());
    }

    /** @return the round of the message being (or last) assembled */
    long round() {
        return round;
    }

    /** @return the type of the message being (or last) assembled */
    MessageType inner() {
        return inner;
    }

    /**
     * Discards a partial message of any round other than {@code current}: an earlier round ended (the round
     * timeout), and a later one cannot have begun, so its chunks are bogus and must not hold their buffer.
     *
     * @param current the round now running
     * @return true if one was discarded (counted)
     */
    boolean expire(final long current) {
        if (data != null && round != current) {
            error("message of round " + round + " incomplete at the end of its round (" + filled + " of " + total + " bytes)");
            return true;
        }
        return false;
    }

    /** @return errors so far */
    long errors() {
        return errors;
    }

    /** @return the last error's description */
    String lastError() {
        return lastError;
    }

    private Result error(final String what) {
        data = null;
        errors++;
        lastError = what;
        return Result.ERROR;
    }
}
