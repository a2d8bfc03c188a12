/**
 * Audio input and output: turning files into streams of planar float blocks and back.
 *
 * <p>{@link org.freshears.audio.AudioDecoder#open(java.nio.file.Path)} identifies a file by its content and
 * returns an {@link org.freshears.audio.AudioSource} that the analysers read block by block; memory use is
 * bounded by the block, not the file. WAV and AIFF/AIFF-C are parsed here; FLAC, MP3 and Ogg Vorbis are
 * decoded through jflac, JLayer and JOrbis. Files that cannot be decoded raise
 * {@link org.freshears.audio.UnreadableAudioException} with one user-facing line; files that break part way
 * decode up to the break, and damaged stretches are skipped (as silence where their length is certain), and both
 * are reported in {@link org.freshears.audio.AudioSource#warnings()}.
 *
 * <p>This package depends on nothing else in Fresh Ears.
 */
package org.freshears.audio;
