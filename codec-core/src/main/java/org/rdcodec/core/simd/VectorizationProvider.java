package org.rdcodec.core.simd;

import java.util.Locale;
import java.util.Objects;

/**
 * Hands out the SIMD kernels of this JVM: Vector API (Panama) kernels when the incubating
 * {@code jdk.incubator.vector} module is present and worthwhile, else their scalar references.
 *
 * <p><b>Kernel families.</b> Each kernel family is one interface, say {@code org.rdcodec.core.stats.StatsKernel},
 * with two implementations in the same package named by convention: {@code ScalarStatsKernel} (the
 * reference, plain Java) and {@code PanamaStatsKernel} (Vector API). {@link #kernel(Class)} finds the
 * implementation by that name, so adding a family needs no change here. Both need a public no-argument
 * constructor and must be thread-safe; instances are created once per provider and shared. A family
 * without a Panama twin (one that gains nothing from SIMD) falls back to its scalar class.
 *
 * <p><b>Choice.</b> {@link #getInstance()} decides once per JVM, in this order:
 * <ol>
 *   <li>system property {@value #PROPERTY} = {@code scalar} disables SIMD (any value other than
 *       {@code auto} or {@code scalar} also falls back to scalar, and the reason names it);</li>
 *   <li>the {@code jdk.incubator.vector} module must be in the boot layer
 *       ({@code --add-modules jdk.incubator.vector});</li>
 *   <li>the preferred float species must have at least {@value #MIN_FLOAT_LANES} lanes (narrower
 *       vectors do not pay for the Vector API's overhead);</li>
 *   <li>the C2 compiler must be enabled: without it ({@code -Xint}, {@code -XX:TieredStopAtLevel} &lt; 4)
 *       Vector API code is never intrinsified and runs about a thousand times slower than scalar code.</li>
 * </ol>
 * The Panama provider is loaded reflectively, so without the module no class that links against
 * {@code jdk.incubator.vector} is ever loaded. {@link #reason()} says why this provider was chosen.
 */
public abstract class VectorizationProvider {

    /** System property that selects the provider: {@code auto} (default) or {@code scalar}. */
    public static final String PROPERTY = "rdcodec.simd";
    /** Name of the incubating Vector API module. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** Fewest float lanes for which the Panama kernels are used. */
    public static final int MIN_FLOAT_LANES = 4;

    private static final String PANAMA_PROVIDER = "org.rdcodec.core.simd.PanamaVectorizationProvider";

    private final ClassValue<Object> kernels = new ClassValue<>() {
        @Override
        protected Object computeValue(final Class<?> family) {
            return createKernel(family);
        }
    };

    private final String reason;

