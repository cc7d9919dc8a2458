package org.rdcodec.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.rdcodec.sw.bp.BatchSlepianWolfDecoder;
import org.rdcodec.sw.bp.BeliefPropagation;
import org.rdcodec.sw.bp.DecodeFailure;
import org.rdcodec.sw.bp.DecodeResult;
import org.rdcodec.sw.bp.FixedPointCheckRule;
import org.rdcodec.sw.bp.FloodingDecoder;
import org.rdcodec.sw.bp.LayeredCorrectedMinSumDecoder;
import org.rdcodec.sw.bp.LayeredFixedPointMinSumDecoder;
import org.rdcodec.sw.bp.LayeredMinSumDecoder;
import org.rdcodec.sw.bp.LayeredSumProductDecoder;
import org.rdcodec.sw.bp.SlepianWolfDecoder;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeEncoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rdc sw}: codes uniform random sources against BSC(p) side information with the LDPC syndrome codec
 * and reports success rate, rate over entropy, false successes and decoding speed, all measured.
 */
@Command(name = "sw", mixinStandardHelpOptions = true,
        description = "Slepian-Wolf (LDPC syndrome) coding of random sources against BSC(p) side information.")
final class SwCommand implements Runnable {

    @Option(names = "--n", description = "source bits per block (default ${DEFAULT-VALUE})")
    int n = 65536;

    @Option(names = "--p", description = "crossover probability of the side information (default ${DEFAULT-VALUE})")
    double p = 0.11;

    @Option(names = "--sigma", description = "Gaussian side information instead of BSC: y = (1 - 2x) + N(0, sigma^2), "
            + "LLR = 2y / sigma^2; rates are reported over H(X|Y) integrated numerically (--p is ignored)")
    Double sigma;

    @Option(names = "--trials", description = "blocks to code (default ${DEFAULT-VALUE})")
    int trials = 100;

    @Option(names = "--rate-adaptive", description = "LDPCA: the decoder asks for more bits until it succeeds")
    boolean rateAdaptive;

    @Option(names = "--ratio", description = "feedback-free only: send ratio * n h(p) bits instead of the rate choice")
    Double ratio;

    @Option(names = "--headroom", description = "rate-adaptive only: ladder length as a multiple of the feedback-free bits")
    Double headroom;

    @Option(names = "--base-ratio", description = "rate-adaptive only: base code at ratio * n h(p) bits instead of the rate choice")
    Double baseRatio;

    @Option(names = "--schedule", description = "layered or flooding (default ${DEFAULT-VALUE})")
    String schedule = "layered";

    @Option(names = "--rule", description = "min-sum, corrected-min-sum (layered only) or sum-product (float only); "
            + "default: min-sum for float, corrected-min-sum for fixed16/batch16")
    String rule;

    @Option(names = "--alpha", description = "min-sum normalization (default: by check degree)")
    Float alpha;

    @Option(names = "--beta", description = "min-sum offset in LLR units (default ${DEFAULT-VALUE})")
    float beta;

    @Option(names = "--decoder", description = "float (the engine of --schedule/--rule), fixed16 (16-bit layered "
            + "corrected or normalized min-sum by --rule, one block at a time) or batch16 (the same, up to 32 blocks "
            + "per call: the fast one) "
            + "(default ${DEFAULT-VALUE})")
    String decoderKind = "float";

    @Option(names = "--max-iterations", description = "BP iteration limit (default ${DEFAULT-VALUE})")
    int maxIterations = SlepianWolfDecoder.DEFAULT_MAX_ITERATIONS;

