package org.freshears.util;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Where a file is written before it is moved over its final name: a hidden sibling with a random suffix, so that a
 * full disk or a crash never leaves a truncated file (or half of an earlier one) under the output's name, and two
 * writers of the same output do not share one. The caller creates it with an ordinary write, so it gets the user's
 * usual permissions (a temp file would be 0600, and so would the output once moved over).
 */
public final class PartFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartFiles() {}

    /** {@code .NAME.<random hex>.part} in {@code out}'s folder. */
    public static Path beside(Path out) {
        Path abs = out.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
    }
}
