package org.rdcodec.core.frame;

import static org.rdcodec.core.frame.FrameLayout.*;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;

/**
 * A validating flyweight over one frame ({@link FrameLayout}). {@link #wrap} checks the whole frame
 * (length, magic, version, flags, CRC-32C, every header field and section bound) and throws a
 * {@link FrameException} naming the first problem; accessors are valid only after a successful wrap.
 */
public final class FrameReader {

    /** Default upper bound on a frame's length: 1 GiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 30;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final int maxFrameBytes;
    private DirectBuffer buffer;
    private int offset;
    private int frameLength;
    private int layers;
    private int tableOffset;
    private CodecSpec spec;
    private String specText = "";
    private boolean valid;

    /** A reader accepting frames up to {@link #DEFAULT_MAX_FRAME_BYTES}. */
    public FrameReader() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * @param maxFrameBytes the largest frame this reader accepts
     */
    public FrameReader(final int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Validates the frame at {@code [offset, offset + length)}.
     *
     * @param buffer source
     * @param offset first byte of the frame
     * @param length bytes available; the frame may be shorter (its own length field says)
     * @return this
     * @throws FrameException naming what is wrong
     */
    public FrameReader wrap(final DirectBuffer buffer, final int offset, final int length) {
        valid = false;
        if (offset < 0 || length < 0 || (long) offset + length > buffer.capacity()) {
            throw new FrameException(FrameError.TRUNCATED, "region [" + offset + ", +" + length + ") lies outside a buffer of " + buffer.capacity() + " bytes");
        }
        if (length < SPEC_OFFSET) {
            throw new FrameException(FrameError.TRUNCATED, length + " bytes is shorter than the " + SPEC_OFFSET + "-byte header");
        }
        final int magic = buffer.getInt(offset + MAGIC_OFFSET, LE);
        if (magic != MAGIC) {
            throw new FrameException(FrameError.BAD_MAGIC, String.format("magic 0x%08x at offset 0, expected 0x%08x", magic, MAGIC));
        }
        final int version = buffer.getShort(offset + VERSION_OFFSET, LE) & 0xffff;
        if (version != VERSION) {
            throw new FrameException(FrameError.UNSUPPORTED_VERSION, "version " + version + "; this build reads version " + VERSION);
        }
        final int declared = buffer.getInt(offset + FRAME_LENGTH_OFFSET, LE);
        if (declared < MIN_FRAME_BYTES) {
            throw new FrameException(FrameError.MALFORMED, "frame length field " + declared + " < minimum " + MIN_FRAME_BYTES);
        }
        if (declared > maxFrameBytes) {
            throw new FrameException(FrameError.OVERSIZED, "frame length " + declared + " exceeds the limit " + maxFrameBytes);
        }
        if (declared > length) {
            throw new FrameException(FrameError.TRUNCATED, "frame length field says " + declared + " bytes but only " + length + " are present");
        }
        final int storedCrc = buffer.getInt(offset + declared - CRC_BYTES, LE);
        final int crc = Crc32cChecksum.compute(buffer, offset, declared - CRC_BYTES);
        if (storedCrc != crc) {
            throw new FrameException(FrameError.CORRUPTED, String.format("CRC-32C 0x%08x over %d bytes, frame says 0x%08x", crc, declared - CRC_BYTES, storedCrc));
        }
        // From here the bytes are what the writer wrote; remaining checks catch writer bugs and forgeries.
        final int flags = buffer.getShort(offset + FLAGS_OFFSET, LE) & 0xffff;
        if (flags != 0) {
            throw new FrameException(FrameError.UNSUPPORTED_VERSION, "flags 0x" + Integer.toHexString(flags) + " are not known to version " + VERSION);
        }
        final int specBytes = buffer.getShort(offset + SPEC_LENGTH_OFFSET, LE) & 0xffff;
        final int nLayers = buffer.getInt(offset + LAYER_COUNT_OFFSET, LE);
        if (specBytes > MAX_SPEC_BYTES) {
            throw new FrameException(FrameError.MALFORMED, "spec length " + specBytes + " exceeds " + MAX_SPEC_BYTES);
        }
        if (nLayers < 1 || nLayers > MAX_LAYERS) {
            throw new FrameException(FrameError.MALFORMED, "layer count " + nLayers + " outside [1, " + MAX_LAYERS + "]");
        }
        final int table = tableOffset(specBytes);
        final int tableEnd = tableEnd(specBytes, nLayers);
        if (tableEnd > declared - CRC_BYTES) {
            throw new FrameException(FrameError.MALFORMED, "layer table ends at " + tableEnd + ", past the payload end " + (declared - CRC_BYTES));
        }
        final long round = buffer.getLong(offset + ROUND_OFFSET, LE);
        final int worker = buffer.getInt(offset + WORKER_OFFSET, LE);
        if (round < 0 || worker < 0) {
            throw new FrameException(FrameError.MALFORMED, "round " + round + " or worker " + worker + " is negative");
        }
        long sum = 0;
        int previousEnd = tableEnd;
        for (int l = 0; l < nLayers; l++) {
            final int e = offset + table + l * LAYER_ENTRY_BYTES;
            final int size = buffer.getInt(e + ENTRY_SIZE_OFFSET, LE);
            final int so = buffer.getInt(e + ENTRY_SECTION_OFFSET, LE);
            final int sl = buffer.getInt(e + ENTRY_SECTION_LENGTH, LE);
            if (size <= 0) {
                throw new FrameException(FrameError.MALFORMED, "layer " + l + " has size " + size);
            }
            if (so < previousEnd || sl < 0 || (long) so + sl > declared - CRC_BYTES) {
                throw new FrameException(FrameError.MALFORMED, "section of layer " + l + " at [" + so + ", +" + sl + ") is outside [" + previousEnd + ", " + (declared - CRC_BYTES) + ")");
            }
            previousEnd = so + sl;
            sum += size;
        }
        final int total = buffer.getInt(offset + TOTAL_OFFSET, LE);
        if (sum != total) {
            throw new FrameException(FrameError.MALFORMED, "layer sizes add up to " + sum + " but the header says P = " + total);
        }
        final byte[] text = new byte[specBytes];
        buffer.getBytes(offset + SPEC_OFFSET, text);
        final String parsedText = new String(text, StandardCharsets.UTF_8);
        final CodecSpec parsed;
        if (parsedText.equals(specText) && spec != null) {
            parsed = spec; // the same codec as the last frame: skip re-parsing
        } else {
            try {
                parsed = CodecSpec.parse(parsedText);
            } catch (final SpecException e) {
                throw new FrameException(FrameError.BAD_CODEC, "spec '" + parsedText + "': " + e.getMessage(), e);
            }
        }
        final int codecId = buffer.getShort(offset + CODEC_ID_OFFSET, LE) & 0xffff;
        if (parsed.definition().wireId() != codecId) {
            throw new FrameException(FrameError.BAD_CODEC, "codec id " + codecId + " does not match spec '" + parsedText + "' (id " + parsed.definition().wireId() + ")");
        }
        this.buffer = buffer;
        this.offset = offset;
        this.frameLength = declared;
        this.layers = nLayers;
        this.tableOffset = table;
        this.spec = parsed;
        this.specText = parsedText;
        this.valid = true;
        return this;
    }

    /**
     * Checks that the frame's layer sizes equal {@code layout}'s.
     *
     * @param layout the layout the decoder expects
     * @return this
     * @throws FrameException with {@link FrameError#WRONG_LAYOUT} naming the first difference
     */
    public FrameReader requireLayout(final GradientLayout layout) {
        ensureValid();
        if (layout.layerCount() != layers) {
            throw new FrameException(FrameError.WRONG_LAYOUT, "frame has " + layers + " layers, expected " + layout.layerCount());
        }
        for (int l = 0; l < layers; l++) {
            if (layerSize(l) != layout.size(l)) {
                throw new FrameException(FrameError.WRONG_LAYOUT, "layer " + l + " ('" + layout.name(l) + "') has " + layerSize(l) + " coordinates in the frame, expected " + layout.size(l));
            }
        }
        return this;
    }

    /** @return the codec spec */
    public CodecSpec spec() {
        ensureValid();
        return spec;
    }

    /** @return the training round */
    public long round() {
        ensureValid();
        return buffer.getLong(offset + ROUND_OFFSET, LE);
    }

    /** @return the worker index */
    public int worker() {
        ensureValid();
        return buffer.getInt(offset + WORKER_OFFSET, LE);
    }

    /** @return the number of layers */
    public int layerCount() {
        ensureValid();
        return layers;
    }

    /** @return total coordinates P */
    public int totalSize() {
        ensureValid();
        return buffer.getInt(offset + TOTAL_OFFSET, LE);
    }

    /** @return the frame length in bytes */
    public int frameLength() {
        ensureValid();
        return frameLength;
    }

    /**
     * @param layer layer index
     * @return its number of coordinates
     */
    public int layerSize(final int layer) {
        return buffer.getInt(entry(layer) + ENTRY_SIZE_OFFSET, LE);
    }

    /**
     * @param layer layer index
     * @return the absolute index in {@link #buffer()} of its payload
     */
    public int sectionOffset(final int layer) {
        return offset + buffer.getInt(entry(layer) + ENTRY_SECTION_OFFSET, LE);
    }

    /**
     * @param layer layer index
     * @return its payload length in bytes
     */
    public int sectionLength(final int layer) {
        return buffer.getInt(entry(layer) + ENTRY_SECTION_LENGTH, LE);
    }

    /** @return the wrapped buffer */
    public DirectBuffer buffer() {
        ensureValid();
        return buffer;
    }

    private int entry(final int layer) {
        ensureValid();
        if (layer < 0 || layer >= layers) {
            throw new IndexOutOfBoundsException("layer " + layer + " of " + layers);
        }
        return offset + tableOffset + layer * LAYER_ENTRY_BYTES;
    }

    private void ensureValid() {
        if (!valid) {
            throw new IllegalStateException("FrameReader: no valid frame wrapped");
        }
    }
}
