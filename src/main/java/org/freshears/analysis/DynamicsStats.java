package org.freshears.analysis;

/** The {@code dynamics} block. Levels in dB; {@code null} where undefined (silence). */
public record DynamicsStats(Double crestFactorDb, Double plrDb) {
}
