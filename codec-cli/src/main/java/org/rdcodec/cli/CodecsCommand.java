package org.rdcodec.cli;

import org.rdcodec.core.spec.CodecCatalog;
import org.rdcodec.core.spec.CodecDefinition;
import org.rdcodec.core.spec.ParamDef;

import picocli.CommandLine.Command;

/** {@code rdc codecs}: every codec with its parameters, types, ranges and defaults. */
@Command(name = "codecs", mixinStandardHelpOptions = true, description = "List every codec and its parameters.")
final class CodecsCommand implements Runnable {

    @Override
    public void run() {
        for (final CodecDefinition c : CodecCatalog.all()) {
            System.out.printf("%-10s %s%s%n", c.name(), c.unbiased() ? "[unbiased] " : "[biased] ", c.description());
            for (final ParamDef p : c.params()) {
                System.out.printf("    %-11s %-8s %-22s %s%s%n", p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT), p.rangeText(),
                        p.defaultValue() == null ? "" : "(default " + p.defaultValue() + ") ", p.description());
            }
            for (final var group : c.exclusiveGroups()) {
                System.out.printf("    at most one of: %s%n", String.join(", ", group));
            }
        }
        System.out.println("Spec syntax: name[:key=value,...], or JSON {\"codec\": name, key: value, ...}");
    }
}
