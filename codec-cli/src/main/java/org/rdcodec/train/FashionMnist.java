package org.rdcodec.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Fashion-MNIST data set (60 000 training and 10 000 test images of 28 x 28 pixels, 10 classes), read
 * from the four gzip IDX files of the Debian package {@code dataset-fashion-mnist}.
 *
 * @param train the training set
 * @param test the test set
 */
public record FashionMnist(LabeledImages train, LabeledImages test) {

    /** Where the Debian package installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** How to get the files, for error and skip messages. */
    public static final String INSTALL_HINT = "install them with `sudo apt-get install -y dataset-fashion-mnist` "
            + "(files under " + DEFAULT_DIR + ") or point --data at a folder with the four *-ubyte.gz IDX files";
    /** Number of classes. */
    public static final int CLASSES = 10;

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    /**
     * @param dir a folder
     * @return whether all four files are there
     */
    public static boolean isPresent(final Path dir) {
        for (final String f : new String[] {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param dir folder with the four gzip IDX files
     * @return the data set
     * @throws DatasetMissingException if a file is missing (the message says how to install them)
     * @throws IdxFormatException if a file is malformed
     */
    public static FashionMnist load(final Path dir) {
        for (final String f : new String[] {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new DatasetMissingException("Fashion-MNIST file " + dir.resolve(f) + " not found; " + INSTALL_HINT);
            }
        }
        final LabeledImages train = LabeledImages.of(IdxFile.read(dir.resolve(TRAIN_IMAGES)), IdxFile.read(dir.resolve(TRAIN_LABELS)),
                CLASSES, dir + " (training set)");
        final LabeledImages test = LabeledImages.of(IdxFile.read(dir.resolve(TEST_IMAGES)), IdxFile.read(dir.resolve(TEST_LABELS)),
                CLASSES, dir + " (test set)");
        if (train.features() != test.features()) {
            throw new IdxFormatException(dir + ": training images have " + train.features() + " pixels, test images " + test.features());
        }
        return new FashionMnist(train, test);
    }
}
