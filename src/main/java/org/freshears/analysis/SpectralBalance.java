package org.freshears.analysis;

import java.util.List;

/** The {@code spectrum} block: the seven named bands of CONTRACT.md, in order. */
public record SpectralBalance(List<SpectrumBand> bands) {
}
