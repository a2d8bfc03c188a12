package org.freshears.analysis;

/** The {@code technical} block: defects that need no genre to judge. */
public record TechnicalStats(long nonFiniteSamples) {
}
