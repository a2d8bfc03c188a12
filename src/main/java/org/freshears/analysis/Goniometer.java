package org.freshears.analysis;

import java.util.List;

/**
 * A {@code size}×{@code size} histogram of sample pairs, x = side (−1…1 scaled to the peak), y = mid; row-major
 * counts scaled to 0…255 so that the document stays compact.
 */
public record Goniometer(int size, List<Integer> cells) {
}
