package org.rdcodec.core.frame;

import static org.rdcodec.core.frame.FrameLayout.*;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;

/**
 * Writes one frame ({@link FrameLayout}) into a caller's buffer: {@link #wrap}, {@link #begin}, then for
 * each layer in order {@link #beginSection} / {@link #endSection}, then {@link #finish}. Reusable;
 * {@code wrap} does not allocate. Running out of room raises {@link FrameException} with
 * {@link FrameError#OVERSIZED}; nothing is written past {@code offset + capacity}.
 */
public final class FrameWriter {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private MutableDirectBuffer buffer;
    private int offset;
    private int capacity;
    private int layers;
    private int tableOffset;
    private int cursor;
    private int nextLayer;
    private boolean inSection;

    /** Creates an unwrapped writer. */
    public FrameWriter() {
    }

    /**
     * Points the writer at a buffer region.
     *
     * @param buffer destination
     * @param offset first byte of the frame
     * @param capacity bytes available from {@code offset}
     * @return this
     */
    public FrameWriter wrap(final MutableDirectBuffer buffer, final int offset, final int capacity) {
        if (offset < 0 || capacity < 0 || (long) offset + capacity > buffer.capacity()) {
            throw new IllegalArgumentException("FrameWriter: region [" + offset + ", +" + capacity + ") is outside a buffer of " + buffer.capacity() + " bytes");
        }
        this.buffer = buffer;
        this.offset = offset;
        this.capacity = capacity;
        this.layers = 0;
        this.nextLayer = 0;
        this.inSection = false;
        return this;
    }

    /**
     * Writes the header and reserves the layer table.
     *
     * @param spec the codec spec (its canonical text and wire id are written)
     * @param round training round, &gt;= 0
     * @param worker worker index, &gt;= 0
     * @param layout the gradient layout the payload follows
     * @return this
     */
    public FrameWriter begin(final CodecSpec spec, final long round, final int worker, final GradientLayout layout) {
        if (round < 0 || worker < 0) {
            throw new IllegalArgumentException("FrameWriter: round and worker must be >= 0, got " + round + ", " + worker);
        }
        final byte[] specText = spec.toString().getBytes(StandardCharsets.UTF_8);
        if (specText.length > MAX_SPEC_BYTES) {
            throw new FrameException(FrameError.OVERSIZED, "codec spec of " + specText.length + " bytes exceeds " + MAX_SPEC_BYTES);
        }
        if (layout.layerCount() > MAX_LAYERS) {
            throw new FrameException(FrameError.OVERSIZED, layout.layerCount() + " layers exceed " + MAX_LAYERS);
        }
        layers = layout.layerCount();
        tableOffset = tableOffset(specText.length);
        cursor = tableEnd(specText.length, layers);
        ensure(cursor + CRC_BYTES, "header and layer table");
        buffer.putInt(offset + MAGIC_OFFSET, MAGIC, LE);
        buffer.putShort(offset + VERSION_OFFSET, VERSION, LE);
        buffer.putShort(offset + FLAGS_OFFSET, (short) 0, LE);
        buffer.putShort(offset + CODEC_ID_OFFSET, (short) spec.definition().wireId(), LE);
        buffer.putShort(offset + SPEC_LENGTH_OFFSET, (short) specText.length, LE);
        buffer.putLong(offset + ROUND_OFFSET, round, LE);
        buffer.putInt(offset + WORKER_OFFSET, worker, LE);
        buffer.putInt(offset + LAYER_COUNT_OFFSET, layers, LE);
        buffer.putInt(offset + TOTAL_OFFSET, layout.totalSize(), LE);
        buffer.putInt(offset + FRAME_LENGTH_OFFSET, 0, LE);
        buffer.putBytes(offset + SPEC_OFFSET, specText);
        buffer.setMemory(offset + SPEC_OFFSET + specText.length, tableOffset - SPEC_OFFSET - specText.length, (byte) 0);
        for (int l = 0; l < layers; l++) {
            final int e = offset + tableOffset + l * LAYER_ENTRY_BYTES;
            buffer.putInt(e + ENTRY_SIZE_OFFSET, layout.size(l), LE);
            buffer.putInt(e + ENTRY_SECTION_OFFSET, 0, LE);
            buffer.putInt(e + ENTRY_SECTION_LENGTH, 0, LE);
            buffer.putInt(e + ENTRY_RESERVED, 0, LE);
        }
        nextLayer = 0;
        return this;
    }

    /**
     * Starts the payload section of the next layer; layers are written in order 0..L-1.
     *
     * @param layer the layer index, must equal the next expected one
     * @return the absolute index in {@link #buffer()} where the payload starts
     */
    public int beginSection(final int layer) {
        if (inSection || layer != nextLayer || layer >= layers) {
            throw new IllegalStateException("FrameWriter: expected section " + nextLayer + " of " + layers + (inSection ? " after endSection" : "") + ", got " + layer);
        }
        final int aligned = align(cursor);
        ensure(aligned + CRC_BYTES, "section of layer " + layer);
        buffer.setMemory(offset + cursor, aligned - cursor, (byte) 0);
        cursor = aligned;
        inSection = true;
        return offset + cursor;
    }

    /** @return bytes the current section may still use (room left before the CRC) */
    public int sectionCapacity() {
        return capacity - cursor - CRC_BYTES;
    }

    /**
     * Ends the current section.
     *
     * @param length bytes of payload written from the index {@link #beginSection} returned
     */
    public void endSection(final int length) {
        if (!inSection) {
            throw new IllegalStateException("FrameWriter: endSection without beginSection");
        }
        if (length < 0 || length > sectionCapacity()) {
            throw new FrameException(FrameError.OVERSIZED, "section of layer " + nextLayer + " has " + length + " bytes; " + sectionCapacity() + " fit");
        }
        final int e = offset + tableOffset + nextLayer * LAYER_ENTRY_BYTES;
        buffer.putInt(e + ENTRY_SECTION_OFFSET, cursor, LE);
        buffer.putInt(e + ENTRY_SECTION_LENGTH, length, LE);
        cursor += length;
        nextLayer++;
        inSection = false;
    }

    /**
     * Writes the frame length and the CRC.
     *
     * @return the frame length F in bytes
     */
    public int finish() {
        if (inSection || nextLayer != layers || layers == 0) {
            throw new IllegalStateException("FrameWriter: finish after " + nextLayer + " of " + layers + " sections");
        }
        final int length = cursor + CRC_BYTES;
        ensure(length, "CRC");
        buffer.putInt(offset + FRAME_LENGTH_OFFSET, length, LE);
        buffer.putInt(offset + cursor, Crc32cChecksum.compute(buffer, offset, cursor), LE);
        layers = 0;
        return length;
    }

    /** @return the wrapped buffer */
    public MutableDirectBuffer buffer() {
        return buffer;
    }

    private void ensure(final int end, final String what) {
        if (end > capacity) {
            throw new FrameException(FrameError.OVERSIZED, what + " needs " + end + " bytes; the buffer has " + capacity);
        }
    }
}
