package org.rdcodec.core.frame;

/**
 * The binary layout of an rdcodec frame, version 1. All integers little-endian; offsets in bytes from
 * the start of the frame. One frame carries one worker's encoded gradient for one round.
 *
 * <pre>
 * offset        size  field
 * 0             4     magic            0x31434452 ("RDC1" in byte order R, D, C, 1)
 * 4             2     version          {@link #VERSION}
 * 6             2     flags            reserved, 0 (a reader rejects other values)
 * 8             2     codec id         {@link org.rdcodec.core.spec.CodecDefinition#wireId()}
 * 10            2     spec length S    bytes of the canonical UTF-8 codec spec, &lt;= {@link #MAX_SPEC_BYTES}
 * 12            8     round            training round t (signed, &gt;= 0)
 * 20            4     worker           worker index k (&gt;= 0)
 * 24            4     layer count L    &gt;= 1
 * 28            4     total P          sum of layer sizes
 * 32            4     frame length F   total bytes including the trailing CRC
 * 36            S     codec spec       canonical compact spec, e.g. "dithered:step=0.5"
 * T = align8(36 + S)                   layer table: L entries of {@link #LAYER_ENTRY_BYTES} bytes
 *   T + 16 l + 0   4  layer size P_l   &gt; 0
 *   T + 16 l + 4   4  section offset   from frame start, 8-aligned, &gt;= end of the table
 *   T + 16 l + 8   4  section length   bytes of layer l's payload (codec-defined, may hold its own parameters)
 *   T + 16 l + 12  4  reserved         0
 * sections      ...   payloads, in layer order, each starting 8-aligned, not overlapping
 * F - 4         4     CRC-32C          over bytes [0, F - 4)
 * </pre>
 *
 * A reader checks, in this order: length &gt;= minimum, magic, version, flags, frame length against
 * the buffer and the reader's limit, CRC, then every field's range and that sections lie inside
 * [table end, F - 4) without overlapping. Only then is any payload exposed.
 */
public final class FrameLayout {

    /** "RDC1" read as a little-endian int. */
    public static final int MAGIC = 0x31434452;
    /** The only version this build writes and reads. */
    public static final short VERSION = 1;

    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the flags. */
    public static final int FLAGS_OFFSET = 6;
    /** Offset of the codec id. */
    public static final int CODEC_ID_OFFSET = 8;
    /** Offset of the spec length. */
    public static final int SPEC_LENGTH_OFFSET = 10;
    /** Offset of the round. */
    public static final int ROUND_OFFSET = 12;
    /** Offset of the worker index. */
    public static final int WORKER_OFFSET = 20;
    /** Offset of the layer count. */
    public static final int LAYER_COUNT_OFFSET = 24;
    /** Offset of the total coordinate count. */
    public static final int TOTAL_OFFSET = 28;
    /** Offset of the frame length. */
    public static final int FRAME_LENGTH_OFFSET = 32;
    /** Offset of the spec text; also the fixed header size. */
    public static final int SPEC_OFFSET = 36;

    /** Bytes per layer-table entry. */
    public static final int LAYER_ENTRY_BYTES = 16;
    /** Offset of the layer size within an entry. */
    public static final int ENTRY_SIZE_OFFSET = 0;
    /** Offset of the section offset within an entry. */
    public static final int ENTRY_SECTION_OFFSET = 4;
    /** Offset of the section length within an entry. */
    public static final int ENTRY_SECTION_LENGTH = 8;
    /** Offset of the reserved word within an entry. */
    public static final int ENTRY_RESERVED = 12;

    /** Bytes of the trailing CRC. */
    public static final int CRC_BYTES = 4;
    /** Alignment of the layer table and of every section. */
    public static final int ALIGN = 8;
    /** Longest spec text. */
    public static final int MAX_SPEC_BYTES = 1024;
    /** Most layers in one frame. */
    public static final int MAX_LAYERS = 1 << 16;
    /** Smallest possible frame: header, empty spec, one layer entry, CRC. */
    public static final int MIN_FRAME_BYTES = SPEC_OFFSET + 4 + LAYER_ENTRY_BYTES + CRC_BYTES;

    private FrameLayout() {
    }

    /**
     * @param specBytes the spec length S
     * @return the offset of the layer table
     */
    public static int tableOffset(final int specBytes) {
        return align(SPEC_OFFSET + specBytes);
    }

    /**
     * @param specBytes the spec length S
     * @param layers the layer count L
     * @return the first byte after the layer table (where the first section may start)
     */
    public static int tableEnd(final int specBytes, final int layers) {
        return tableOffset(specBytes) + layers * LAYER_ENTRY_BYTES;
    }

    /**
     * @param n a byte offset
     * @return n rounded up to {@link #ALIGN}
     */
    public static int align(final int n) {
        return (n + ALIGN - 1) & -ALIGN;
    }
}
