package org.freshears.analysis;

/**
 * The {@code file} block of the analysis document.
 *
 * @param path             the path as the user gave it (or the upload's display name)
 * @param frames           frames actually decoded
 * @param nonFiniteSamples NaN or Inf samples found (they are measured as 0 and reported, never hidden)
 */
public record FileInfo(String path, int sampleRate, int channels, Double durationSeconds, String format,
                       String encoding, long frames, long nonFiniteSamples) {
}
