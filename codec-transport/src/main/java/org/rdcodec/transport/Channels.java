package org.rdcodec.transport;

import io.aeron.ChannelUri;
import io.aeron.Publication;

/** Sizing of publications so a whole rdcodec frame fits in one Aeron message. */
final class Channels {

    /** Aeron's bounds on a term buffer. */
    private static final int MIN_TERM = 64 * 1024;
    private static final int MAX_TERM = 1 << 30;
    /** Aeron's maximum message is the smaller of a term / 8 and 16 MiB. */
    private static final int TERM_PER_MESSAGE = 8;

    private Channels() {
    }

    /**
     * Adds a term length large enough for messages of {@code maxMessage} bytes, unless the channel sets its own.
     *
     * @param channel a publication channel
     * @param maxMessage the largest message that will be offered
     * @return the channel to publish on
     */
    static String withTermLength(final String channel, final int maxMessage) {
        final ChannelUri uri = ChannelUri.parse(channel);
        if (uri.get("term-length") != null) {
            return channel;
        }
        long term = MIN_TERM;
        while (term < (long) maxMessage * TERM_PER_MESSAGE && term < MAX_TERM) {
            term <<= 1;
        }
        uri.put("term-length", Long.toString(term));
        return uri.toString();
    }

    /**
     * @param publication the publication
     * @param maxMessage the largest message to be offered
     * @param what what the messages are, for the error
     * @throws TransportException if Aeron cannot carry such a message on this publication
     */
    static void requireFits(final Publication publication, final int maxMessage, final String what) {
        if (maxMessage > publication.maxMessageLength()) {
            throw new TransportException(what + " of up to " + maxMessage + " bytes exceed the maximum message of "
                    + publication.maxMessageLength() + " bytes on " + publication.channel() + " stream " + publication.streamId()
                    + " (Aeron caps a message at term-length / 8 and 16 MiB)");
        }
    }
}