    @Option(names = "--seed", description = "seed of sources and noise (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--code-seed", description = "seed of the PEG code (default ${DEFAULT-VALUE})")
    long codeSeed = 7;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public void run() {
        if (n < 64 || !(p > 0 && p < 0.5) || trials < 1 || (sigma != null && !(sigma > 0 && sigma < 100))) {
            throw new IllegalArgumentException("need n >= 64, 0 < p < 0.5, trials >= 1, 0 < sigma < 100; got n=" + n
                    + " p=" + p + " trials=" + trials + " sigma=" + sigma);
        }
        final boolean gaussian = sigma != null;
        final double entropy = gaussian ? RateChoice.awgnConditionalEntropy(sigma) : RateChoice.binaryEntropy(p);
        final double dispersion = gaussian ? probeDispersion() : RateChoice.bitDispersion(p);
        final int feedbackFree = ratio != null
                ? (int) Math.min(n, Math.ceil(ratio * n * entropy))
                : RateChoice.feedbackFreeBits(n, entropy, dispersion);
        final int ladder = rateAdaptive
                ? (headroom != null ? (int) Math.min(n, Math.ceil(headroom * feedbackFree)) : RateChoice.adaptiveMaxBits(n, entropy, dispersion))
                : feedbackFree;
        final long buildStart = System.nanoTime();
        final LadderCode code = rateAdaptive
                ? CodeCache.get(n, Math.max((ladder + 1) / 2, Math.min(ladder, baseRatio != null
                        ? (int) Math.ceil(baseRatio * n * entropy)
                        : RateChoice.adaptiveBaseBits(n, entropy, dispersion))), ladder, codeSeed)
                : CodeCache.feedbackFree(n, ladder, entropy, dispersion, codeSeed);
        final double buildSeconds = (System.nanoTime() - buildStart) * 1e-9;
        final boolean batch = switch (decoderKind) {
            case "float", "fixed16" -> false;
            case "batch16" -> true;
            default -> throw new IllegalArgumentException("--decoder must be float, fixed16 or batch16, got " + decoderKind);
        };
        final FixedPointCheckRule fixedRule = fixedRule();
        final SlepianWolfDecoder decoder = new SlepianWolfDecoder(
                "fixed16".equals(decoderKind) ? new LayeredFixedPointMinSumDecoder(fixedRule) : engine(), maxIterations);
        final BatchSlepianWolfDecoder batchDecoder = new BatchSlepianWolfDecoder(maxIterations, 0, fixedRule);
        final int group = batch ? BatchSlepianWolfDecoder.lanes() : 1;

        final SplittableRandom rnd = new SplittableRandom(seed);
        final float magnitude = (float) Math.log((1 - p) / p);
        final int words = SourceBlock.words(n);
        final long lastMask = (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
        final double[] ratios = new double[trials];
        int successes = 0;
        int falseSuccesses = 0;
        int crcRejections = 0;
        long encodeNanos = 0;
        long decodeNanos = 0;
        long iterations = 0;
        long attempts = 0;
        for (int first = 0; first < trials; first += group) {
            final int blocks = Math.min(group, trials - first);
            final long[][] source = new long[blocks][words];
            final float[][] llr = new float[blocks][n];
            final long[][] ladderBits = new long[blocks][];
            final int[] crc = new int[blocks];
            for (int j = 0; j < blocks; j++) {
                for (int w = 0; w < words; w++) {
                    source[j][w] = rnd.nextLong();
                }
                source[j][words - 1] &= lastMask;
                if (gaussian) {
                    awgnLlr(source[j], rnd, llr[j]);
                } else {
                    for (int i = 0; i < n; i++) {
                        final long x = (source[j][i >>> 6] >>> i) & 1L;
                        final long y = x ^ (rnd.nextDouble() < p ? 1L : 0L);
                        llr[j][i] = y == 0 ? magnitude : -magnitude;
                    }
                }
                final long e0 = System.nanoTime();
                ladderBits[j] = SyndromeEncoder.encode(code, source[j]);
                crc[j] = SourceBlock.crc32c(source[j], n);
                encodeNanos += System.nanoTime() - e0;
            }
            final long d0 = System.nanoTime();
            final BatchSlepianWolfDecoder.Outcome[] outcomes = new BatchSlepianWolfDecoder.Outcome[blocks];
            if (batch) {
                System.arraycopy(rateAdaptive ? batchDecoder.decodeRateAdaptive(code, llr, ladderBits, crc)
                        : batchDecoder.decode(code, llr, ladderBits, code.maxSyndromeBits(), crc), 0, outcomes, 0, blocks);
            } else {
                try {
                    outcomes[0] = new BatchSlepianWolfDecoder.Outcome(rateAdaptive
                            ? decoder.decodeRateAdaptive(code, llr[0], ladderBits[0], crc[0])
                            : decoder.decode(code, llr[0], ladderBits[0], code.maxSyndromeBits(), crc[0]), null);
                } catch (final DecodeFailure f) {
                    outcomes[0] = new BatchSlepianWolfDecoder.Outcome(null, f);
                }
            }
            decodeNanos += System.nanoTime() - d0;
            for (int j = 0; j < blocks; j++) {
                final int used;
                if (outcomes[j].ok()) {
                    final DecodeResult r = outcomes[j].result();
                    used = r.syndromeBitsUsed();
                    iterations += r.totalIterations();
                    attempts += r.attempts();
                    if (Arrays.equals(r.bits(), source[j])) {
                        successes++;
                    } else {
                        falseSuccesses++;
                    }
                } else {
                    final DecodeFailure f = outcomes[j].failure();
                    used = f.syndromeBitsTried();
                    attempts += f.attempts();
                    iterations += (long) f.attempts() * maxIterations;
                    if (f.reason() == DecodeFailure.Reason.CRC_MISMATCH) {
                        crcRejections++;
                    }
                }
                ratios[first + j] = used / (n * entropy);
            }
        }
        final double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        if (gaussian) {
            out.put("sigma", sigma);
        } else {
            out.put("p", p);
        }
        out.put("entropy", entropy);
        out.put("trials", trials);
        out.put("mode", rateAdaptive ? "rate-adaptive" : "feedback-free");
        out.put("decoder", batch ? "batch16 " + fixedRule.label() + " x" + group : decoder.engine().name());
        out.put("maxIterations", maxIterations);
        out.put("baseChecks", code.baseChecks());
        out.put("ladderBits", code.maxSyndromeBits());
        out.put("edges", code.base().edges());
        out.put("codeBuildSeconds", buildSeconds);
        out.put("successRate", successes / (double) trials);
        out.put("meanRateOverEntropy", Arrays.stream(ratios).average().orElse(Double.NaN));
        out.put("medianRateOverEntropy", sorted[trials / 2]);
        out.put("maxRateOverEntropy", sorted[trials - 1]);
        out.put("falseSuccesses", falseSuccesses);
        out.put("crcRejections", crcRejections);
        out.put("meanAttempts", attempts / (double) trials);
        out.put("meanIterationsPerAttempt", iterations / (double) attempts);
        out.put("decodeMbitPerSecond", (double) n * trials / (decodeNanos * 1e-9) / 1e6);
        out.put("decodeMbitPerSecondAt20Iterations",
                (double) n * trials / (decodeNanos * 1e-9) / 1e6 * (iterations / (double) trials) / 20.0);
        out.put("encodeGbitPerSecondColdJit", (double) n * trials / (encodeNanos * 1e-9) / 1e9);
        print(out);
    }

    /** @return the check rule of the 16-bit decoders: --rule, or the library default */
    private FixedPointCheckRule fixedRule() {
        if (rule == null) {
            return FixedPointCheckRule.defaultRule();
        }
        for (final FixedPointCheckRule r : FixedPointCheckRule.values()) {
            if (r.label().equals(rule)) {
                return r;
            }
        }
        if (!"float".equals(decoderKind)) {
            throw new IllegalArgumentException("--decoder " + decoderKind + " takes --rule min-sum or corrected-min-sum, got "
                    + rule);
        }
        return FixedPointCheckRule.defaultRule();
    }

    /** LLRs of y = (1 - 2x) + N(0, sigma^2): 2 y / sigma^2. */
    private void awgnLlr(final long[] x, final SplittableRandom rnd, final float[] llr) {
        final double s2 = sigma * sigma;
        for (int i = 0; i < n; i++) {
            final double s = ((x[i >>> 6] >>> i) & 1L) == 0 ? 1.0 : -1.0;
            // Box-Muller, one value per pair of uniforms
            final double g = Math.sqrt(-2 * Math.log(1.0 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            llr[i] = (float) (2 * (s + sigma * g) / s2);
        }
    }

    /** @return V^ of one probe block (its own seed, so the trials' stream is untouched) */
    private double probeDispersion() {
        final SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        final long[] x = new long[SourceBlock.words(n)];
        for (int w = 0; w < x.length; w++) {
            x[w] = rnd.nextLong();
        }
        final float[] llr = new float[n];
        awgnLlr(x, rnd, llr);
        return RateChoice.dispersion(llr);
    }

    private BeliefPropagation engine() {
        final boolean layered = switch (schedule) {
            case "layered" -> true;
            case "flooding" -> false;
            default -> throw new IllegalArgumentException("--schedule must be layered or flooding, got " + schedule);
        };
        return switch (rule == null ? "min-sum" : rule) {
            case "min-sum" -> layered ? (alpha == null && beta == 0f ? new LayeredMinSumDecoder() : new LayeredMinSumDecoder(alpha == null ? 1f : alpha, beta)) : new FloodingDecoder(FloodingDecoder.Rule.MIN_SUM);
            case "sum-product" -> layered ? new LayeredSumProductDecoder() : new FloodingDecoder(FloodingDecoder.Rule.SUM_PRODUCT);
            case "corrected-min-sum" -> {
                if (!layered) {
                    throw new IllegalArgumentException("--rule corrected-min-sum needs --schedule layered");
                }
                yield new LayeredCorrectedMinSumDecoder();
            }
            default -> throw new IllegalArgumentException("--rule must be min-sum, corrected-min-sum or sum-product, got " + rule);
        };
    }

    private void print(final Map<String, Object> out) {
        if (json) {
            try {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        for (final Map.Entry<String, Object> e : out.entrySet()) {
            final Object v = e.getValue();
            System.out.printf(Locale.ROOT, "%-34s %s%n", e.getKey(),
                    v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v);
        }
    }
}