    /**
     * @param reason why this provider was chosen, for people
     */
    protected VectorizationProvider(final String reason) {
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the provider chosen for this JVM (decided once, on first use) */
    public static VectorizationProvider getInstance() {
        return Holder.INSTANCE;
    }

    /** @return a short name: {@code panama} or {@code scalar} */
    public abstract String name();

    /** @return true if the kernels use the Vector API */
    public abstract boolean isVectorized();

    /** @return the class-name prefix of this provider's kernels: {@code Panama} or {@code Scalar} */
    protected abstract String kernelPrefix();

    /** @return why this provider was chosen (and, for the scalar one, why not the Panama one) */
    public final String reason() {
        return reason;
    }

    /**
     * The kernel of a family, created on first request and shared afterwards.
     *
     * @param family the kernel interface, e.g. {@code StatsKernel.class}
     * @param <T> the family type
     * @return the implementation of this provider (or the scalar one if the family has no Panama twin)
     * @throws IllegalStateException if the family does not follow the naming convention
     */
    public final <T> T kernel(final Class<T> family) {
        return family.cast(kernels.get(family));
    }

    private Object createKernel(final Class<?> family) {
        if (!family.isInterface()) {
            throw new IllegalStateException("kernel family " + family.getName() + " must be an interface");
        }
        final Object own = instantiate(family, kernelPrefix());
        if (own != null) {
            return own;
        }
        final Object scalar = instantiate(family, ScalarVectorizationProvider.PREFIX);
        if (scalar == null) {
            throw new IllegalStateException("kernel family " + family.getName() + " has no class "
                    + implementationName(family, ScalarVectorizationProvider.PREFIX));
        }
        return scalar;
    }

    /**
     * @param family a kernel interface
     * @param prefix {@code Scalar} or {@code Panama}
     * @return the fully qualified name of its implementation with that prefix
     */
    static String implementationName(final Class<?> family, final String prefix) {
        return family.getPackageName() + "." + prefix + family.getSimpleName();
    }

    private static Object instantiate(final Class<?> family, final String prefix) {
        final String name = implementationName(family, prefix);
        final Class<?> impl;
        try {
            impl = Class.forName(name, true, family.getClassLoader());
        } catch (final ClassNotFoundException e) {
            return null;
        }
        if (!family.isAssignableFrom(impl)) {
            throw new IllegalStateException(name + " does not implement " + family.getName());
        }
        try {
            return impl.getConstructor().newInstance();
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create kernel " + name + ": " + e, e);
        }
    }

    /**
     * What {@link #getInstance()} decided, before any Panama class is touched.
     *
     * @param usePanama true if the Panama provider should be used
     * @param reason why
     */
    record Decision(boolean usePanama, String reason) {
    }

    /**
     * The selection rule as a pure function, so every branch can be tested in any JVM.
     *
     * @param property the value of {@value #PROPERTY}, or null if unset
     * @param modulePresent whether {@value #VECTOR_MODULE} is in the boot layer
     * @param preferredFloatLanes lanes of the preferred float species (ignored if the module is absent)
     * @param c2Enabled whether the C2 compiler can compile hot code
     * @return the decision with its reason
     */
    static Decision decide(final String property, final boolean modulePresent, final int preferredFloatLanes,
            final boolean c2Enabled) {
        final String mode = property == null ? "auto" : property.trim().toLowerCase(Locale.ROOT);
        if (mode.equals("scalar")) {
            return new Decision(false, "SIMD disabled by system property " + PROPERTY + "=" + property);
        }
        if (!mode.equals("auto")) {
            return new Decision(false, "unknown value " + PROPERTY + "=" + property
                    + " (expected auto or scalar); using the scalar kernels");
        }
        if (!modulePresent) {
            return new Decision(false, "module " + VECTOR_MODULE + " is not present (run with --add-modules "
                    + VECTOR_MODULE + ")");
        }
        if (preferredFloatLanes < MIN_FLOAT_LANES) {
            return new Decision(false, "preferred float species has " + preferredFloatLanes + " lanes, fewer than "
                    + MIN_FLOAT_LANES);
        }
        if (!c2Enabled) {
            return new Decision(false, "the C2 compiler is disabled (-Xint or -XX:TieredStopAtLevel < 4); "
                    + "the Vector API is only fast when C2 compiles it");
        }
        return new Decision(true, "module " + VECTOR_MODULE + " present, preferred float species has "
                + preferredFloatLanes + " lanes");
    }

    /**
     * @return false if this HotSpot VM runs without C2 (interpreter only, or tiered compilation stopped
     *     below level 4); true otherwise, including VMs that cannot be asked
     */
    static boolean c2Enabled() {
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
            return false;
        }
        try {
            final var hotspot = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotspot == null) {
                return true;
            }
            final boolean tiered = Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue());
            final int stopAt = Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue());
            return !tiered || stopAt >= 4;
        } catch (final RuntimeException | LinkageError e) {
            return true; // not HotSpot, or the management modules are absent: assume a full JIT
        }
    }

    /** @return true if the Vector API module is in the boot layer */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * Lanes of the preferred float species, asked of the Panama provider class. Only call when the
     * module is present.
     */
    private static int panamaPreferredLanes() throws ReflectiveOperationException {
        final Class<?> panama = Class.forName(PANAMA_PROVIDER, true, VectorizationProvider.class.getClassLoader());
        return (int) panama.getMethod("preferredFloatLanes").invoke(null);
    }

    /**
     * Chooses the provider; never throws: any failure to load the Panama side becomes a scalar
     * provider whose reason says what failed.
     *
     * @param property the value of {@value #PROPERTY}, or null
     * @return the provider
     */
    static VectorizationProvider lookup(final String property) {
        final boolean present = vectorModulePresent();
        int lanes = 0;
        if (present) {
            try {
                lanes = panamaPreferredLanes();
            } catch (final ReflectiveOperationException | LinkageError e) {
                return new ScalarVectorizationProvider("cannot load the Vector API kernels: " + e);
            }
        }
        final Decision d = decide(property, present, lanes, c2Enabled());
        if (!d.usePanama()) {
            return new ScalarVectorizationProvider(d.reason());
        }
        try {
            final Class<?> panama = Class.forName(PANAMA_PROVIDER, true, VectorizationProvider.class.getClassLoader());
            return (VectorizationProvider) panama.getConstructor(String.class).newInstance(d.reason());
        } catch (final ReflectiveOperationException | LinkageError e) {
            return new ScalarVectorizationProvider("cannot create the Vector API provider: " + e);
        }
    }

    /**
     * The preferred float species as text (e.g. {@code Species[float, 8, S_256_BIT]}), or a note
     * saying the Vector API module is absent. Safe to call without the module.
     *
     * @return a description for people
     */
    public static String preferredFloatSpecies() {
        if (!vectorModulePresent()) {
            return "n/a (module " + VECTOR_MODULE + " not present)";
        }
        try {
            final Class<?> panama = Class.forName(PANAMA_PROVIDER, true, VectorizationProvider.class.getClassLoader());
            return (String) panama.getMethod("preferredFloatSpeciesName").invoke(null);
        } catch (final ReflectiveOperationException | LinkageError e) {
            return "n/a (" + e + ")";
        }
    }

    /**
     * @return lanes of the preferred float species, or 0 if the Vector API module is absent
     */
    public static int preferredFloatLanes() {
        if (!vectorModulePresent()) {
            return 0;
        }
        try {
            return panamaPreferredLanes();
        } catch (final ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return name() + " (" + reason + ")";
    }

    /** Lazy, thread-safe holder: the choice is made on first use of {@link #getInstance()}. */
    private static final class Holder {
        static final VectorizationProvider INSTANCE = lookup(System.getProperty(PROPERTY));
    }
}
