package org.rdcodec.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    private static IdxFile images(final int n) {
        final byte[] b = new byte[n * 4 * 3];
        new SplittableRandom(3).nextBytes(b);
        return new IdxFile(new int[] {n, 4, 3}, b);
    }

    @Test
    void roundTripPlainAndGzip() throws IOException {
        for (final String name : new String[] {"a-idx3-ubyte", "a-idx3-ubyte.gz"}) {
            final IdxFile f = images(7);
            final Path p = dir.resolve(name);
            f.write(p);
            final IdxFile back = IdxFile.read(p);
            assertArrayEquals(f.dims(), back.dims());
            assertArrayEquals(f.data(), back.data());
            assertEquals(7, back.count());
            assertEquals(12, back.itemSize());
        }
    }

    @Test
    void labeledImagesPairAndScale() throws IOException {
        final IdxFile img = images(5);
        final IdxFile lab = new IdxFile(new int[] {5}, new byte[] {0, 1, 2, 9, 3});
        final LabeledImages d = LabeledImages.of(img, lab, 10, "test");
        assertEquals(9, d.label(3));
        final float[] x = new float[12];
        d.copyFeatures(2, x, 0);
        assertEquals((img.data()[24] & 0xff) * LabeledImages.PIXEL_SCALE, x[0]);
        final IdxFile badCount = new IdxFile(new int[] {4}, new byte[4]);
        assertTrue(assertThrows(IdxFormatException.class, () -> LabeledImages.of(img, badCount, 10, "pair")).getMessage()
                .contains("5 images but 4 labels"));
        final IdxFile badLabel = new IdxFile(new int[] {5}, new byte[] {0, 1, 10, 0, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> LabeledImages.of(img, badLabel, 10, "pair")).getMessage()
                .contains("label 10 of example 2"));
    }

    private Path raw(final String name, final byte[] bytes) throws IOException {
        final Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void badMagicTypeAndDims() throws IOException {
        final Path p1 = raw("m1", new byte[] {1, 0, 8, 1, 0, 0, 0, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(p1)).getMessage().contains("bad magic"));
        final Path p2 = raw("m2", new byte[] {0, 0, 0x0d, 1, 0, 0, 0, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(p2)).getMessage().contains("element type 0xd"));
        final Path p3 = raw("m3", new byte[] {0, 0, 8, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(p3)).getMessage().contains("zero dimensions"));
        final Path p4 = raw("m4", new byte[] {0, 0, 8, 1, (byte) 0xff, 0, 0, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(p4)).getMessage().contains("negative"));
        final Path p5 = raw("m5", new byte[] {0, 0, 8, 2, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(p5)).getMessage().contains("exceed"));
    }

    @Test
    void truncationAndTrailingBytes() throws IOException {
        final IdxFile f = images(3);
        final Path good = dir.resolve("good");
        f.write(good);
        final byte[] all = Files.readAllBytes(good);
        final Path shortData = raw("short", Arrays.copyOf(all, all.length - 1));
        final String m = assertThrows(IdxFormatException.class, () -> IdxFile.read(shortData)).getMessage();
        assertTrue(m.contains("truncated") && m.contains("35 of 36 bytes") && m.contains("short"), m);
        final Path shortHeader = raw("hdr", Arrays.copyOf(all, 6));
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(shortHeader)).getMessage().contains("dimension"));
        final Path empty = raw("empty", new byte[0]);
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(empty)).getMessage().contains("magic"));
        final Path trailing = raw("trail", Arrays.copyOf(all, all.length + 2));
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(trailing)).getMessage().contains("trailing"));
        // A truncated gzip stream is a typed error as well.
        final Path gz = dir.resolve("x.gz");
        f.write(gz);
        final byte[] z = Files.readAllBytes(gz);
        final Path cut = raw("cut.gz", Arrays.copyOf(z, z.length / 2));
        assertThrows(IdxFormatException.class, () -> IdxFile.read(cut));
        assertThrows(IdxFormatException.class, () -> IdxFile.read(dir.resolve("missing")));
    }

    @Test
    void missingDatasetSaysHowToInstall() {
        final String m = assertThrows(DatasetMissingException.class, () -> FashionMnist.load(dir)).getMessage();
        assertTrue(m.contains("apt-get install -y dataset-fashion-mnist"), m);
    }
}
