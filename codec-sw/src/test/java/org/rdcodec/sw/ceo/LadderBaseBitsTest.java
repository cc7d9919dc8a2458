package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeEncoder;

/**
 * The rate-adaptive worker sends a ladder's first B bits and computes them with the ladder's base matrix alone:
 * each of the first B ladder bits is a split check's two halves added, i.e. the base check itself. Checked bit for
 * bit against the full ladder encoding, one block and a batch, on a tail-length block too.
 */
class LadderBaseBitsTest {

    @Test
    void baseSyndromeIsTheLaddersFirstBBits() {
        final SplittableRandom rnd = new SplittableRandom(21);
        for (final int[] nb : new int[][] {{4096, 300}, {4099, 1024}}) {
            final int n = nb[0];
            final LadderCode ladder = CeoCodes.ladder(n, CeoCodes.gridBits(n, nb[1]));
            final int b = ladder.baseChecks();
            final LadderCode base = LadderCode.of(ladder.base(), b, ladder.seed());
            final long[][] blocks = new long[5][SourceBlock.words(n)];
            for (final long[] block : blocks) {
                for (int i = 0; i < n; i++) {
                    block[i >>> 6] |= (long) (rnd.nextInt(4) == 0 ? 1 : 0) << (i & 63);
                }
            }
            final long[][] batch = SyndromeEncoder.encodeBatch(base, blocks);
            for (int j = 0; j < blocks.length; j++) {
                final long[] full = SyndromeEncoder.encode(ladder, blocks[j]);
                final long[] one = SyndromeEncoder.encode(base, blocks[j]);
                for (int k = 0; k < b; k++) {
                    final long want = (full[k >>> 6] >>> k) & 1;
                    assertEquals(want, (one[k >>> 6] >>> k) & 1, "n " + n + " block " + j + " bit " + k);
                    assertEquals(want, (batch[j][k >>> 6] >>> k) & 1, "batch, n " + n + " block " + j + " bit " + k);
                }
            }
        }
    }
}
