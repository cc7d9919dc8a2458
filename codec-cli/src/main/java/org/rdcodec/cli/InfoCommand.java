package org.rdcodec.cli;

import org.rdcodec.core.simd.VectorizationProvider;

import picocli.CommandLine.Command;

/** {@code rdc info}: the JDK, the vector species and the SIMD provider in use. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the JDK, vector species and SIMD provider in use.")
final class InfoCommand implements Runnable {

    @Override
    public void run() {
        final VectorizationProvider simd = VectorizationProvider.getInstance();
        final int lanes = VectorizationProvider.preferredFloatLanes();
        System.out.println("java.version   " + System.getProperty("java.version"));
        System.out.println("java.vm        " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        System.out.println("os.arch        " + System.getProperty("os.arch"));
        System.out.println("processors     " + Runtime.getRuntime().availableProcessors());
        System.out.println("vector.species " + VectorizationProvider.preferredFloatSpecies()
                + (lanes > 0 ? " (" + lanes + " float lanes)" : ""));
        System.out.println("simd.provider  " + simd.name());
        System.out.println("simd.reason    " + simd.reason());
    }
}
