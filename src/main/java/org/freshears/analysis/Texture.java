package org.freshears.analysis;

/**
 * The {@code texture} block: rhythm and timbre, what the music is more than how it is mixed. Level-independent;
 * the genre model uses it (tonal balance and dynamics alone mostly tell one production from another, not one
 * genre from another). {@code null} where undefined (silence, under two seconds, no periodicity).
 *
 * @param onsetsPerSecond        note and drum onsets per second of non-silent audio ({@link OnsetTracker})
 * @param tempoBpm               the dominant beat period as BPM, 40–240 (octave errors are possible, as in every
 *                               tempo estimator)
 * @param pulseClarity           0–1, how periodic the onsets are: a steady beat near 1, beatless material near 0
 * @param onsetStrength          mean onset strength per 10 ms (how percussive; about 0.02–0.3)
 * @param flatnessDb             spectral flatness 100 Hz–8 kHz, dB: 0 for white noise, lower for tonal sound
 * @param brightnessSpreadOctaves how far the spectral centroid moves over the track, octaves (standard deviation)
 */
public record Texture(Double onsetsPerSecond, Double tempoBpm, Double pulseClarity, Double onsetStrength,
                      Double flatnessDb, Double brightnessSpreadOctaves) {
}
